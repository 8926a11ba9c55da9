public import EventLog

/// What `kezek-bench-compare` measures: durable appends on the event log and on SQLite side by side,
/// then a sequential read and a verification of a bulk-loaded log, all in one process.
public struct ComparisonPlan: Sendable {
    /// The numbers of concurrent appenders.
    public var appenders: [Int] = [1, 64, 1_024]
    /// Single-record appends per appender on the event log in one run (at least `minimumAppends`).
    public var logAppendsPerAppender = 200
    /// Single-record appends on SQLite in one run, whatever the number of appenders (SQLite commits
    /// one transaction at a time, so more would only take longer).
    public var sqliteAppends = 1_000
    /// The fewest appends in one run.
    public var minimumAppends = 500
    /// The records of the log that is read and verified.
    public var readRecords = 1_000_000
    /// How many times each workload runs; every figure is the median of the rounds.
    public var rounds = 5
    /// When the event log's appends count as done; ``EventLog/Durability/bulkLoad`` shows what the
    /// appends cost without waiting for the disk.
    public var logDurability = EventLog.Durability.durable
    /// The most append requests the event log commits in one transaction.
    public var maximumGroupSize = EventLog.Options().maximumGroupSize

    /// The default plan.
    public init() {}

    func logAppends(for appenders: Int) -> Int {
        max(minimumAppends, appenders * logAppendsPerAppender)
    }
}

/// The figures of one comparison run.
public struct ComparisonReport: Sendable, Encodable {
    /// The durable appends with a given number of appenders.
    public struct Appends: Sendable, Encodable {
        /// The number of concurrent appenders.
        public var appenders: Int
        /// The event log's runs, one per round.
        public var log: [Rate]
        /// SQLite's runs, one per round.
        public var sqlite: [Rate]

        /// The event log's records per second over SQLite's, per round (each round runs both).
        public var ratios: [Double] {
            zip(log, sqlite).map { $0.perSecond / max($1.perSecond, .leastNonzeroMagnitude) }
        }

        private enum CodingKeys: String, CodingKey {
            case appenders, log, sqlite, ratios, medianRatio
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(appenders, forKey: .appenders)
            try container.encode(log, forKey: .log)
            try container.encode(sqlite, forKey: .sqlite)
            try container.encode(ratios, forKey: .ratios)
            try container.encode(median(ratios), forKey: .medianRatio)
        }
    }

    /// The append runs, by number of appenders.
    public var appends: [Appends] = []
    /// The loading of the log that is read, in batches of 1,000 records without waiting for the disk.
    public var bulkLoad: Rate?
    /// How the event log's appends were made durable: `durable`, or `bulkLoad` (not waiting for the disk).
    public var logDurability = "durable"
    /// The sequential reads of the whole log.
    public var reads: [Rate] = []
    /// The verifications of the whole log.
    public var verifications: [Rate] = []
    /// What SQLite was configured with, as it reported it.
    public var sqliteSettings = ""
    /// The average payload size of the appended records, in bytes.
    public var averagePayloadSize = 0

    /// A plain-text table of the medians, with the per-round ratios.
    public var text: String {
        var lines = ["Kezek event log vs SQLite (GRDB, \(sqliteSettings)); payloads ~\(averagePayloadSize) bytes"]
        lines.append(
            "workload".padded(34) + "records/s".leftPadded(12) + "per CPU-s".leftPadded(12) + "   records/s by round"
        )
        for run in appends {
            lines.append(row("append \(logDurability), \(run.appenders) appenders", run.log))
            lines.append(row("GRDB append durable, \(run.appenders) appenders", run.sqlite))
            let ratios = run.ratios.map { String(format2: $0) }.joined(separator: ", ")
            lines.append(
                "  ratio LMDB/GRDB, \(run.appenders) appenders: median \(String(format2: median(run.ratios)))"
                    + " (by round: \(ratios))"
            )
        }
        if let bulkLoad { lines.append(row("bulk load, batches of 1000", [bulkLoad])) }
        lines.append(row("read sequential", reads))
        lines.append(row("verify", verifications))
        return lines.joined(separator: "\n")
    }

    private func row(_ name: String, _ rates: [Rate]) -> String {
        let wall = Rate.format(median(rates.map(\.perSecond)))
        let cpu = Rate.format(median(rates.map(\.perCPUSecond)))
        let all = rates.map { Rate.format($0.perSecond) }.joined(separator: ", ")
        return name.padded(34) + wall.leftPadded(12) + cpu.leftPadded(12) + "   " + all
    }
}

/// The median of `values` (0 when there are none).
public func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

