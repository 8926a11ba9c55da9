public import Kezek

/// A seeded, realistic simulation of the national queue: kindergartens, families and their applications,
/// priority checks, confirmations of interest, withdrawals, bulletins through the year, referrals and
/// their outcomes, the daily tick and the yearly refresh, as a stream of commands in time order.
///
/// The simulation looks at the state after each command (application, bulletin and referral numbers are
/// assigned by the engine, statuses change by its decisions), so drive it with the state the commands
/// produce: ``next(after:)`` with the engine's state, or ``SimulationRun`` in memory. The same seed and
/// scale give the same commands. Most commands are valid; the few refusals are the ones real families
/// meet too (a bulletin applied to after a referral came, an answer to an expired referral).
public struct NationalSimulation {
    /// The size of the country.
    public let scale: SimulationScale
    /// The places.
    public let geography: Geography
    /// The rules in force over time (how many kindergartens an application may rank, ...).
    public let policies: PolicyBook
    var random: SeededGenerator
    var agenda = Agenda()
    var people = PersonFactory()
    var now: Timestamp
    let end: Timestamp
    var dailyArrivals: [Int] = []

    var catalog: KindergartenCatalog
    /// Applicants with children, per locality, who may apply again for a younger child.
    var parents: [[IIN]]
    /// Applications that may be in the queue, per queue key (cleaned up lazily).
    var queues: [QueueKey: [ApplicationNumber]] = [:]
    /// The keys with applications, for drawing where a bulletin is needed.
    var queueKeys: [QueueKey] = []

    var seen = SeenNumbers()
    var pendingSubmission: Command.SubmitApplication?
    var pendingBulletin: (key: QueueKey, opensAt: Timestamp, closesAt: Timestamp, seats: Int)?
    var commandsIssued = 0

    /// The simulation of `scale` drawn from `seed`.
    public init(
        scale: SimulationScale, seed: UInt64, registry: KATORegistry = .standard, policies: PolicyBook = .standard
    ) {
        self.scale = scale
        self.policies = policies
        geography = Geography(registry: registry)
        random = SeededGenerator(seed: seed)
        now = Timestamp.startOfAlmatyDay(scale.start).adding(seconds: 8 * 3600)
        end = Timestamp.startOfAlmatyDay(scale.start.adding(days: scale.days))
        parents = Array(repeating: [], count: geography.localities.count)
        catalog = KindergartenCatalog(
            count: scale.kindergartens, geography: geography, random: &random)
        dailyArrivals = Self.arrivals(scale: scale)
        for command in catalog.registrations { agenda.schedule(.command(command), at: now) }
        agenda.schedule(.dayStarts(0), at: Timestamp.startOfAlmatyDay(scale.start).adding(seconds: 9 * 3600))
    }

    /// The number of commands issued so far.
    public var issued: Int { commandsIssued }

    /// The first day not simulated (its first instant, Asia/Almaty).
    public var endTime: Timestamp { end }

    /// The next command, looking at `state` (the state every earlier command produced), or `nil` when the
    /// simulated span is over.
    public mutating func next(after state: KezekState) -> CommandEnvelope? {
        observe(state)
        while let (time, action) = agenda.next() {
            // The simulated span is over: what families would do later is not simulated.
            guard time < end else { return nil }
            now = max(now, time)
            if let command = perform(action, in: state) {
                commandsIssued += 1
                return CommandEnvelope(command, at: now)
            }
        }
        return nil
    }

    /// Applications submitted per day: a base rate with waves around 1 July and 1 August (the new
    /// school year) and fewer on Sundays; summing to ``SimulationScale/applications``.
    static func arrivals(scale: SimulationScale) -> [Int] {
        var weights: [Double] = []
        for offset in 0..<scale.days {
            let date = scale.start.adding(days: offset)
            let july = date.daysSinceEpoch - (try! CivilDate(year: date.year, month: 7, day: 1)).daysSinceEpoch
            let august = july - 31
            var weight = 1.0 + 2.5 * gauss(Double(july), width: 9) + 1.8 * gauss(Double(august), width: 9)
            if date.weekday == .sunday { weight *= 0.45 }
            if date.weekday == .saturday { weight *= 0.7 }
            weights.append(weight)
        }
        let total = weights.reduce(0, +)
        var counts: [Int] = []
        var running = 0.0
        var assigned = 0
        for weight in weights {
            running += weight / total * Double(scale.applications)
            let upTo = Int(running.rounded())
            counts.append(upTo - assigned)
            assigned = upTo
        }
        return counts
    }

    static func gauss(_ x: Double, width: Double) -> Double {
        let z = x / width
        return 1 / (1 + z * z * z * z)
    }
}

/// The highest numbers of each kind seen in the state so far.
struct SeenNumbers {
    var applications: UInt64 = 0
    var bulletins: UInt64 = 0
    var referrals: UInt64 = 0
}
