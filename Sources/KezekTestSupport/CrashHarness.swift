public import EventLog
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The crash test: starts `kezek-log-torture append` on a log, kills it with `SIGKILL` at a random
/// moment, collects every batch it acknowledged, reopens the log and checks it (see ``CrashAudit``),
/// and again, on the same growing log.
///
/// Most kills land a random time after the process has opened the log, while its writers append; the
/// first kill, and every ``Configuration/openingKillInterval``th, lands while the process opens the
/// log, the first time while it creates it. The harness stops at the first kill that finds a failure.
public struct CrashHarness {
    /// What the harness runs.
    public struct Configuration: Sendable {
        /// The path of the `kezek-log-torture` executable.
        public var executable: String
        /// The directory of the log (created by the first child).
        public var directory: String
        /// The seed of the kill times, the writer counts and the children's seeds.
        public var seed: UInt64
        /// How long, in milliseconds, a child appends before it is killed.
        public var runTime: ClosedRange<Int>
        /// How many concurrent writers a child runs.
        public var writers: ClosedRange<Int>
        /// Every this many kills (and the first) aim at the child opening the log rather than appending.
        public var openingKillInterval: Int
        /// How long, in microseconds, a child opens the log before it is killed, in kills that aim at the
        /// opening. Creating a log takes some 10 ms; opening an existing one less than 1 ms.
        public var openingTime: ClosedRange<Int>
        /// How long a child may take to open the log before the harness gives up on it, in seconds.
        public var stallLimit: Int

        /// A configuration; the defaults suit a long run.
        public init(
            executable: String,
            directory: String,
            seed: UInt64 = 1,
            runTime: ClosedRange<Int> = 5...300,
            writers: ClosedRange<Int> = 1...4,
            openingKillInterval: Int = 10,
            openingTime: ClosedRange<Int> = 0...15_000,
            stallLimit: Int = 30
        ) {
            self.executable = executable
            self.directory = directory
            self.seed = seed
            self.runTime = runTime
            self.writers = writers
            self.openingKillInterval = openingKillInterval
            self.openingTime = openingTime
            self.stallLimit = stallLimit
        }
    }

    /// When a child is killed.
    public enum Moment: Hashable, Sendable, CustomStringConvertible {
        /// This many microseconds after it said it is opening the log.
        case opening(microseconds: Int)
        /// This many milliseconds after it said it has opened the log.
        case appending(milliseconds: Int)

        public var description: String {
            switch self {
            case .opening(let microseconds): "\(microseconds) µs into opening the log"
            case .appending(let milliseconds): "\(milliseconds) ms into appending"
            }
        }
    }

    /// What a killed child left in the log's directory, as a reader finds it before anyone writes again.
    public enum LeftBehind: Hashable, Sendable, CustomStringConvertible {
        /// No data file.
        case nothing
        /// A data file without a whole new log in it: the child was killed while it created the log.
        case unfinishedLog
        /// A log with this head.
        case log(head: Position)

        public var description: String {
            switch self {
            case .nothing: "no data file"
            case .unfinishedLog: "an unfinished log"
            case .log(let head): "a log at \(head)"
            }
        }
    }

    /// What one kill found.
    public struct KillReport: Sendable, CustomStringConvertible {
        /// The kill's number, from 1.
        public var number: Int
        /// When the child was killed.
        public var moment: Moment
        /// The seed of the child.
        public var childSeed: UInt64
        /// What the child left, before the log was opened for writing again.
        public var leftBehind: LeftBehind
        /// The batches the child acknowledged.
        public var acknowledged: Int
        /// The log's head after the kill.
        public var head: Position
        /// What was wrong; empty when the kill left the log as it must be.
        public var failures: [CrashFailure]

