/// Why an `apply` line is not a well-formed command: the detail of `Rejection.malformedCommand`.
///
/// Field paths name nested fields the way a reader would look for them: `priority.documents[1].issuedOn`.
public enum CommandFormatError: Error, Sendable, Equatable {
    /// The line is not valid JSON.
    case invalidJSON(JSONParseError)
    /// The line is JSON, but not an object; carries the JSON type found.
    case notAnObject(found: String)
    /// A required field is absent (or `null`).
    case missingField(String)
    /// A field has the wrong JSON type.
    case wrongType(field: String, expected: String, found: String)
    /// An integer field holds a number outside what the field allows; `value` is the number as written.
    case outOfRange(field: String, value: String, allowed: String)
    /// A field that takes one of a few words holds another one.
    case invalidChoice(field: String, value: String, allowed: [String])

    /// A plain-English explanation naming the field.
    public var message: String {
        switch self {
        case .invalidJSON(let error):
            "the line is not valid JSON: \(error.message)"
        case .notAnObject(let found):
            "a command must be a JSON object, found \(found == "array" || found == "integer" ? "an" : "a") \(found)"
        case .missingField(let field):
            "the field \"\(field)\" is required"
        case .wrongType(let field, let expected, let found):
            "the field \"\(field)\" must be \(expected), found \(found)"
        case .outOfRange(let field, let value, let allowed):
            "the field \"\(field)\" is \(value); it must be \(allowed)"
        case .invalidChoice(let field, let value, let allowed):
            "the field \"\(field)\" is \(ASCIIDigits.quoted(value)); it must be one of "
                + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }
}
