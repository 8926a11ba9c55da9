import Crypto
import Foundation
public import Kezek

/// The public half of an audit key pair: checks the signatures of published checkpoints.
///
/// Its file is one JSON object: `{"format": "kezek-ed25519-public-key-v1", "publicKey": <32 bytes,
/// 64 hex digits>}`.
public struct AuditPublicKey: Hashable, Sendable {
    /// The `format` of a public key file.
    public static let format = "kezek-ed25519-public-key-v1"

    /// The 32 bytes of the Ed25519 public key.
    public let bytes: [UInt8]

    init(validatedBytes bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The key of 64 hexadecimal digits that make a valid Ed25519 public key.
    init(hex: String, document: String) throws(AuditFileError) {
        guard let bytes = Hex.decode(hex, count: 32),
            (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil
        else { throw .malformed(document: document, reason: "publicKey must be 64 hexadecimal digits") }
        self.bytes = bytes
    }

    /// Reads a public key file's JSON. A private key file is accepted too: its public key is used.
    public init(json: JSONValue) throws(AuditFileError) {
        let document = "public key file (\(Self.format))"
        let fields = try AuditFields(json, document: document, format: nil)
        let format = try fields.string("format")
        guard format == Self.format || format == AuditSigningKey.format else {
            throw .malformed(document: document, reason: "format is \"\(format)\", not \"\(Self.format)\"")
        }
        self = try Self(hex: try fields.string("publicKey"), document: document)
    }

    /// The 64 lower-case hexadecimal digits.
    public var hex: String { Hex.encode(bytes) }

    /// The public key file's JSON.
    public var json: JSONValue {
        ["format": .string(Self.format), "publicKey": .string(hex)]
    }

    /// Whether `signature` is this key's Ed25519 signature of `message`.
    func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes) else { return false }
        return key.isValidSignature(Data(signature), for: Data(message))
    }
}

/// The members of an audit file's JSON object, read with messages that name the file.
struct AuditFields {
    let object: JSONObject
    let document: String

    /// The object, whose `format` must be `format` when given.
    init(_ json: JSONValue, document: String, format: String?) throws(AuditFileError) {
        guard case .object(let object) = json else {
            throw .malformed(document: document, reason: "it is not a JSON object")
        }
        self.object = object
        self.document = document
        if let format {
            let found = try string("format")
            guard found == format else {
                throw .malformed(document: document, reason: "format is \"\(found)\", not \"\(format)\"")
            }
        }
    }

    func string(_ key: String) throws(AuditFileError) -> String {
        guard case .string(let value) = object[key] else {
            throw .malformed(document: document, reason: "\(key) is missing or not a string")
        }
        return value
    }

    func integer(_ key: String) throws(AuditFileError) -> Int64 {
        guard case .integer(let value) = object[key] else {
            throw .malformed(document: document, reason: "\(key) is missing or not an integer")
        }
        return value
    }
}
