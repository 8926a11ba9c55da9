public import EventLog
public import Kezek

/// A head of the log (position and chain hash) and the time it was taken, signed with Ed25519 for
/// publication. Whoever holds the public key can later prove that the log still extends this head: a
/// history rewritten below it, even with every hash recomputed, has another hash at this position.
///
/// The signature covers the UTF-8 bytes of one line (see ``message(head:time:)``):
/// `kezek-checkpoint-v1 position=<decimal> hash=<64 lower-case hex digits> time=<milliseconds since
/// 1970, decimal>`. Its JSON form is `{"format": "kezek-checkpoint-v1", "position", "hash", "time"
/// (ISO 8601), "publicKey" (hex), "signature" (64 bytes, hex)}`.
public struct SignedCheckpoint: Hashable, Sendable {
    /// The `format` of a checkpoint and the first word of the signed line.
    public static let format = "kezek-checkpoint-v1"

    /// The position and chain hash that were signed.
    public var head: LogHead
    /// When the checkpoint was taken (whole milliseconds; the JSON form keeps them).
    public var time: Timestamp
    /// The key that signed it (informative: a verifier checks with the key it trusts).
    public var publicKey: AuditPublicKey
    /// The Ed25519 signature of ``message(head:time:)``, 64 bytes.
    public var signature: [UInt8]

    /// Signs `head` as of `time` with `key`.
    public init(signing head: LogHead, at time: Timestamp, with key: AuditSigningKey) {
        self.head = head
        self.time = time
        publicKey = key.publicKey
        signature = key.signature(for: Self.message(head: head, time: time))
    }

    /// Reads a checkpoint's JSON (as ``json`` writes it); the signature is checked separately, by
    /// ``isSigned(by:)``.
    public init(json: JSONValue) throws(AuditFileError) {
        let document = "checkpoint (\(Self.format))"
        let fields = try AuditFields(json, document: document, format: Self.format)
        let position = try fields.integer("position")
        guard position >= 0 else { throw .malformed(document: document, reason: "position must not be negative") }
        guard let hash = ChainHash(hex: try fields.string("hash")) else {
            throw .malformed(document: document, reason: "hash must be 64 hexadecimal digits")
        }
        guard let time = Timestamp(try fields.string("time")) else {
            throw .malformed(document: document, reason: "time must be ISO 8601 with an offset")
        }
        guard let signature = Hex.decode(try fields.string("signature"), count: 64) else {
            throw .malformed(document: document, reason: "signature must be 128 hexadecimal digits")
        }
        head = LogHead(position: Position(UInt64(position)), hash: hash)
        self.time = time
        publicKey = try AuditPublicKey(hex: try fields.string("publicKey"), document: document)
        self.signature = signature
    }

    /// The JSON form: `{"format", "position", "hash", "time", "publicKey", "signature"}`.
    public var json: JSONValue {
        [
            "format": .string(Self.format),
            "position": .integer(Int64(bitPattern: head.position.rawValue)),
            "hash": .string(head.hash.hex),
            "time": .string(time.description),
            "publicKey": .string(publicKey.hex),
            "signature": .string(Hex.encode(signature)),
        ]
    }

    /// The bytes that are signed: the UTF-8 of
    /// `kezek-checkpoint-v1 position=<decimal> hash=<hex> time=<milliseconds since 1970>`, no newline.
    public static func message(head: LogHead, time: Timestamp) -> [UInt8] {
        let line =
            "\(format) position=\(head.position.rawValue) hash=\(head.hash.hex) time=\(time.millisecondsSinceEpoch)"
        return Array(line.utf8)
    }

    /// Whether `key` signed this checkpoint (its signature over ``message(head:time:)`` verifies with
    /// `key`, whatever ``publicKey`` says).
    public func isSigned(by key: AuditPublicKey) -> Bool {
        key.isValidSignature(signature, for: Self.message(head: head, time: time))
    }
}
