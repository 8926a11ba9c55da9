/// Strict UTF-8 checks over raw bytes (Unicode table 3-7: no overlongs, no surrogates, nothing above
/// U+10FFFF), shared by the JSON parser and the binary reader.
enum UTF8Validation {
    /// The length of the well-formed sequence whose lead byte (>= 0x80) is at `offset`, or `nil`.
    @inline(__always)
    static func sequenceLength(in bytes: UnsafeRawBufferPointer, at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        let second = bytes[offset + 1]
        guard second >= low && second <= high else { return nil }
        var next = offset + 2
        while next < offset + length {
            guard bytes[next] & 0xC0 == 0x80 else { return nil }
            next += 1
        }
        return length
    }

    /// The offset of the first byte that starts an ill-formed sequence, or `nil` when all is valid.
    static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] < 0x80 {
                offset += 1
            } else if let length = sequenceLength(in: bytes, at: offset) {
                offset += length
            } else {
                return offset
            }
        }
        return nil
    }

    /// Whether every byte is below 0x80 (ASCII is valid UTF-8), checked 8 bytes at a time.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        var high: UInt64 = 0
        while offset + 8 <= bytes.count {
            high |= bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            high |= UInt64(bytes[offset])
            offset += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// The string of `bytes`, which the caller has checked are valid UTF-8: one copy into the string's
    /// storage (in place for 15 bytes or fewer), cheaper than `String(decoding:as:)`, which validates
    /// and repairs first.
    static func string(fromValid bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { target in
            UnsafeMutableRawBufferPointer(target).copyMemory(from: bytes)
            return bytes.count
        }
    }
}
