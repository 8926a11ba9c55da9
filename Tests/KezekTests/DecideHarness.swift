import KezekDomainTestSupport
import Testing

@testable import Kezek

/// Runs commands through `decide` and, on success, `evolve`, the way the engine does, with a clock that
/// only moves when told.
struct DecideHarness {
    var state = KezekState()
    var context = DecisionContext()
    var registry: any PersonRegistry = OpenPersonRegistry()
    /// 2026-06-18T08:33:20+05:00.
    var now = Timestamp(millisecondsSinceEpoch: 1_781_753_600_000)

    static let almaty = DomainFixtures.almaty
    static let astana = DomainFixtures.astana
    static let parent = IIN(rawValue: "850612304561")!

    /// A harness on `world`'s registry whose interest falls due every two months, so that lapses,
    /// restorations and annulments happen often in a random history; and that policy.
    static func fastLapsing(_ world: RandomWorld) -> (harness: DecideHarness, policy: Policy) {
        var harness = DecideHarness()
        harness.registry = world.registry
        var policy = Policy.v2024
        policy.interestValidityMonths = 2
        harness.context.policies = PolicyBook([.v2019, policy])
        return (harness, policy)
    }

    /// Decides `command` `seconds` after the previous one and folds its events on success.
    @discardableResult
    mutating func run(_ command: Command, after seconds: Int64 = 60) -> Result<[Event], Rejection> {
        now = now.adding(seconds: seconds)
        let result = decide(
            CommandEnvelope(command, at: now), in: state, context: context.looking(up: command, in: registry))
        if case .success(let events) = result { state.evolve(events, at: now) }
        return result
    }

    /// Runs a command that must succeed; returns its events.
    @discardableResult
    mutating func ok(
        _ command: Command, after seconds: Int64 = 60, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Event] {
        switch run(command, after: seconds) {
        case .success(let events): return events
        case .failure(let rejection):
            Issue.record("\(command.type) was refused: \(rejection)", sourceLocation: sourceLocation)
            return []
        }
    }

    /// Runs a command that must be refused with `code`, and checks that the state did not change.
    @discardableResult
    mutating func reject(
        _ command: Command, _ code: String, after seconds: Int64 = 60, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Rejection? {
        let before = state
        switch run(command, after: seconds) {
        case .success(let events):
            Issue.record("\(command.type) succeeded with \(events), expected \(code)", sourceLocation: sourceLocation)
            return nil
        case .failure(let rejection):
            #expect(rejection.code == code, "\(rejection)", sourceLocation: sourceLocation)
            #expect(state == before, sourceLocation: sourceLocation)
            return rejection
        }
    }

    // MARK: Building blocks

    static func id(_ text: String) -> KindergartenID { DomainFixtures.id(text) }

    /// A valid IIN of a person born on `date`, the `serial`-th such number.
    static func iin(born date: CivilDate, sex: Sex = .female, serial: Int = 1) -> IIN {
        DomainFixtures.iin(born: date, sex: sex, serial: serial)
    }

    static func child(year: Int = 2023, serial: Int = 1, sex: Sex = .female) -> IIN {
        iin(born: CivilDate(unchecked: year, 3, 15), sex: sex, serial: serial)
    }

    mutating func registerKindergarten(
        _ name: String, locality: KATOCode = almaty, languages: [LanguageCode] = [.kazakh, .russian],
        groupTypes: [GroupType] = [.general], capacity: Int = 50
    ) -> KindergartenID {
        let id = Self.id(name)
        ok(
            .registerKindergarten(
                Command.RegisterKindergarten(
                    id: id, name: KindergartenName(kazakh: "\(name) бөбекжайы", russian: "Детсад \(name)"),
                    locality: locality, languages: languages, groupTypes: groupTypes, capacity: capacity)))
        return id
    }

    mutating func registerApplicant(_ iin: IIN = parent) {
        ok(
            .registerApplicant(
                Command.RegisterApplicant(applicant: iin, phone: try! PhoneNumber(parsing: "+77011234567"))))
    }

    mutating func addChild(_ child: IIN, applicant: IIN = parent) {
        ok(.addChild(Command.AddChild(applicant: applicant, child: child, gender: child.sex)))
    }

    static func submission(
        _ child: IIN, applicant: IIN = parent, locality: KATOCode = almaty, language: LanguageCode = .kazakh,
        groupType: GroupType = .general, kindergartens: [KindergartenID] = [], priority: PriorityClaim? = nil
    ) -> Command {
        DomainFixtures.submission(
            child, applicant: applicant, locality: locality, language: language, groupType: groupType,
            kindergartens: kindergartens, priority: priority)
    }

    /// Registers the family if needed and submits; returns the application number.
    mutating func submit(
        _ child: IIN, applicant: IIN = parent, kindergartens: [KindergartenID] = [], priority: PriorityClaim? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ApplicationNumber {
        if state.applicants[applicant] == nil { registerApplicant(applicant) }
        if state.children[child] == nil { addChild(child, applicant: applicant) }
        let events = ok(
            Self.submission(child, applicant: applicant, kindergartens: kindergartens, priority: priority),
            sourceLocation: sourceLocation)
        guard case .applicationSubmitted(let submitted)? = events.first else { return 0 }
        return submitted.application
    }

    func claim(_ category: PriorityCategory = .largeFamily, issuedDaysAgo days: Int = 3) -> PriorityClaim {
        PriorityClaim(
            category: category,
            documents: [SupportingDocument(name: "certificate", issuedOn: now.almatyDate.adding(days: -days))])
    }

    /// Publishes a bulletin for the 2023 kk general cohort, open now for `hours`; returns its number.
    mutating func publish(
        _ kindergarten: KindergartenID, seats: Int = 1, birthYear: Int = 2023, hours: Int64 = 24,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> BulletinNumber {
        let events = ok(
            .publishBulletin(
                Command.PublishBulletin(
                    kindergarten: kindergarten, birthYear: birthYear, language: .kazakh, groupType: .general,
                    seats: seats, opensAt: now, closesAt: now.adding(seconds: hours * 3600 + 60))),
            sourceLocation: sourceLocation)
        guard case .bulletinPublished(let published)? = events.first else { return 0 }
        return published.bulletin
    }

    mutating func apply(_ application: ApplicationNumber, to bulletin: BulletinNumber) {
        ok(.applyToBulletin(Command.ApplyToBulletin(application: application, bulletin: bulletin)))
    }

    /// Ticks `hours` later; returns the events.
    @discardableResult
    mutating func tick(afterHours hours: Int64) -> [Event] {
        ok(.tick, after: hours * 3600)
    }

    /// The referral an application holds.
    func referral(of application: ApplicationNumber) -> ReferralNumber? {
        state.applications[application]?.referral
    }
}
