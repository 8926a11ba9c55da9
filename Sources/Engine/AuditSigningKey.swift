import Crypto
import Foundation
public import Kezek

/// The private half of an Ed25519 key pair (swift-crypto's `Curve25519.Signing`) that signs audit
/// checkpoints.
///
/// Its file is one JSON object: `{"format": "kezek-ed25519-private-key-v1", "privateKey": <the 32-byte
/// seed, 64 hex digits>, "publicKey": <the 32-byte public key, 64 hex digits>}`.
public struct AuditSigningKey: Sendable {
    /// The `format` of a private key file.
    public static let format = "kezek-ed25519-private-key-v1"

    private let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public init() {
        key = Curve25519.Signing.PrivateKey()
    }

    /// The key with this 32-byte seed; `nil` for any other length.
    public init?(seed: [UInt8]) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            return nil
        }
        self.key = key
    }

    /// Reads a private key file's JSON; the public key in it must belong to the private key.
    public init(json: JSONValue) throws(AuditFileError) {
        let document = "private key file (\(Self.format))"
        let fields = try AuditFields(json, document: document, format: Self.format)
        guard let seed = Hex.decode(try fields.string("privateKey"), count: 32), let key = Self(seed: seed) else {
            throw .malformed(document: document, reason: "privateKey must be 64 hexadecimal digits")
        }
        guard try AuditPublicKey(hex: try fields.string("publicKey"), document: document) == key.publicKey else {
            throw .malformed(document: document, reason: "publicKey does not belong to privateKey")
        }
        self = key
    }

    /// The 32-byte seed.
    public var seed: [UInt8] { Array(key.rawRepresentation) }

    /// The public key that checks this key's signatures.
    public var publicKey: AuditPublicKey {
        AuditPublicKey(validatedBytes: Array(key.publicKey.rawRepresentation))
    }

    /// The private key file's JSON.
    public var json: JSONValue {
        ["format": .string(Self.format), "privateKey": .string(Hex.encode(seed)), "publicKey": .string(publicKey.hex)]
    }

    /// The 64-byte Ed25519 signature of `message`.
    func signature(for message: [UInt8]) -> [UInt8] {
        // Signing with a well-formed key cannot fail; an empty signature would fail every check.
        (try? Array(key.signature(for: Data(message)))) ?? []
    }
}
