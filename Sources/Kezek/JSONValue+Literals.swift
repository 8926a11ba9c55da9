extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `.string`.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// `.integer`.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }

    /// `.bool`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// `.array`.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    /// `.object`, members in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONMember($0.0, $0.1) }))
    }
}
