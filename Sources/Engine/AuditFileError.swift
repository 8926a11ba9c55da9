/// An audit file (a key or a signed checkpoint) that cannot be used, with a stable ``code``.
public enum AuditFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not the JSON document it should be: `document` names what was expected, `reason`
    /// what is wrong with it.
    case malformed(document: String, reason: String)

    /// A stable camelCase code: `malformedAuditFile`.
    public var code: String {
        switch self {
        case .malformed: "malformedAuditFile"
        }
    }

    /// What is wrong, in plain words.
    public var message: String {
        switch self {
        case .malformed(let document, let reason): "not a valid \(document): \(reason)"
        }
    }

    public var description: String { "\(code): \(message)" }
}
