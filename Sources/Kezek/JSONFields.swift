/// Typed access to the fields of one JSON object, failing with `Rejection.malformedCommand` that names the
/// field's path. Unknown extra fields are ignored.
struct JSONFields {
    let object: JSONObject
    /// The path of this object, `""` for the top level, e.g. `priority.documents[0]`.
    let path: String

    init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private func wrongType(_ key: String, expected: String, found: JSONValue) -> Rejection {
        .malformedCommand(.wrongType(field: path(of: key), expected: expected, found: found.typeName))
    }

    /// The value of `key`, or `nil` when absent or `null`.
    func optionalValue(_ key: String) -> JSONValue? {
        switch object[key] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    func value(_ key: String) throws(Rejection) -> JSONValue {
        guard let value = optionalValue(key) else { throw .malformedCommand(.missingField(path(of: key))) }
        return value
    }

    func optionalString(_ key: String) throws(Rejection) -> String? {
        guard let value = optionalValue(key) else { return nil }
        guard case .string(let string) = value else { throw wrongType(key, expected: "a string", found: value) }
        return string
    }

    func string(_ key: String) throws(Rejection) -> String {
        guard let string = try optionalString(key) else { throw .malformedCommand(.missingField(path(of: key))) }
        return string
    }

    func optionalBool(_ key: String) throws(Rejection) -> Bool? {
        guard let value = optionalValue(key) else { return nil }
        guard case .bool(let bool) = value else { throw wrongType(key, expected: "true or false", found: value) }
        return bool
    }

    /// An integer within `range`; a number outside `Int64` or `range` is `outOfRange`.
    func integer(_ key: String, in range: ClosedRange<Int64>) throws(Rejection) -> Int64 {
        let value = try value(key)
        switch value {
        case .integer(let integer):
            guard range.contains(integer) else {
                throw .malformedCommand(
                    .outOfRange(field: path(of: key), value: String(integer), allowed: Self.describe(range)))
            }
            return integer
        case .number(let number) where !number.text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }):
            throw .malformedCommand(
                .outOfRange(field: path(of: key), value: number.text, allowed: Self.describe(range)))
        default:
            throw wrongType(key, expected: "an integer", found: value)
        }
    }

    /// A positive identifying number (application, bulletin, referral).
    func number(_ key: String) throws(Rejection) -> UInt64 {
        UInt64(try integer(key, in: 1...Int64.max))
    }

    func int(_ key: String) throws(Rejection) -> Int {
        Int(try integer(key, in: Int64(Int32.min)...Int64(Int32.max)))
    }

    func array(_ key: String) throws(Rejection) -> [JSONValue] {
        let value = try value(key)
        guard case .array(let elements) = value else { throw wrongType(key, expected: "an array", found: value) }
        return elements
    }

    func optionalArray(_ key: String) throws(Rejection) -> [JSONValue]? {
        guard optionalValue(key) != nil else { return nil }
        return try array(key)
    }

    func optionalObject(_ key: String) throws(Rejection) -> JSONFields? {
        guard let value = optionalValue(key) else { return nil }
        guard case .object(let object) = value else { throw wrongType(key, expected: "an object", found: value) }
        return JSONFields(object, path: path(of: key))
    }

    func object(_ key: String) throws(Rejection) -> JSONFields {
        guard let fields = try optionalObject(key) else { throw .malformedCommand(.missingField(path(of: key))) }
        return fields
    }

    /// The strings of the array `key`.
    func strings(_ key: String) throws(Rejection) -> [String] {
        let elements = try array(key)
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let string) = element else {
                throw .malformedCommand(
                    .wrongType(field: "\(path(of: key))[\(index)]", expected: "a string", found: element.typeName))
            }
            strings.append(string)
        }
        return strings
    }

    /// The objects of the array `key`, each with its path.
    func objects(_ key: String) throws(Rejection) -> [JSONFields] {
        let elements = try array(key)
        var objects: [JSONFields] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let object) = element else {
                throw .malformedCommand(
                    .wrongType(field: "\(path(of: key))[\(index)]", expected: "an object", found: element.typeName))
            }
            objects.append(JSONFields(object, path: "\(path(of: key))[\(index)]"))
        }
        return objects
    }

    /// One of a few words.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(Rejection) -> T
    where T.RawValue == String {
        let text = try string(key)
        guard let value = T(rawValue: text) else {
            throw .malformedCommand(
                .invalidChoice(field: path(of: key), value: text, allowed: T.allCases.map(\.rawValue)))
        }
        return value
    }

    private static func describe(_ range: ClosedRange<Int64>) -> String {
        range.upperBound == .max ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
    }
}
