public import Kezek
public import Projections

/// What a demo run built and measured: the country's counts, each phase's time, the allocation rounds,
/// the queue per region and the audit's head hash and digest. Rendered as JSON (``json``) and as the
/// report page (``DemoReport``).
public struct DemoSummary: Sendable, Equatable {
    /// The simulated country's size (`tiny`, `small`, `national`).
    public var scale: String
    /// The seed the data was drawn from.
    public var seed: UInt64
    /// The data directory.
    public var data: String
    /// The first simulated day and the first day not simulated.
    public var simulatedFrom: CivilDate
    /// The first day not simulated.
    public var simulatedUntil: CivilDate
    /// What the log and the state hold.
    public var counts: Counts
    /// The phases, in the order they ran.
    public var phases: [PhaseTiming]
    /// The allocation rounds that ran in the simulated ticks.
    public var allocation: AllocationSummary
    /// The queue at the end, per region.
    public var queue: QueueSummary
    /// The audit's results.
    public var audit: AuditSummary
    /// The most memory the process held at once, in bytes.
    public var peakResidentBytes: UInt64

    /// Counts of commands, events and records.
    public struct Counts: Sendable, Equatable {
        /// Commands issued by the simulation.
        public var commands: Int
        /// Commands the engine refused (they wrote nothing), by error code.
        public var refusedByCode: [String: Int]
        /// Events in the log.
        public var events: UInt64
        /// Registered kindergartens.
        public var kindergartens: Int
        /// Registered applicants.
        public var applicants: Int
        /// Children added.
        public var children: Int
        /// Applications by status.
        public var applicationsByStatus: [ApplicationStatus: Int]
        /// Bulletins published.
        public var bulletins: Int
        /// Seats offered by every bulletin.
        public var seatsOffered: Int
        /// Referrals by status.
        public var referralsByStatus: [ReferralStatus: Int]

        /// Commands refused.
        public var refused: Int { refusedByCode.values.reduce(0, +) }
        /// Applications ever submitted.
        public var applications: Int { applicationsByStatus.values.reduce(0, +) }
        /// Referrals ever issued.
        public var referrals: Int { referralsByStatus.values.reduce(0, +) }
    }

    /// How long one phase took and how much it did.
    public struct PhaseTiming: Sendable, Equatable {
        /// The phase.
        public var phase: DemoPhase
        /// Wall-clock seconds.
        public var seconds: Double
        /// What it processed (commands for the build, events for verify and replay), if it counts any.
        public var items: UInt64?
        /// What ``items`` counts: `commands` or `events`.
        public var unit: String?

        /// Items per second, when the phase counts items.
        public var rate: Double? {
            guard let items, seconds > 0 else { return nil }
            return Double(items) / seconds
        }
    }

    /// The allocation rounds: every tick that closed bulletins.
    public struct AllocationSummary: Sendable, Equatable {
        /// The rounds in time order.
        public var rounds: [AllocationRound]
        /// The rounds by calendar month (Asia/Almaty), in order.
        public var months: [MonthFigures] { MonthFigures.group(rounds) }
        /// Bulletins closed.
        public var bulletins: Int { rounds.reduce(0) { $0 + $1.bulletins } }
        /// Seats offered by the closed bulletins.
        public var seats: Int { rounds.reduce(0) { $0 + $1.seats } }
        /// Seats that became referrals.
        public var admitted: Int { rounds.reduce(0) { $0 + $1.admitted } }
        /// Seats nobody eligible applied for.
        public var unfilled: Int { rounds.reduce(0) { $0 + $1.unfilled } }
        /// Seconds spent in the ticks that ran the rounds.
        public var seconds: Double { rounds.reduce(0) { $0 + $1.seconds } }
        /// The slowest round's seconds.
        public var slowestSeconds: Double { rounds.map(\.seconds).max() ?? 0 }
    }

    /// The queue at the end of the run.
    public struct QueueSummary: Sendable, Equatable {
        /// Per region (the first two KATO digits), by code.
        public var regions: [RegionQueue]

        /// Applications in the queue.
        public var inQueue: Int { regions.reduce(0) { $0 + $1.statistics.total } }
        /// In the queue by tier.
        public var byTier: [Tier: Int] {
            regions.reduce(into: [:]) { $0.merge($1.statistics.byTier, uniquingKeysWith: +) }
        }
        /// In the queue by the children's birth year.
        public var byBirthYear: [Int: Int] {
            regions.reduce(into: [:]) { $0.merge($1.statistics.byBirthYear, uniquingKeysWith: +) }
        }
    }

    /// One region's queue.
    public struct RegionQueue: Sendable, Equatable {
        /// The region's unit in the classifier.
        public var region: KATOCode
        /// Its name in Kazakh.
        public var nameKazakh: String
        /// Its name in English.
        public var nameEnglish: String
        /// The queued counts.
        public var statistics: RegionStatistics
    }

    /// The audit's results.
    public struct AuditSummary: Sendable, Equatable {
        /// The last position of the log.
        public var headPosition: UInt64
        /// Its chain hash, 64 hex digits.
        public var headHash: String
        /// Whether the data file's pages and the whole hash chain verified.
        public var verified: Bool
        /// The digest of the whole state, 64 hex digits (live, replayed and started from the checkpoint
        /// alike, when the booleans below hold).
        public var digest: String
        /// Whether the full replay gave the live engine's digest.
        public var replayMatchesLive: Bool
        /// Whether starting from the checkpoint gave the replay's digest.
        public var checkpointMatchesReplay: Bool
    }
}
