/// What `decide` needs besides the state and the command: the rules, the calendar, the classifier and
/// the person registry's answers, all fetched by the caller beforehand so that deciding stays pure.
public struct DecisionContext: Sendable {
    /// Every policy version; the one in force at the command's time decides.
    public var policies: PolicyBook
    /// Working days, for the registration deadline.
    public var calendar: WorkingCalendar
    /// The KATO classifier localities must be listed in.
    public var localities: KATORegistry
    /// The person registry's answers for the IINs the command names (``Command/personIINs``); a missing
    /// entry means the registry does not know the person.
    public var persons: [IIN: PersonRecord]

    /// A context; the defaults are the standard policy book, Kazakhstan's calendar and KATO registry.
    public init(
        policies: PolicyBook = .standard, calendar: WorkingCalendar = .kazakhstan,
        localities: KATORegistry = .standard, persons: [IIN: PersonRecord] = [:]
    ) {
        self.policies = policies
        self.calendar = calendar
        self.localities = localities
        self.persons = persons
    }

    /// The same context with the registry's answers for `command`'s IINs, looked up in `registry`.
    public func looking(up command: Command, in registry: some PersonRegistry) -> DecisionContext {
        var context = self
        context.persons = [:]
        for iin in command.personIINs {
            if let person = registry.person(iin) { context.persons[iin] = person }
        }
        return context
    }
}

extension Command {
    /// The IINs whose person-registry records `decide` needs: the applicant of `registerApplicant`, the
    /// child of `addChild`; none for other commands.
    public var personIINs: [IIN] {
        switch self {
        case .registerApplicant(let payload): [payload.applicant]
        case .addChild(let payload): [payload.child]
        default: []
        }
    }
}
