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

    /// Moves past `count` bytes and returns the offset of the first.
    @inline(__always)
    mutating func claim(_ count: Int) throws(BinaryDecodingError) -> Int {
        guard count <= buffer.count &- offset else { throw truncation(needing: count) }
        let start = offset
        offset = start &+ count
        return start
    }

    /// The error of a read of `count` bytes where fewer remain (out of line: reads inline only their
    /// fast path).
    @inline(never)
    private func truncation(needing count: Int) -> BinaryDecodingError {
        BinaryDecodingError(offset: offset, reason: .truncated(needed: count, available: remaining))
    }

    /// Reads one byte.
    @inline(__always)
    public mutating func readUInt8() throws(BinaryDecodingError) -> UInt8 {
        let start = try claim(1)
        return buffer[start]
    }

    /// Reads a boolean byte (0 or 1).
    @inline(__always)
    public mutating func readBool() throws(BinaryDecodingError) -> Bool {
        let start = offset
        switch try readUInt8() {
        case 0: return false
        case 1: return true
        case let byte: throw BinaryDecodingError(offset: start, reason: .invalidBoolean(byte))
        }
    }

    /// Reads 2 bytes, big-endian.
    @inline(__always)
    public mutating func readUInt16() throws(BinaryDecodingError) -> UInt16 {
        let start = try claim(2)
        return UInt16(buffer[start]) << 8 | UInt16(buffer[start + 1])
    }

    /// Reads 4 bytes, big-endian.
    @inline(__always)
    public mutating func readUInt32() throws(BinaryDecodingError) -> UInt32 {
        let start = try claim(4)
        return UInt32(bigEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self))
    }

    /// Reads 8 bytes, big-endian.
    @inline(__always)
    public mutating func readUInt64() throws(BinaryDecodingError) -> UInt64 {
        let start = try claim(8)
        return UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    }

    /// Reads an unsigned LEB128 varint (at most 10 bytes, value within 64 bits).
    @inline(__always)
    public mutating func readVarint() throws(BinaryDecodingError) -> UInt64 {
        // Fast path: most varints here (numbers, lengths, tags) are one byte.
        let start = offset
        if start < buffer.count, buffer[start] < 0x80 {
            offset = start &+ 1
            return UInt64(buffer[start])
        }
        if buffer.count &- start >= 8 {
            // Word at a time: the first byte without a continuation bit ends the varint.
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt64.self))
            let ends = ~word & 0x8080_8080_8080_8080
            if ends != 0 {
                // The bits of the varint's bytes: up to and including the first end bit.
                let bits = ends.trailingZeroBitCount &+ 1
                offset = start &+ bits / 8
                return Self.compactVarint(bits == 64 ? word : word & (1 &<< bits &- 1))
            }
        } else {
            // Fewer than 8 bytes left (the end of a short payload): they carry at most 49 bits, so no
            // overflow is possible; running out of bytes is left to `readLongVarint` to report.
            var index = start
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while index < buffer.count {
                let byte = buffer[index]
                index &+= 1
                result |= UInt64(byte & 0x7F) &<< shift
                if byte < 0x80 {
                    offset = index
                    return result
                }
                shift &+= 7
            }
        }
        return try readLongVarint()
    }

    /// The value of a varint of up to 8 bytes held little-endian in `word` (bytes after it zero): the
    /// low 7 bits of each byte, packed together.
    @inline(__always)
    static func compactVarint(_ word: UInt64) -> UInt64 {
        var value = word & 0x7F7F_7F7F_7F7F_7F7F
        value = (value & 0x007F_007F_007F_007F) | (value & 0x7F00_7F00_7F00_7F00) >> 1
        value = (value & 0x0000_3FFF_0000_3FFF) | (value & 0x3FFF_0000_3FFF_0000) >> 2
        return (value & 0x0000_0000_0FFF_FFFF) | (value & 0x0FFF_FFFF_0000_0000) >> 4
    }

    /// Reads a varint byte by byte, reporting what is wrong with it: cut off by the end of the buffer,
    /// longer than 10 bytes or wider than 64 bits (the fast paths of `readVarint` read every valid one
    /// but a rare 9- or 10-byte value).
    @inline(never)
    private mutating func readLongVarint() throws(BinaryDecodingError) -> UInt64 {
        let start = offset
        var index = start
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < buffer.count else {
                throw BinaryDecodingError(
                    offset: start, reason: .truncated(needed: index - start + 1, available: buffer.count - start))
            }
            let byte = buffer[index]
            index += 1
            if shift == 63 && byte > 1 {
                throw BinaryDecodingError(offset: start, reason: .varintOverflow)
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                offset = index
                return result
            }
            shift += 7
        }
    }

    /// Reads a zigzag varint as a signed integer.
    @inline(__always)
    public mutating func readZigzag() throws(BinaryDecodingError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads a varint that must fit `Int` (a length or a count).
    @inline(__always)
    public mutating func readLength() throws(BinaryDecodingError) -> Int {
        let start = offset
        let raw = try readVarint()
        guard raw <= UInt64(Int.max) else { throw BinaryDecodingError(offset: start, reason: .lengthTooLarge(raw)) }
        return Int(raw)
    }

    /// Reads a count of entries that take at least one byte each, so that it is at most the bytes
    /// left: a damaged count fails here instead of running a loop (or a reservation) for long.
    public mutating func readCount() throws(BinaryDecodingError) -> Int {
        let start = offset
        let count = try readLength()
        guard count <= remaining else {
            throw BinaryDecodingError(offset: start, reason: .truncated(needed: count, available: remaining))
        }
        return count
    }

    /// Reads a length-prefixed byte string; the result borrows the reader's buffer.
    @inline(__always)
    public mutating func readLengthPrefixedBytes() throws(BinaryDecodingError) -> UnsafeRawBufferPointer {
        let count = try readLength()
        let start = try claim(count)
        return UnsafeRawBufferPointer(start: buffer.baseAddress?.advanced(by: start), count: count)
    }

    /// Reads `count` integers written by ``BinaryWriter/writeLittleEndian(_:)``, in one copy.
    public mutating func readLittleEndian<Value: FixedWidthInteger>(
        _ type: Value.Type, count: Int
    ) throws(BinaryDecodingError) -> [Value] {
        let size = MemoryLayout<Value>.size
        guard count >= 0, count <= remaining / size else {
            let (needed, overflow) = max(count, 0).multipliedReportingOverflow(by: size)
            throw truncation(needing: overflow ? Int.max : needed)
        }
        let start = try claim(count * size)
        return [Value](unsafeUninitializedCapacity: count) { target, initialized in
            UnsafeMutableRawBufferPointer(target).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: buffer[start..<start + count * size]))
            #if _endian(big)
                for index in 0..<count { target[index] = Value(littleEndian: target[index]) }
            #endif
            initialized = count
        }
    }

    /// Reads `count` raw bytes; the result borrows the reader's buffer.
    public mutating func readRaw(count: Int) throws(BinaryDecodingError) -> UnsafeRawBufferPointer {
        let start = try claim(count)
        return UnsafeRawBufferPointer(rebasing: buffer[start..<start + count])
    }

    /// Reads a length-prefixed UTF-8 string, rejecting invalid UTF-8.
    public mutating func readString() throws(BinaryDecodingError) -> String {
        let start = offset
        return try Self.string(from: try readLengthPrefixedBytes(), at: start)
    }

    /// The string whose UTF-8 are `bytes`, rejecting invalid UTF-8 as read at `offset`.
    static func string(from bytes: UnsafeRawBufferPointer, at offset: Int) throws(BinaryDecodingError) -> String {
        guard UTF8Validation.isASCII(bytes) || UTF8Validation.firstInvalidOffset(in: bytes) == nil else {
            throw BinaryDecodingError(offset: offset, reason: .invalidUTF8)
        }
        return UTF8Validation.string(fromValid: bytes)
    }
}

extension BinaryReader {
    /// Reads the length written by `BinaryWriter.writeLengthPlaceholder()` and `fillLength(at:)` and gives
    /// the offset where the part it measures ends; fails at the length, naming `what`, when the part would
    /// run past the bytes left.
    mutating func readPartEnd(_ what: String) throws(BinaryDecodingError) -> Int {
        let lengthOffset = offset
        let length = try readUInt64()
        guard length <= UInt64(remaining) else { throw invalid(what, at: lengthOffset) }
        return offset + Int(length)
    }

    /// The error for a value of `type` at `offset` that the layout does not allow.
    @usableFromInline func invalid(_ type: String, at offset: Int) -> BinaryDecodingError {
        BinaryDecodingError(offset: offset, reason: .invalidValue(type: type))
    }
}
