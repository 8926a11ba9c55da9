import ArgumentParser
import EventLog
import EventLogBenchmarkSupport
import Foundation

/// Runs the event log's workloads and the same appends on SQLite in one process, and prints the
/// records per second of each and the LMDB/GRDB ratios (the machine is noisy, so ratios measured
/// moments apart mean more than figures from separate runs).
///
///     KEZEK_BENCHMARKS=1 swift build -c release --scratch-path .build-bench --product kezek-bench-compare
///     .build-bench/release/kezek-bench-compare [--rounds 5] [--json] [--no-sync]
@main
struct KezekBenchCompare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kezek-bench-compare",
        abstract: "Compare durable appends on the Kezek event log with SQLite (GRDB), and time reads and verify."
    )

    @Option(help: "Comma-separated numbers of concurrent appenders.")
    var appenders = "1,64,1024"

    @Option(help: "Single-record appends per appender on the event log in one run.")
    var logAppendsPerAppender = 200

    @Option(help: "The fewest single-record appends in one run on the event log.")
    var minimumAppends = 500

    @Option(help: "Single-record appends on SQLite in one run.")
    var sqliteAppends = 1_000

    @Option(help: "Records in the log that is read and verified.")
    var readRecords = 1_000_000

    @Option(help: "Rounds of every workload; figures are medians.")
    var rounds = 5

    @Flag(help: "Append to the event log without waiting for the disk (bulkLoad), to see the CPU cost alone.")
    var noSync = false

    @Option(help: "The most append requests the event log commits in one transaction.")
    var maximumGroupSize = EventLog.Options().maximumGroupSize

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    func run() async throws {
        var plan = ComparisonPlan()
        plan.appenders = try appenders.split(separator: ",").map { text in
            guard let count = Int(text.trimmingCharacters(in: .whitespaces)), count > 0 else {
                throw ValidationError("--appenders takes positive numbers, not \(text)")
            }
            return count
        }
        plan.logAppendsPerAppender = logAppendsPerAppender
        plan.minimumAppends = minimumAppends
        plan.sqliteAppends = sqliteAppends
        plan.readRecords = readRecords
        plan.rounds = max(1, rounds)
        plan.logDurability = noSync ? .bulkLoad : .durable
        plan.maximumGroupSize = maximumGroupSize
        let report = try await Comparison.run(plan) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}
