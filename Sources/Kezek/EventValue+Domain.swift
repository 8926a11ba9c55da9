// Binary layouts and JSON forms of the domain values that events carry.

extension Int: EventValue {
    /// Binary: zigzag varint. JSON: integer.
    func write(to writer: inout BoundedBinaryWriter) { writer.writeZigzag(Int64(self)) }

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
    func write(to writer: inout BoundedBinaryWriter) { writer.write(self) }

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
    func write(to writer: inout BoundedBinaryWriter) { writer.writeVarint(rawValue) }

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
    func write(to writer: inout BoundedBinaryWriter) { writer.writeZigzag(millisecondsSinceEpoch) }

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
    func write(to writer: inout BoundedBinaryWriter) { writer.writeZigzag(Int64(daysSinceEpoch)) }

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
    func write(to writer: inout BoundedBinaryWriter) { writer.writeVarint(number) }

    /// Checks the century digit, the month and day ranges and the check digit; the full rules ran when
    /// the IIN was first parsed.
    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let value = try reader.readVarint()
        guard Self.isPlausible(value) else {
            throw BinaryDecodingError(offset: start, reason: .invalidValue(type: "IIN"))
        }
        self.init(validatedNumber: value)
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
    func write(to writer: inout BoundedBinaryWriter) { writer.writeVarint(number) }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        guard let phone = PhoneNumber(nationalNumber: try reader.readVarint()) else {
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
    func write(to writer: inout BoundedBinaryWriter) { writer.writeVarint(UInt64(rawValue)) }

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
    func write(to writer: inout BoundedBinaryWriter) {
        if let name = Self.names.word(of: self) {
            writer.writeName(name)
        } else {
            writer.write(rawValue)
        }
    }

    /// Looks the code's bytes up among the known languages (cheaper than making a string and hashing).
    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let bytes = try reader.readLengthPrefixedBytes()
        guard let language = Self.names.value(named: bytes) else {
            let isUTF8 = UTF8Validation.firstInvalidOffset(in: bytes) == nil
            throw BinaryDecodingError(
                offset: start, reason: isUTF8 ? .invalidValue(type: "LanguageCode") : .invalidUTF8)
        }
        self = language
    }

    /// The known languages by code.
    private static let names = KnownNames(known.compactMap { LanguageCode(rawValue: $0.code) }, name: \.rawValue)

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
    func write(to writer: inout BoundedBinaryWriter) { writer.write(rawValue) }

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
    func write(to writer: inout BoundedBinaryWriter) {
        if let name = Self.names.word(of: self) {
            writer.writeName(name)
        } else {
            writer.write(rawValue)
        }
    }

    /// Returns a known version without making a string (almost every event names one).
    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let start = reader.offset
        let bytes = try reader.readLengthPrefixedBytes()
        if let known = Self.names.value(named: bytes) {
            self = known
        } else {
            self.init(rawValue: try BinaryReader.string(from: bytes, at: start))
        }
    }

    /// The versions of the standard policy book, newest (the most used) first.
    private static let names = KnownNames(PolicyBook.standard.policies.reversed().map(\.version), name: \.rawValue)

    var json: JSONValue { .string(rawValue) }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .string(let text) = json else { throw .json(field: path, expected: "a policy version") }
        self.init(rawValue: text)
    }
}

extension Tier: EventValue {
    /// Binary: the raw value (0, 1, 2) as one byte. JSON: the camelCase name.
    func write(to writer: inout BoundedBinaryWriter) { writer.write(UInt8(rawValue)) }

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
    func write(to writer: inout BoundedBinaryWriter) {
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
