/// Writes Kezek's binary layout (see `BinaryWriter`) into a region reserved up front, with one bounds
/// check per value and no growth: a value that does not fit marks the writer overflowed and is dropped,
/// with everything after it, so that the caller can run the same writes again on a larger region.
///
/// The event codec writes through it: one reservation per event instead of an array append (with its
/// uniqueness and capacity checks) per byte.
struct BoundedBinaryWriter {
    /// The reserved region.
    private let region: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far, from the start of the region.
    private(set) var count = 0
    /// Whether a value did not fit; `count` is then meaningless.
    private(set) var hasOverflowed = false

    /// A writer at the start of `region`.
    init(_ region: UnsafeMutableBufferPointer<UInt8>) {
        self.region = region
    }

    /// The next `length` (at least 1) bytes of the region, or `nil` after marking the writer overflowed.
    @inline(__always)
    private mutating func claim(_ length: Int) -> UnsafeMutablePointer<UInt8>? {
        guard length <= region.count &- count, let start = region.baseAddress else {
            hasOverflowed = true
            count = region.count
            return nil
        }
        defer { count &+= length }
        return start + count
    }

    /// Writes one byte.
    @inline(__always)
    mutating func write(_ value: UInt8) {
        claim(1)?.initialize(to: value)
    }

    /// Writes a `Bool` as one byte, 0 or 1.
    @inline(__always)
    mutating func write(_ value: Bool) {
        write(value ? 1 : 0 as UInt8)
    }

    /// Writes 2 bytes, big-endian.
    mutating func write(_ value: UInt16) {
        guard let start = claim(2) else { return }
        UnsafeMutableRawPointer(start).storeBytes(of: value.bigEndian, as: UInt16.self)
    }

    /// Writes 4 bytes, big-endian.
    mutating func write(_ value: UInt32) {
        guard let start = claim(4) else { return }
        UnsafeMutableRawPointer(start).storeBytes(of: value.bigEndian, as: UInt32.self)
    }

    /// Writes 8 bytes, big-endian.
    mutating func write(_ value: UInt64) {
        guard let start = claim(8) else { return }
        UnsafeMutableRawPointer(start).storeBytes(of: value.bigEndian, as: UInt64.self)
    }

    /// Writes an unsigned LEB128 varint: 7 bits a byte, low bits first, 1 to 10 bytes.
    @inline(__always)
    mutating func writeVarint(_ value: UInt64) {
        if value < 0x80 {
            write(UInt8(truncatingIfNeeded: value))
        } else {
            writeLongVarint(value)
        }
    }

    @inline(__always)
    private mutating func writeLongVarint(_ value: UInt64) {
        // ceil(significant bits / 7) bytes.
        let length = (70 &- value.leadingZeroBitCount) / 7
        guard let start = claim(length) else { return }
        var rest = value
        for index in 0..<length &- 1 {
            start[index] = UInt8(truncatingIfNeeded: rest) | 0x80
            rest >>= 7
        }
        start[length &- 1] = UInt8(truncatingIfNeeded: rest)
    }

    /// Writes a signed integer zigzag-encoded (0, -1, 1, -2, ... → 0, 1, 2, 3, ...) as a varint.
    @inline(__always)
    mutating func writeZigzag(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Writes raw bytes, without a length.
    mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty, let start = claim(bytes.count) else { return }
        if bytes.count <= 16 {
            // Ids and version names: a short loop beats calling `memcpy`.
            for index in 0..<bytes.count {
                start[index] = source.load(fromByteOffset: index, as: UInt8.self)
            }
        } else {
            UnsafeMutableRawPointer(start).copyMemory(from: source, byteCount: bytes.count)
        }
    }

    /// Writes the length as a varint, then the bytes.
    mutating func writeLengthPrefixed(_ bytes: UnsafeRawBufferPointer) {
        writeVarint(UInt64(bytes.count))
        writeRaw(bytes)
    }

    /// Writes a known name (see `KnownNames`): its length, then its bytes, from one word.
    mutating func writeName(_ word: UInt64) {
        let length = Int(truncatingIfNeeded: word &>> 56)
        // The length byte, then the name's bytes: with room for a whole word, one store does both (what
        // lands past the name is free space, overwritten later).
        let bytes = (word & 0x00FF_FFFF_FFFF_FFFF) &<< 8 | UInt64(truncatingIfNeeded: length)
        if region.count &- count >= 8, let base = region.baseAddress {
            UnsafeMutableRawPointer(base + count).storeBytes(of: bytes.littleEndian, as: UInt64.self)
            count &+= 1 &+ length
            return
        }
        guard let start = claim(1 &+ length) else { return }
        var rest = bytes
        for index in 0...length {
            start[index] = UInt8(truncatingIfNeeded: rest)
            rest &>>= 8
        }
    }

    /// Writes a string's UTF-8 length as a varint, then its UTF-8 bytes.
    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { writeLengthPrefixed(UnsafeRawBufferPointer($0)) }
    }
}
