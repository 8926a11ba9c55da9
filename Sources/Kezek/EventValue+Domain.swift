// Binary layouts and JSON forms of the domain values that events carry.

extension Int: EventValue {
    /// Binary: zigzag varint. JSON: integer.
    func write(to writer: inout BinaryWriter) { writer.writeZigzag(Int64(self)) }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        guard let value = Int(exactly: try reader.readZigzag()) else {
            throw BinaryDecodingError(offset: start, reason: .invalidValue(type: "Int"))
        }
        self = value
    }

    var json: JSONValue { .integer(Int64(self)) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .integer(let value) = json, let int = Int(exactly: value) else {
            throw .json(field: path, expected: "an integer")
        }
        self = int
    }
}

extension String: EventValue {
    /// Binary: length-prefixed UTF-8. JSON: string.
    func write(to writer: inout BinaryWriter) { writer.write(self) }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) { self = try reader.readString() }

    var json: JSONValue { .string(self) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let value) = json else { throw .json(field: path, expected: "a string") }
        self = value
    }
}

/// A number the engine assigns: binary varint, JSON positive integer.
protocol EventNumber: EventValue, RawRepresentable where RawValue == UInt64 {
    init(rawValue: UInt64)
}

extension EventNumber {
    func write(to writer: inout BinaryWriter) { writer.writeVarint(rawValue) }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) { self.init(rawValue: try reader.readVarint()) }

    var json: JSONValue { .integer(Int64(bitPattern: rawValue)) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .integer(let value) = json, value > 0 else {
            throw .json(field: path, expected: "a positive integer")
        }
        self.init(rawValue: UInt64(value))
    }
}

extension ApplicationNumber: EventNumber {}
extension BulletinNumber: EventNumber {}
extension ReferralNumber: EventNumber {}

extension Timestamp: EventValue {
    /// Binary: zigzag varint of milliseconds since the epoch. JSON: ISO 8601 in Asia/Almaty time.
    func write(to writer: inout BinaryWriter) { writer.writeZigzag(millisecondsSinceEpoch) }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(millisecondsSinceEpoch: try reader.readZigzag())
    }

    var json: JSONValue { .string(description) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let time = try? Timestamp(parsing: text) else {
            throw .json(field: path, expected: "an ISO 8601 time with offset")
        }
        self = time
    }
}

extension CivilDate: EventValue {
    /// Binary: zigzag varint of days since 1970-01-01. JSON: `YYYY-MM-DD`.
    func write(to writer: inout BinaryWriter) { writer.writeZigzag(Int64(daysSinceEpoch)) }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let days = try reader.readZigzag()
        guard days >= Int64(Self.validDaysSinceEpoch.lowerBound), days <= Int64(Self.validDaysSinceEpoch.upperBound)
        else { throw BinaryDecodingError(offset: start, reason: .invalidValue(type: "CivilDate")) }
        self.init(daysSinceEpoch: Int(days))
    }

    var json: JSONValue { .string(description) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let date = try? CivilDate(parsing: text) else {
            throw .json(field: path, expected: "a date YYYY-MM-DD")
        }
        self = date
    }
}

extension IIN: EventValue {
    /// Binary: the 12 digits as one varint (at most 6 bytes). JSON: the 12-digit string.
    func write(to writer: inout BinaryWriter) {
        var value: UInt64 = 0
        for byte in rawValue.utf8 {
            value = value &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
        }
        writer.writeVarint(value)
    }

    /// Rebuilds the digits without allocating (a 12-byte string is stored inline) after checking the
    /// century digit, the month and day ranges and the check digit; the full rules ran when the IIN was
    /// first parsed.
    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let value = try reader.readVarint()
        guard value < 1_000_000_000_000, Self.isPlausible(value) else {
            throw BinaryDecodingError(offset: start, reason: .invalidValue(type: "IIN"))
        }
        var rest = value
        let text = String(unsafeUninitializedCapacity: 12) { buffer in
            for index in stride(from: 11, through: 0, by: -1) {
                buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            return 12
        }
        self.init(decodedDigits: text)
    }

    /// Whether the 12 decimal digits of `value` have a century digit, a month and a day in range and the
    /// right check digit.
    private static func isPlausible(_ value: UInt64) -> Bool {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 12) { digits in
            var rest = value
            for index in stride(from: 11, through: 0, by: -1) {
                digits[index] = Int(rest % 10)
                rest /= 10
            }
            let month = digits[2] * 10 + digits[3]
            let day = digits[4] * 10 + digits[5]
            guard (1...6).contains(digits[6]), (1...12).contains(month), (1...31).contains(day) else { return false }
            return IIN.checkDigit(forFirstEleven: UnsafeBufferPointer(rebasing: digits[0..<11])) == digits[11]
        }
    }

    private init(decodedDigits text: String) {
        self.rawValue = text
    }

    var json: JSONValue { .string(rawValue) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let iin = IIN(rawValue: text) else {
            throw .json(field: path, expected: "a valid 12-digit IIN")
        }
        self = iin
    }
}

