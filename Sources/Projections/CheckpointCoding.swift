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
        let code = try reader.readUInt8()
        let cases = Array(T.allCases)
        guard Int(code) < cases.count else {
            throw BinaryDecodingError(
                offset: reader.offset - 1, reason: .invalidTag(type: "\(T.self)", tag: UInt64(code)))
        }
        return cases[Int(code)]
    }

    static func write(_ time: Timestamp?, to writer: inout BinaryWriter) {
        writer.write(time != nil)
        if let time { writer.writeZigzag(time.millisecondsSinceEpoch) }
    }

    static func readTime(from reader: inout BinaryReader) throws(BinaryDecodingError) -> Timestamp? {
        guard try reader.readBool() else { return nil }
        return Timestamp(millisecondsSinceEpoch: try reader.readZigzag())
    }

    static func readIIN(from reader: inout BinaryReader) throws(BinaryDecodingError) -> IIN {
        guard let iin = IIN(asciiDigits: try reader.readLengthPrefixedBytes()) else { throw invalid("IIN", at: reader) }
        return iin
    }

    /// Writes the (IIN, row) pairs of `table` in ascending IIN order.
    static func write(_ table: IINTable<UInt32>, to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(table.count))
        for iin in table.keys.sorted() {
            writer.write(iin.rawValue)
            writer.write(table[iin]!)
        }
    }

    /// Reads what `write(_:to:)` wrote; every row must be below `rowCount`.
    static func readRowTable(from reader: inout BinaryReader, rowCount: Int) throws(BinaryDecodingError)
        -> IINTable<UInt32>
    {
        var table = IINTable<UInt32>()
        let count = try reader.readCount()
        table.reserveCapacity(count)
        for _ in 0..<count {
            let iin = try readIIN(from: &reader)
            let row = try reader.readUInt32()
            guard row < rowCount else { throw invalid("row", at: reader) }
            guard table.appendAscendingDeferringIndex(iin, row) else { throw invalid("IIN order", at: reader) }
        }
        table.rebuildIndex()
        return table
    }

    static func readKey(from reader: inout BinaryReader) throws(BinaryDecodingError) -> PackedQueueKey {
        guard let key = PackedQueueKey(rawValue: try reader.readVarint()) else { throw invalid("QueueKey", at: reader) }
        return key
    }
}
