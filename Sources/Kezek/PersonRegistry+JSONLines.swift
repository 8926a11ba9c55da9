extension InMemoryPersonRegistry {
    /// Reads JSON Lines text (UTF-8 bytes): one person per line, blank lines skipped, `\r\n` accepted.
    ///
    /// Throws on the first bad line, naming its 1-based number: invalid JSON, a missing or wrongly typed
    /// field, an invalid IIN or date, an empty name, a birth date that disagrees with the IIN, or an IIN
    /// listed twice.
    public init(jsonLines bytes: some Collection<UInt8>) throws(PersonRegistryError) {
        var records: [PersonRecord] = []
        var firstLine: [IIN: Int] = [:]
        var lineNumber = 0
        var current: [UInt8] = []
        func finish() throws(PersonRegistryError) {
            lineNumber += 1
            if current.last == UInt8(ascii: "\r") { current.removeLast() }
            defer { current.removeAll(keepingCapacity: true) }
            guard current.contains(where: { !Self.isWhitespace($0) }) else { return }
            let record = try Self.record(fromLine: current, number: lineNumber)
            if let first = firstLine[record.iin] {
                throw PersonRegistryError(line: lineNumber, problem: .duplicate(record.iin, firstLine: first))
            }
            firstLine[record.iin] = lineNumber
            records.append(record)
        }
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                try finish()
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { try finish() }
        self.init(records)
    }

    /// Reads JSON Lines text; see ``init(jsonLines:)-(Collection<UInt8>)``.
    public init(jsonLines text: String) throws(PersonRegistryError) {
        try self.init(jsonLines: Array(text.utf8))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func record(fromLine bytes: [UInt8], number: Int) throws(PersonRegistryError) -> PersonRecord {
        func fail(_ problem: PersonRegistryError.Problem) -> PersonRegistryError {
            PersonRegistryError(line: number, problem: problem)
        }
        let json: JSONValue
        do throws(JSONParseError) {
            json = try JSONValue.parse(bytes)
        } catch {
            throw fail(.invalidJSON(error))
        }
        guard case .object(let object) = json else { throw fail(.notAnObject(found: json.typeName)) }
        func string(_ key: String, required: Bool = true) throws(PersonRegistryError) -> String? {
            switch object[key] {
            case nil, .null?:
                if required { throw fail(.missingField(key)) }
                return nil
            case .string(let text)?:
                return text
            case let value?:
                throw fail(.wrongType(field: key, found: value.typeName))
            }
        }
        let iinText = try string("iin")!
        let iin: IIN
        do throws(IINError) {
            iin = try IIN(parsing: iinText)
        } catch {
            throw fail(.invalidIIN(error))
        }
        let surname = try string("surname")!
        let name = try string("name")!
        for (field, value) in [("surname", surname), ("name", name)] where value.allSatisfy(\.isWhitespace) {
            throw fail(.emptyName(field: field))
        }
        let patronymic = try string("patronymic", required: false)
        let birthDateText = try string("birthDate")!
        let birthDate: CivilDate
        do throws(CivilDateError) {
            birthDate = try CivilDate(parsing: birthDateText)
        } catch {
            throw fail(.invalidBirthDate(error))
        }
        guard birthDate == iin.birthDate else { throw fail(.birthDateMismatch(iin: iin, birthDate: birthDate)) }
        return PersonRecord(iin: iin, surname: surname, name: name, patronymic: patronymic, birthDate: birthDate)
    }
}

/// A bad line in a person registry file, with its 1-based line number.
public struct PersonRegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with a line.
    public enum Problem: Sendable, Equatable {
        /// The line is not valid JSON.
        case invalidJSON(JSONParseError)
        /// The line is JSON but not an object.
        case notAnObject(found: String)
        /// A required field is missing or null.
        case missingField(String)
        /// A field is not a string.
        case wrongType(field: String, found: String)
        /// The `iin` is not a valid IIN.
        case invalidIIN(IINError)
        /// The `birthDate` is not a real `YYYY-MM-DD` date.
        case invalidBirthDate(CivilDateError)
        /// A name field is empty.
        case emptyName(field: String)
        /// The birth date disagrees with the one the IIN encodes.
        case birthDateMismatch(iin: IIN, birthDate: CivilDate)
        /// The IIN was already listed on an earlier line.
        case duplicate(IIN, firstLine: Int)
    }

    /// The 1-based line number.
    public var line: Int
    /// What is wrong with it.
    public var problem: Problem

    /// An error on a line.
    public init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    /// Plain English, naming the line and the bad value.
    public var message: String {
        let detail: String =
            switch problem {
            case .invalidJSON(let error): "invalid JSON: \(error.message)"
            case .notAnObject(let found): "expected a JSON object, found \(found)"
            case .missingField(let field): "the field \"\(field)\" is missing"
            case .wrongType(let field, let found): "the field \"\(field)\" must be a string, found \(found)"
            case .invalidIIN(let error): error.message
            case .invalidBirthDate(let error): "birthDate: \(error.message)"
            case .emptyName(let field): "the field \"\(field)\" is empty"
            case .birthDateMismatch(let iin, let birthDate):
                "birth date \(birthDate) disagrees with IIN \(iin), which encodes \(iin.birthDate)"
            case .duplicate(let iin, let firstLine): "IIN \(iin) is already listed on line \(firstLine)"
            }
        return "person registry line \(line): \(detail)"
    }

    /// The message.
    public var description: String { message }
}