extension PhoneNumber: EventValue {
    /// Binary: the 10 national digits as one varint. JSON: E.164.
    func write(to writer: inout BinaryWriter) {
        var value: UInt64 = 0
        for byte in nationalNumber.utf8 {
            value = value &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
        }
        writer.writeVarint(value)
    }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let value = try reader.readVarint()
        let national = String(value)
        guard national.utf8.count == 10, let phone = PhoneNumber(rawValue: "+7" + national) else {
            throw BinaryDecodingError(offset: start, reason: .invalidValue(type: "PhoneNumber"))
        }
        self = phone
    }

    var json: JSONValue { .string(rawValue) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let phone = PhoneNumber(rawValue: text) else {
            throw .json(field: path, expected: "a phone number in E.164 form")
        }
        self = phone
    }
}

extension KATOCode: EventValue {
    /// Binary: the code as a varint. JSON: the 9-digit string.
    func write(to writer: inout BinaryWriter) { writer.writeVarint(UInt64(rawValue)) }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let value = try reader.readVarint()
        guard let raw = UInt32(exactly: value), let code = KATOCode(rawValue: raw) else {
            throw BinaryDecodingError(offset: start, reason: .invalidValue(type: "KATOCode"))
        }
        self = code
    }

    var json: JSONValue { .string(description) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let code = try? KATOCode(parsing: text) else {
            throw .json(field: path, expected: "a 9-digit KATO code")
        }
        self = code
    }
}

extension LanguageCode: EventValue {
    /// Binary and JSON: the ISO 639-1 code.
    func write(to writer: inout BinaryWriter) { writer.write(rawValue) }

    /// Looks the code up among the known languages by comparing short strings (cheaper than hashing).
    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let text = try reader.readString()
        guard let language = Self.decodable.first(where: { $0.rawValue == text }) else {
            throw BinaryDecodingError(offset: start, reason: .invalidValue(type: "LanguageCode"))
        }
        self = language
    }

    private static let decodable: [LanguageCode] = known.compactMap { LanguageCode(rawValue: $0.code) }

    var json: JSONValue { .string(rawValue) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let language = LanguageCode(rawValue: text) else {
            throw .json(field: path, expected: "a known language code")
        }
        self = language
    }
}

extension KindergartenID: EventValue {
    /// Binary: length-prefixed UTF-8. JSON: string.
    func write(to writer: inout BinaryWriter) { writer.write(rawValue) }

    /// Skips the printable-character rules (they ran when the id was registered) and checks the length,
    /// which keeps decoding free of per-character work.
    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let text = try reader.readString()
        guard !text.isEmpty, text.utf8.count <= Self.maximumLength * 4 else {
            throw BinaryDecodingError(offset: start, reason: .invalidValue(type: "KindergartenID"))
        }
        self.init(decoded: text)
    }

    private init(decoded text: String) { self.rawValue = text }

    var json: JSONValue { .string(rawValue) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let id = KindergartenID(rawValue: text) else {
            throw .json(field: path, expected: "a kindergarten id")
        }
        self = id
    }
}

extension PolicyVersion: EventValue {
    /// Binary: length-prefixed UTF-8. JSON: string.
    func write(to writer: inout BinaryWriter) { writer.write(rawValue) }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(rawValue: try reader.readString())
    }

    var json: JSONValue { .string(rawValue) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json else { throw .json(field: path, expected: "a policy version") }
        self.init(rawValue: text)
    }
}

extension Tier: EventValue {
    /// Binary: the raw value (0, 1, 2) as one byte. JSON: the camelCase name.
    func write(to writer: inout BinaryWriter) { writer.write(UInt8(rawValue)) }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let byte = try reader.readUInt8()
        guard let tier = Tier(rawValue: Int(byte)) else {
            throw BinaryDecodingError(offset: start, reason: .invalidTag(type: "Tier", tag: UInt64(byte)))
        }
        self = tier
    }

    var json: JSONValue { .string(name) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let tier = Tier(name: text) else {
            throw .json(field: path, expected: "one of outOfTurn, firstPriority, general")
        }
        self = tier
    }
}

/// An enum stored as a one-byte tag (its index in `binaryOrder`) and shown in JSON by its raw value.
protocol EventEnum: EventValue, RawRepresentable, CaseIterable, Equatable where RawValue == String {
    /// The cases in tag order. Append only: a tag, once written, keeps its meaning.
    static var binaryOrder: [Self] { get }
}

extension EventEnum {
    func write(to writer: inout BinaryWriter) {
        writer.write(UInt8(Self.binaryOrder.firstIndex(of: self)!))
    }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let tag = Int(try reader.readUInt8())
        guard tag < Self.binaryOrder.count else {
            throw BinaryDecodingError(offset: start, reason: .invalidTag(type: "\(Self.self)", tag: UInt64(tag)))
        }
        self = Self.binaryOrder[tag]
    }

    var json: JSONValue { .string(rawValue) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json, let value = Self(rawValue: text) else {
            throw .json(field: path, expected: "one of " + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = value
    }
}

extension GroupType: EventEnum {
    static let binaryOrder: [GroupType] = [.general, .special, .sanatorium]
}

extension Sex: EventEnum {
    static let binaryOrder: [Sex] = [.male, .female]
}

extension PriorityCategory: EventEnum {
    static let binaryOrder: [PriorityCategory] = [
        .military, .specialStateBody, .disabledParent, .orphan, .largeFamily, .specialNeeds, .disabledChild, .teacher,
    ]
}
