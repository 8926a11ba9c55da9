import Kezek
import KezekDomainTestSupport
import Projections
import Testing

/// Builds seeded random event histories the way the engine does: random commands through `decide`, the
/// events of each accepted one folded into the decision state with `evolve` and kept with their time
/// and log positions.
struct HistoryHarness {
    static let almaty = DomainFixtures.almaty
    static let astana = DomainFixtures.astana

    /// One committed command: its time, the position of its first event, its events.
    struct Commit {
        var time: Timestamp
        var position: UInt64
        var events: [Event]
    }

    /// The history of `steps` random commands from `seed`, with the decision state after each commit.
    static func history(
        seed: UInt64, steps: Int, after: (KezekState, Commit) -> Void = { _, _ in }
    ) -> (commits: [Commit], state: KezekState) {
        var world = RandomWorld(seed: seed)
        var state = KezekState()
        var context = DecisionContext()
        // Interest falls due every two months, so that lapses, restorations and annulments happen often.
        var policy = Policy.v2024
        policy.interestValidityMonths = 2
        context.policies = PolicyBook([.v2019, policy])
        var now = Timestamp(millisecondsSinceEpoch: 1_781_753_600_000)
        var commits: [Commit] = []
        var position: UInt64 = 1
        for _ in 0..<steps {
            let command = world.command(in: state, now: &now)
            let result = decide(
                CommandEnvelope(command, at: now), in: state, context: context.looking(up: command, in: world.registry))
            guard case .success(let events) = result, !events.isEmpty else { continue }
            state.evolve(events, at: now)
            let commit = Commit(time: now, position: position, events: events)
            position += UInt64(events.count)
            commits.append(commit)
            after(state, commit)
        }
        return (commits, state)
    }

    static func id(_ text: String) -> KindergartenID { DomainFixtures.id(text) }

    /// A valid IIN of a person born on `date`, the `serial`-th such number.
    static func iin(born date: CivilDate, sex: Sex = .female, serial: Int = 1) -> IIN {
        DomainFixtures.iin(born: date, sex: sex, serial: serial)
    }

    static func submission(
        _ child: IIN, applicant: IIN, locality: KATOCode = almaty, language: LanguageCode = .kazakh,
        groupType: GroupType = .general, kindergartens: [KindergartenID] = [], priority: PriorityClaim? = nil
    ) -> Command {
        DomainFixtures.submission(
            child, applicant: applicant, locality: locality, language: language, groupType: groupType,
            kindergartens: kindergartens, priority: priority)
    }
}

extension Projections {
    /// Applies a list of commits in order.
    mutating func apply(_ commits: some Sequence<HistoryHarness.Commit>) {
        for commit in commits { apply(commit.events, at: commit.time, position: commit.position) }
    }

    /// The canonical bytes, for comparing.
    var canonical: [UInt8] {
        var bytes: [UInt8] = []
        canonicalBytes(into: &bytes)
        return bytes
    }
}
