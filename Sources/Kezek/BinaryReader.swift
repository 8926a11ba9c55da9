/// Reads Kezek's binary layout (see `BinaryWriter`) from borrowed bytes; every read is bounds-checked
/// and fails with a `BinaryDecodingError` that names the offset.
///
/// The reader does not own its bytes: use it only while the buffer it was made from is alive, e.g.
/// inside `withReader(_:_:)` or inside the LMDB transaction that lent the bytes.
public struct BinaryReader {
    /// The bytes being read.
    public let buffer: UnsafeRawBufferPointer
    /// The offset of the next read.
    public private(set) var offset: Int

    /// A reader at the start of `buffer`.
    public init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        offset = 0
    }

    /// Calls `body` with a reader over `bytes`; the reader must not escape `body`.
    public static func withReader<Result, Failure: Error>(
        _ bytes: [UInt8],
        _ body: (inout BinaryReader) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let outcome = bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            return Swift.Result { () throws(Failure) -> Result in try body(&reader) }
        }
        return try outcome.get()
    }

    /// The number of bytes not read yet.
    public var remaining: Int { buffer.count - offset }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == buffer.count }

    /// Fails with `trailingBytes` unless every byte has been read.
    public func expectEnd() throws(BinaryDecodingError) {
        guard isAtEnd else { throw BinaryDecodingError(offset: offset, reason: .trailingBytes(remaining)) }
    }

    mutating func claim(_ count: Int) throws(BinaryDecodingError) -> Int {
        guard count <= buffer.count - offset else {
            throw BinaryDecodingError(offset: offset, reason: .truncated(needed: count, available: remaining))
        }
        let start = offset
        offset += count
        return start
    }

    /// Reads one byte.
    public mutating func readUInt8() throws(BinaryDecodingError) -> UInt8 {
        let start = try claim(1)
        return buffer[start]
    }

    /// Reads a boolean byte (0 or 1).
    public mutating func readBool() throws(BinaryDecodingError) -> Bool {
        let start = offset
        switch try readUInt8() {
        case 0: return false
        case 1: return true
        case let byte: throw BinaryDecodingError(offset: start, reason: .invalidBoolean(byte))
        }
    }

    /// Reads 2 bytes, big-endian.
    public mutating func readUInt16() throws(BinaryDecodingError) -> UInt16 {
        let start = try claim(2)
        return UInt16(buffer[start]) << 8 | UInt16(buffer[start + 1])
    }

    /// Reads 4 bytes, big-endian.
    public mutating func readUInt32() throws(BinaryDecodingError) -> UInt32 {
        let start = try claim(4)
        return UInt32(bigEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self))
    }

    /// Reads 8 bytes, big-endian.
    public mutating func readUInt64() throws(BinaryDecodingError) -> UInt64 {
        let start = try claim(8)
        return UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    }

    /// Reads an unsigned LEB128 varint (at most 10 bytes, value within 64 bits).
    public mutating func readVarint() throws(BinaryDecodingError) -> UInt64 {
        // Fast path: most varints here (numbers, times, lengths) are one byte.
        if offset < buffer.count, buffer[offset] < 0x80 {
            offset += 1
            return UInt64(buffer[offset - 1])
        }
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count else {
                throw BinaryDecodingError(
                    offset: start, reason: .truncated(needed: offset - start + 1, available: buffer.count - start))
            }
            let byte = buffer[offset]
            offset += 1
            if shift == 63 && byte > 1 {
                throw BinaryDecodingError(offset: start, reason: .varintOverflow)
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// Reads a zigzag varint as a signed integer.
    public mutating func readZigzag() throws(BinaryDecodingError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads a varint that must fit `Int` (a length or a count).
    public mutating func readLength() throws(BinaryDecodingError) -> Int {
        let start = offset
        let raw = try readVarint()
        guard raw <= UInt64(Int.max) else { throw BinaryDecodingError(offset: start, reason: .lengthTooLarge(raw)) }
        return Int(raw)
    }

    /// Reads a length-prefixed byte string; the result borrows the reader's buffer.
    public mutating func readLengthPrefixedBytes() throws(BinaryDecodingError) -> UnsafeRawBufferPointer {
        let count = try readLength()
        let start = try claim(count)
        return UnsafeRawBufferPointer(rebasing: buffer[start..<start + count])
    }

    /// Reads `count` raw bytes; the result borrows the reader's buffer.
    public mutating func readRaw(count: Int) throws(BinaryDecodingError) -> UnsafeRawBufferPointer {
        let start = try claim(count)
        return UnsafeRawBufferPointer(rebasing: buffer[start..<start + count])
    }

    /// Reads a length-prefixed UTF-8 string, rejecting invalid UTF-8.
    public mutating func readString() throws(BinaryDecodingError) -> String {
        let start = offset
        let bytes = try readLengthPrefixedBytes()
        guard UTF8Validation.firstInvalidOffset(in: bytes) == nil else {
            throw BinaryDecodingError(offset: start, reason: .invalidUTF8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
