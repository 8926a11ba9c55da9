/// The gateway to the state person registry: who an IIN belongs to.
///
/// In production the state database of individuals; here a fixture file (``InMemoryPersonRegistry``) or
/// the open development registry (``OpenPersonRegistry``). The engine asks it before `decide` (see
/// ``DecisionContext/looking(up:in:)``), so deciding stays pure.
public protocol PersonRegistry: Sendable {
    /// The person with this IIN, or `nil` when the registry does not know them.
    func person(_ iin: IIN) -> PersonRecord?
}

/// A person as the registry knows them. Personal data: it fills the portal's forms and never enters the log.
public struct PersonRecord: Hashable, Sendable {
    /// The IIN.
    public var iin: IIN
    /// The surname (empty from the open development registry).
    public var surname: String
    /// The first name (empty from the open development registry).
    public var name: String
    /// The patronymic, if the person has one.
    public var patronymic: String?
    /// The birth date; it agrees with the IIN.
    public var birthDate: CivilDate

    /// A person from their fields.
    public init(iin: IIN, surname: String, name: String, patronymic: String? = nil, birthDate: CivilDate) {
        self.iin = iin
        self.surname = surname
        self.name = name
        self.patronymic = patronymic
        self.birthDate = birthDate
    }

    /// The sex the IIN encodes.
    public var sex: Sex { iin.sex }

    /// Whether the registry gave names (the open development registry gives none).
    public var hasNames: Bool { !surname.isEmpty || !name.isEmpty }
}

/// The open development registry: accepts every valid IIN, with the birth date (and sex) from the IIN and
/// no names. For development and demos only; the command-line tool says so when it uses it.
public struct OpenPersonRegistry: PersonRegistry {
    /// The open registry.
    public init() {}

    /// A nameless person born on the IIN's date.
    public func person(_ iin: IIN) -> PersonRecord? {
        PersonRecord(iin: iin, surname: "", name: "", birthDate: iin.birthDate)
    }
}

/// A person registry held in memory, typically read from a JSON Lines fixture file:
/// `{"iin", "surname", "name", "patronymic"?, "birthDate"}` per line.
public struct InMemoryPersonRegistry: PersonRegistry {
    /// The people, by IIN.
    public let people: [IIN: PersonRecord]

    /// A registry of these people; a later record for the same IIN replaces an earlier one.
    public init(_ records: some Sequence<PersonRecord>) {
        var people: [IIN: PersonRecord] = [:]
        for record in records { people[record.iin] = record }
        self.people = people
    }

    /// The person with this IIN, if listed.
    public func person(_ iin: IIN) -> PersonRecord? { people[iin] }
}
