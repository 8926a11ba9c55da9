/// Why stored bytes or a JSON form could not be read back as an `Event`.
public enum EventDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A binary type code that no event has (written by a newer engine, or corrupt).
    case unknownType(UInt16)
    /// A JSON `type` that no event has.
    case unknownTypeName(String)
    /// A schema version this engine cannot read: newer than it knows, or 0.
    case unsupportedVersion(EventType, version: UInt16, newest: UInt16)
    /// The bytes break the binary layout.
    case binary(BinaryDecodingError)
    /// A JSON field is missing or not what it must be; `expected` says what it must be.
    case json(field: String, expected: String)

    /// A plain-English explanation.
    public var message: String {
        switch self {
        case .unknownType(let code): "unknown event type code \(code)"
        case .unknownTypeName(let name): "unknown event type \(ASCIIDigits.quoted(name))"
        case .unsupportedVersion(let type, let version, let newest):
            "\(type.name) version \(version) cannot be read; this engine reads versions 1 to \(newest)"
        case .binary(let error): "malformed event bytes: \(error.message)"
        case .json(let field, let expected): "the event field \"\(field)\" must be \(expected)"
        }
    }

    /// Same as `message`.
    public var description: String { message }
}
