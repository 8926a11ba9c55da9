import Kezek

/// Field-by-field binary coding of the values the projections keep, shared by the checkpoint and the
/// canonical encoding. Enums are written as their index among `allCases`.
enum CheckpointCoding {
    static func invalid(_ type: String, at reader: BinaryReader) -> BinaryDecodingError {
        BinaryDecodingError(offset: reader.offset, reason: .invalidValue(type: type))
    }

    /// The code of a case of a closed enum: its index among `allCases`.
    static func code<T: CaseIterable & Equatable>(_ value: T) -> UInt8 {
        UInt8(T.allCases.firstIndex(of: value).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) } ?? 0)
    }

    static func writeCase<T: CaseIterable & Equatable>(_ value: T, to writer: inout BinaryWriter) {
        writer.write(code(value))
    }

    static func readCase<T: CaseIterable>(
        _ type: T.Type = T.self, from reader: inout BinaryReader
    ) throws(BinaryDecodingError) -> T {
        try readCase(from: &reader, in: T.allCases)
    }

    /// Reads a case of `cases` by its index (for loops: the cases are made once, not per value).
    static func readCase<Cases: Collection>(
        from reader: inout BinaryReader, in cases: Cases
    ) throws(BinaryDecodingError) -> Cases.Element {
        let code = try reader.readUInt8()
        guard Int(code) < cases.count else {
            throw BinaryDecodingError(
                offset: reader.offset - 1, reason: .invalidTag(type: "\(Cases.Element.self)", tag: UInt64(code)))
        }
        return cases[cases.index(cases.startIndex, offsetBy: Int(code))]
    }

    static func write(_ time: Timestamp?, to writer: inout BinaryWriter) {
        writer.write(time != nil)
        if let time { writer.writeZigzag(time.millisecondsSinceEpoch) }
    }

    static func readTime(from reader: inout BinaryReader) throws(BinaryDecodingError) -> Timestamp? {
        guard try reader.readBool() else { return nil }
        return Timestamp(millisecondsSinceEpoch: try reader.readZigzag())
    }

    static func readKey(from reader: inout BinaryReader) throws(BinaryDecodingError) -> PackedQueueKey {
        guard let key = PackedQueueKey(rawValue: try reader.readVarint()) else { throw invalid("QueueKey", at: reader) }
        return key
    }
}
