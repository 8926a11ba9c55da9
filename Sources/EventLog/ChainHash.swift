import Crypto

/// A SHA-256 value of the hash chain: record n's hash is SHA-256(hash of record n-1 ‖ position n ‖
/// the canonical bytes of record n), and the chain starts from ``ChainHash/genesis`` (32 zero bytes).
public struct ChainHash: Hashable, Sendable, CustomStringConvertible {
    // Four big-endian words: cheap to copy, compare and hash, no heap allocation.
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The hash before the first record: 32 zero bytes.
    public static let genesis = ChainHash(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Reads 32 bytes; returns `nil` when `bytes` is not 32 bytes long.
    public init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 32 else { return nil }
        func word(_ index: Int) -> UInt64 {
            UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        }
        words = (word(0), word(1), word(2), word(3))
    }

    /// Parses 64 hexadecimal digits; returns `nil` for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in 0..<32 {
            guard let high = Self.nibble(digits[2 * index]), let low = Self.nibble(digits[2 * index + 1]) else {
                return nil
            }
            bytes[index] = high << 4 | low
        }
        guard let hash = bytes.withUnsafeBytes({ ChainHash(bytes: $0) }) else { return nil }
        self = hash
    }

    init(digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { ChainHash(bytes: $0)! }
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        result.withUnsafeMutableBytes { write(to: $0) }
        return result
    }

    /// Writes the 32 bytes at the start of `buffer`, which must hold at least 32.
    func write(to buffer: UnsafeMutableRawBufferPointer) {
        buffer.storeBytes(of: words.0.bigEndian, toByteOffset: 0, as: UInt64.self)
        buffer.storeBytes(of: words.1.bigEndian, toByteOffset: 8, as: UInt64.self)
        buffer.storeBytes(of: words.2.bigEndian, toByteOffset: 16, as: UInt64.self)
        buffer.storeBytes(of: words.3.bigEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The 64 lowercase hexadecimal digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public var description: String { hex }

    public static func == (lhs: ChainHash, rhs: ChainHash) -> Bool {
        lhs.words == rhs.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// The link after `self`: SHA-256(self ‖ position, big-endian ‖ canonical bytes).
    public func chained(position: Position, canonicalBytes: UnsafeRawBufferPointer) -> ChainHash {
        var hasher = SHA256()
        withUnsafeTemporaryAllocation(byteCount: 40, alignment: 8) { prefix in
            write(to: prefix)
            prefix.storeBytes(of: position.rawValue.bigEndian, toByteOffset: 32, as: UInt64.self)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(prefix))
        }
        hasher.update(bufferPointer: canonicalBytes)
        return ChainHash(digest: hasher.finalize())
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
