import Kezek
import Projections
import Testing

/// Builds seeded random event histories the way the engine does: random commands through `decide`, the
/// events of each accepted one folded into the decision state with `evolve` and kept with their time
/// and log positions.
struct HistoryHarness {
    static let almaty = KATOCode(rawValue: 750_000_000)!
    static let astana = KATOCode(rawValue: 710_000_000)!

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

    static func id(_ text: String) -> KindergartenID { try! KindergartenID(validating: text) }

    /// A valid IIN of a person born on `date`, the `serial`-th such number.
    static func iin(born date: CivilDate, sex: Sex = .female, serial: Int = 1) -> IIN {
        let centuryDigit = (date.year >= 2000 ? 5 : 3) + (sex == .female ? 1 : 0)
        var serial = serial
        while true {
            let yy = date.year % 100
            var digits = [yy / 10, yy % 10, date.month / 10, date.month % 10, date.day / 10, date.day % 10]
            digits.append(centuryDigit)
            digits += [serial / 1000 % 10, serial / 100 % 10, serial / 10 % 10, serial % 10]
            if let check = IIN.checkDigit(forFirstEleven: digits) {
                return IIN(rawValue: digits.map(String.init).joined() + String(check))!
            }
            serial += 1
        }
    }

    static func submission(
        _ child: IIN, applicant: IIN, locality: KATOCode = almaty, language: LanguageCode = .kazakh,
        groupType: GroupType = .general, kindergartens: [KindergartenID] = [], priority: PriorityClaim? = nil
    ) -> Command {
        .submitApplication(
            Command.SubmitApplication(
                applicant: applicant, child: child, locality: locality, language: language, groupType: groupType,
                kindergartens: kindergartens, priority: priority))
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
