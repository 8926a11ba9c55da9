/// A JSON document held in memory, exactly as parsed: integers stay exact and object keys keep their order.
///
/// Integers that fit `Int64` are `.integer`; every other number (a fraction, an exponent, or an integer
/// too large for `Int64`) is `.number` and keeps its source text, so nothing is rounded on the way through.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer literal (no fraction, no exponent) within `Int64`.
    case integer(Int64)
    /// Any other number, kept as its source text.
    case number(JSONNumber)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; members keep the order in which they were written or added.
    case object(JSONObject)
}

/// A JSON number that is not an exact `Int64`, kept as its (valid JSON) source text.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written, e.g. `1.5e3` or `18446744073709551616`.
    public let text: String

    /// Wraps JSON number text that the parser has already checked.
    init(validatedText text: String) {
        self.text = text
    }

    /// The number as written.
    public var description: String { text }
}

/// One `key: value` pair of a JSON object.
public struct JSONMember: Sendable, Hashable {
    /// The member's name.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// A member named `key` holding `value`.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object: members in insertion order, looked up by name.
///
/// Lookups scan the members; the objects this engine reads have a dozen members at most, where a scan
/// beats hashing. Keys are unique: the parser rejects duplicates and `subscript(_:)=` replaces in place.
public struct JSONObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The members, in order.
    public private(set) var members: [JSONMember]

    /// An empty object.
    public init() {
        members = []
    }

    /// An object with these members; a repeated key keeps its first position and its last value.
    public init(_ members: [JSONMember]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members {
            self[member.key] = member.value
        }
    }

    /// An object from a literal, e.g. `["type": .string("tick")]`, in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { JSONMember($0.0, $0.1) })
    }

    /// Members already known to have distinct keys (the parser checks).
    init(uncheckedMembers members: [JSONMember]) {
        self.members = members
    }

    /// The number of members.
    public var count: Int { members.count }

    /// The keys, in order.
    public var keys: [String] { members.map(\.key) }

    /// The value named `key`, or `nil`; setting `nil` removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key {
                return member.value
            }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                }
            } else if let newValue {
                members.append(JSONMember(key, newValue))
            }
        }
    }

    /// Appends a member without checking for an existing key; the caller guarantees the key is new.
    mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        members.append(JSONMember(key, value))
    }
}

extension JSONValue {
    /// The name of this value's JSON type, for messages: `null`, `boolean`, `integer`, `number`, ...
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