        public var description: String {
            let summary =
                "kill \(number) (\(moment), child seed \(BatchID.hex(childSeed))): "
                + "\(acknowledged) batches acknowledged, left \(leftBehind), log at \(head)"
            if failures.isEmpty { return summary }
            return ([summary] + failures.map { "kill \(number): \($0)" }).joined(separator: "\n")
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// What has been acknowledged and checked so far.
    public private(set) var audit = CrashAudit()
    /// The reports of the kills so far.
    public private(set) var reports: [KillReport] = []
    private var random: SeededGenerator
    private var childSeeds: Set<UInt64> = []

    /// A harness that has not killed anything yet.
    public init(configuration: Configuration) {
        self.configuration = configuration
        random = SeededGenerator(seed: configuration.seed, item: [0x6B69_6C6C])
    }

    /// Runs `kills` kills, calling `progress` after each, and stops early at the first that fails.
    @available(*, noasync, message: "the harness blocks while a child runs")
    @discardableResult
    public mutating func run(kills: Int, progress: (KillReport) -> Void = { _ in }) -> CrashSummary {
        for _ in 0..<kills {
            let report = killOnce()
            progress(report)
            if !report.failures.isEmpty { break }
        }
        return summary
    }

    /// The figures so far.
    public var summary: CrashSummary {
        CrashSummary(
            kills: reports.count,
            killsWhileOpening: reports.count { if case .opening = $0.moment { true } else { false } },
            killsBeforeLogExisted: reports.count { if case .log = $0.leftBehind { false } else { true } },
            batchesAcknowledged: audit.acknowledged.count,
            batchesRejected: audit.rejected.count,
            batchesInLog: audit.found.count,
            records: audit.checkedHead.position.rawValue,
            failures: reports.flatMap { report in report.failures.map { "kill \(report.number): \($0)" } }
        )
    }

    /// Starts a child, kills it, and checks the log.
    @available(*, noasync, message: "the harness blocks while a child runs")
    public mutating func killOnce() -> KillReport {
        let number = reports.count + 1
        let moment: Moment =
            number == 1 || number % max(1, configuration.openingKillInterval) == 0
            ? .opening(microseconds: Int.random(in: configuration.openingTime, using: &random))
            : .appending(milliseconds: Int.random(in: configuration.runTime, using: &random))
        var childSeed = random.next()
        while !childSeeds.insert(childSeed).inserted { childSeed = random.next() }
        let writers = Int.random(in: configuration.writers, using: &random)
        var report = KillReport(
            number: number,
            moment: moment,
            childSeed: childSeed,
            leftBehind: .nothing,
            acknowledged: 0,
            head: audit.checkedHead.position,
            failures: []
        )
        defer { reports.append(report) }

        let child = ChildRun(executable: configuration.executable)
        let arguments = [
            "append", "--data", configuration.directory, "--seed", String(childSeed), "--writers", String(writers),
        ]
        if let failure = child.start(arguments: arguments) {
            report.failures = [failure]
            return report
        }
        let outcome = child.outcome(killingAt: moment, stallLimit: configuration.stallLimit)
        for message in outcome.messages {
            if case .acknowledged = message { report.acknowledged += 1 }
            if let failure = audit.note(message) { report.failures.append(failure) }
        }
        report.failures += outcome.failures
        report.leftBehind = Self.inspect(configuration.directory)
        guard report.failures.isEmpty else { return report }
        do {
            let log = try EventLog(path: configuration.directory)
            report.failures = audit.check(log)
            report.head = log.head.position
            try log.close()
        } catch {
            report.failures.append(.logDidNotOpen(error))
        }
        return report
    }

    /// Opens the log read-only, which neither creates nor finishes anything, to see what is there.
    static func inspect(_ directory: String) -> LeftBehind {
        do {
            let log = try EventLog(path: directory, options: EventLog.Options(readOnly: true))
            return .log(head: log.head.position)
        } catch {
            return FileManager.default.fileExists(atPath: directory + "/data.mdb") ? .unfinishedLog : .nothing
        }
    }

    /// The path of an executable built next to the running one (a test bundle finds the package's
    /// executables this way), or `nil` when it is not there.
    public static func siblingExecutable(named name: String) -> String? {
        var directories: [URL] = []
        if let own = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: own).deletingLastPathComponent())
        }
        directories += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        if let first = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        return directories.map { $0.appendingPathComponent(name).path }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}

/// The figures of a crash test run.
public struct CrashSummary: Codable, Hashable, Sendable {
    /// The kills run.
    public var kills: Int
    /// The kills aimed at a child opening the log.
    public var killsWhileOpening: Int
    /// The kills that left no log, or an unfinished one.
    public var killsBeforeLogExisted: Int
    /// The batches the children acknowledged.
    public var batchesAcknowledged: Int
    /// The batches rejected on purpose.
    public var batchesRejected: Int
    /// The batches in the log (acknowledged or not).
    public var batchesInLog: Int
    /// The records in the log.
    public var records: UInt64
    /// Each failure, naming its kill.
    public var failures: [String]
}
