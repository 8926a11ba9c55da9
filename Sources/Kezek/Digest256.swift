/// A 256-bit digest (SHA-256, see ``SHA256Hasher``), such as the digest of an allocation round's inputs.
public struct Digest256: Hashable, Sendable, CustomStringConvertible {
    // Four big-endian words: cheap to copy, compare and hash, no heap allocation.
    private let words: (UInt64, UInt64, UInt64, UInt64)

    init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Reads 32 bytes; `nil` for any other count.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.enumerated() {
            words[index / 8] = words[index / 8] << 8 | UInt64(byte)
        }
        self.words = (words[0], words[1], words[2], words[3])
    }

    /// Parses 64 hexadecimal digits (either case); `nil` for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.value(ofHexDigit: digits[index]), let low = Self.value(ofHexDigit: digits[index + 1])
            else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }

    /// The 32 bytes, most significant first.
    public var bytes: [UInt8] {
        [words.0, words.1, words.2, words.3].flatMap { word in
            stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: word >> UInt64($0)) }
        }
    }

    /// Lower-case hexadecimal, 64 characters.
    public var hex: String {
        let alphabet = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(alphabet[Int(byte >> 4)])
            text.append(alphabet[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Lower-case hexadecimal.
    public var description: String { hex }

    /// Whether both are the same 32 bytes.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.words == rhs.words
    }

    /// Feeds the 32 bytes to `hasher`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    private static func value(ofHexDigit digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Digest256: EventValue {
    /// Binary: the 32 bytes. JSON: 64 lower-case hexadecimal digits.
    func write(to writer: inout BoundedBinaryWriter) {
        for word in [words.0, words.1, words.2, words.3] {
            writer.write(word)
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(
            words: (try reader.readUInt64(), try reader.readUInt64(), try reader.readUInt64(), try reader.readUInt64()))
    }

    var json: JSONValue { .string(hex) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let digest = Digest256(hex: text) else {
            throw .json(field: path, expected: "64 hexadecimal digits")
        }
        self = digest
    }
}