extension String {
    func padded(_ width: Int) -> String {
        self + String(repeating: " ", count: max(1, width - count))
    }

    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(1, width - count)) + self
    }

    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

/// Runs a ``ComparisonPlan``.
public enum Comparison {
    /// Runs every workload of `plan`, reporting each finished run through `progress`.
    ///
    /// Each round runs, for every number of appenders, the event log and then SQLite, each on a fresh
    /// store, so that the two sides of a ratio are measured moments apart on the same machine.
    public static func run(
        _ plan: ComparisonPlan,
        progress: (String) -> Void = { _ in }
    ) async throws -> ComparisonReport {
        let samples = SampleRecords()
        var report = ComparisonReport()
        report.averagePayloadSize = samples.averagePayloadSize
        report.logDurability = plan.logDurability == .durable ? "durable" : "bulkLoad"
        report.appends = plan.appenders.map { ComparisonReport.Appends(appenders: $0, log: [], sqlite: []) }
        for round in 1...plan.rounds {
            for (index, appenders) in plan.appenders.enumerated() {
                let log = try await measureLogAppends(plan.logAppends(for: appenders), appenders, plan, samples)
                report.appends[index].log.append(log)
                progress("round \(round): append \(report.logDurability), \(appenders) appenders: \(log)")
                let sqlite = try await measureSQLiteAppends(plan.sqliteAppends, appenders, samples, &report)
                report.appends[index].sqlite.append(sqlite)
                progress("round \(round): GRDB append durable, \(appenders) appenders: \(sqlite)")
            }
        }
        progress("loading \(plan.readRecords) records for the read and verify runs")
        var loaded: LogFixture?
        let load = try await Rate.measure(records: plan.readRecords) {
            loaded = try await LogFixture.bulkLoaded(records: plan.readRecords, samples: samples)
        }
        report.bulkLoad = load
        progress("bulk load: \(load)")
        guard let fixture = loaded else { throw WorkloadFailure("the log was not loaded") }
        defer { try? fixture.close() }
        for round in 1...plan.rounds {
            let read = try await measureRead(fixture, expecting: plan.readRecords)
            report.reads.append(read)
            progress("round \(round): read sequential: \(read)")
            let verify = try await measureVerify(fixture, expecting: plan.readRecords)
            report.verifications.append(verify)
            progress("round \(round): verify: \(verify)")
        }
        return report
    }

    private static func measureLogAppends(
        _ count: Int,
        _ appenders: Int,
        _ plan: ComparisonPlan,
        _ samples: SampleRecords
    ) async throws -> Rate {
        let fixture = try LogFixture(
            options: EventLog.Options(durability: plan.logDurability, maximumGroupSize: plan.maximumGroupSize)
        )
        defer { try? fixture.close() }
        let rate = try await Rate.measure(records: count) {
            try await fixture.appendConcurrently(count: count, appenders: appenders, samples: samples)
        }
        guard fixture.log.head.position == Position(UInt64(count)) else {
            throw WorkloadFailure("the log holds \(fixture.log.head.position) records, not \(count)")
        }
        return rate
    }

    private static func measureSQLiteAppends(
        _ count: Int,
        _ appenders: Int,
        _ samples: SampleRecords,
        _ report: inout ComparisonReport
    ) async throws -> Rate {
        let table = try SQLiteEventTable()
        defer { try? table.close() }
        let settings = try table.settings()
        report.sqliteSettings = "journal_mode=\(settings.journalMode), synchronous=\(settings.synchronous)"
        let rate = try await Rate.measure(records: count) {
            try await table.appendConcurrently(count: count, appenders: appenders, samples: samples)
        }
        let stored = try table.count()
        guard stored == count else { throw WorkloadFailure("the events table holds \(stored) rows, not \(count)") }
        return rate
    }

    private static func measureRead(_ fixture: LogFixture, expecting count: Int) async throws -> Rate {
        var visited: UInt64 = 0
        let rate = try await Rate.measure(records: count) {
            visited = try fixture.readAll().records
        }
        guard visited == UInt64(count) else { throw WorkloadFailure("read \(visited) records, not \(count)") }
        return rate
    }

    private static func measureVerify(_ fixture: LogFixture, expecting count: Int) async throws -> Rate {
        var report: VerificationReport?
        let rate = await Rate.measure(records: count) {
            report = fixture.log.verify()
        }
        guard let report, report.isIntact, report.recordsChecked == UInt64(count) else {
            throw WorkloadFailure("verify did not check \(count) intact records: \(String(describing: report))")
        }
        return rate
    }
}
