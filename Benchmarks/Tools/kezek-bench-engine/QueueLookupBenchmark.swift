import ArgumentParser
import Foundation
import GRDB
import Kezek
import KezekSimulation
import Projections

/// Queue numbers with a million active applications: the projections' order-statistic index against
/// the question a user of SQLite would ask (through GRDB): an indexed `COUNT(*)` of the rows ahead.
struct QueueLookupBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue-lookup",
        abstract: "Queue number lookups with N active applications: order-statistic index vs SQLite COUNT(*)."
    )

    @Option(help: "Active applications.")
    var applications = 1_000_000

    @Option(help: "Lookups timed on the index per round.")
    var lookups = 1_000_000

    @Option(help: "Lookups timed on SQLite per round.")
    var sqliteLookups = 2_000

    @Option(help: "Rounds; figures are medians.")
    var rounds = 5

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    func run() throws {
        Measure.progress("building \(applications) applications")
        let submissions = Self.submissions(count: applications, seed: seed)
        var built = Projections()
        let build = Measure.time {
            for (index, submission) in submissions.enumerated() {
                built.apply(.applicationSubmitted(submission), at: submission.submittedAt, position: UInt64(index + 1))
            }
        }
        // Looked up in a constant, as the engine's queries do: a closure that captures the `var` copies the
        // whole struct (retaining and releasing every array in it) around each call.
        let projections = built
        Measure.progress("projections built in \(Measure.round(build.seconds)) s; loading SQLite")
        let database = try SQLiteQueue(submissions)

        var random = SeededGenerator(seed: seed &+ 1)
        let sample = (0..<max(lookups, sqliteLookups)).map { _ in
            ApplicationNumber(rawValue: UInt64.random(in: 1...UInt64(applications), using: &random))
        }
        // Both answer the same: checked on the SQLite sample.
        for number in sample.prefix(sqliteLookups) {
            let expected = projections.queueNumber(of: number)
            let found = try database.queueNumber(of: number)
            guard expected == found else {
                throw ValidationError(
                    "application \(number): index says \(String(describing: expected)), SQLite \(String(describing: found))"
                )
            }
        }
        var indexTimes: [Double] = []
        var sqliteTimes: [Double] = []
        var indexCPU: [Double] = []
        var sqliteCPU: [Double] = []
        for round in 1...rounds {
            let indexRun = Measure.timeWithCPU { () -> Int in
                var sum = 0
                for number in sample.prefix(lookups) { sum &+= projections.queueNumber(of: number) ?? 0 }
                return sum
            }
            precondition(indexRun.result > 0)
            indexTimes.append(indexRun.seconds / Double(lookups))
            indexCPU.append(indexRun.cpuSeconds / Double(lookups))
            let sqliteRun = try Measure.timeWithCPU { () throws -> Int in
                var sum = 0
                for number in sample.prefix(sqliteLookups) { sum &+= try database.queueNumber(of: number) ?? 0 }
                return sum
            }
            precondition(sqliteRun.result > 0)
            sqliteTimes.append(sqliteRun.seconds / Double(sqliteLookups))
            sqliteCPU.append(sqliteRun.cpuSeconds / Double(sqliteLookups))
            Measure.progress(
                "round \(round): index \(Measure.round(indexTimes.last! * 1e9, 1)) ns, SQLite \(Measure.round(sqliteTimes.last! * 1e6, 1)) µs"
            )
        }
        let index = median(indexTimes)
        let sqlite = median(sqliteTimes)
        let indexCPUTime = median(indexCPU)
        let sqliteCPUTime = median(sqliteCPU)
        Measure.print([
            "benchmark": "queue-lookup",
            "activeApplications": applications,
            "queues": projections.queues.queueCount,
            "largestQueue": projections.queues.keys.map { projections.queues.index(for: $0)!.count }.max() ?? 0,
            "indexNanosecondsPerLookup": Measure.round(index * 1e9, 1),
            "sqliteMicrosecondsPerLookup": Measure.round(sqlite * 1e6, 2),
            "ratio": Measure.round(sqlite / index, 0),
            "indexCPUNanosecondsPerLookup": Measure.round(indexCPUTime * 1e9, 1),
            "sqliteCPUMicrosecondsPerLookup": Measure.round(sqliteCPUTime * 1e6, 2),
            "ratioOfCPUTimes": Measure.round(sqliteCPUTime / indexCPUTime, 0),
            "rounds": rounds,
            "residentMegabytes": Measure.megabytes(Measure.residentBytes()),
        ])
    }

    /// `count` submissions in time order over three years, with the simulation's places, languages,
    /// group types and tier shares.
    static func submissions(count: Int, seed: UInt64) -> [Event.ApplicationSubmitted] {
        var random = SeededGenerator(seed: seed)
        let geography = Geography()
        let start = Timestamp.startOfAlmatyDay(SimulationScale.defaultStart)
        let span = Int64(SimulationScale.defaultDays) * Timestamp.millisecondsPerDay
        var times = (0..<count).map { _ in Int64.random(in: 0..<span, using: &random) }
        times.sort()
        return times.enumerated().map { index, offset in
            let place = geography.randomLocality(using: &random)
            let submittedAt = start.adding(milliseconds: offset)
            let year = submittedAt.almatyDate.year
            let roll = Int.random(in: 0..<100, using: &random)
            let tier: Tier = roll < 3 ? .outOfTurn : roll < 18 ? .firstPriority : .general
            let groupRoll = Int.random(in: 0..<1000, using: &random)
            let key = QueueKey(
                locality: geography.localities[place].code, birthYear: year - Int.random(in: 0...4, using: &random),
                language: geography.randomLanguage(at: place, using: &random),
                groupType: groupRoll < 950 ? .general : groupRoll < 985 ? .special : .sanatorium)
            let child =
                IIN(
                    birthDate: CivilDate(daysSinceEpoch: 19_000 + index % 2_000), sex: .female,
                    serial: index / 2_000 * 2 + 1)
                ?? IIN(
                    birthDate: CivilDate(daysSinceEpoch: 19_000 + index % 2_000), sex: .female,
                    serial: index / 2_000 * 2 + 2)!
            return Event.ApplicationSubmitted(
                application: ApplicationNumber(rawValue: UInt64(index + 1)), applicant: child, child: child, key: key,
                submittedAt: submittedAt, tier: tier, policy: Policy.v2024.version)
        }
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

/// The same applications in SQLite, as a user would keep them: one row each, an index on the queue key
/// then the order, and the queue number as the count of rows ahead plus one.
final class SQLiteQueue {
    let queue: DatabaseQueue
    let directory: URL

    init(_ submissions: [Event.ApplicationSubmitted]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kezek-queue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        queue = try DatabaseQueue(path: directory.appendingPathComponent("queue.sqlite").path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE application (
                        number INTEGER PRIMARY KEY, locality INTEGER NOT NULL, birthYear INTEGER NOT NULL,
                        language TEXT NOT NULL, groupType TEXT NOT NULL, tier INTEGER NOT NULL,
                        submittedAt INTEGER NOT NULL, inQueue INTEGER NOT NULL);
                    """)
            let insert = try db.makeStatement(
                sql: "INSERT INTO application VALUES (?, ?, ?, ?, ?, ?, ?, 1)")
            for submission in submissions {
                try insert.execute(arguments: [
                    Int64(submission.application.rawValue), Int64(submission.key.locality.rawValue),
                    submission.key.birthYear, submission.key.language.rawValue, submission.key.groupType.rawValue,
                    submission.tier.rawValue, submission.submittedAt.millisecondsSinceEpoch,
                ])
            }
            try db.execute(
                sql: """
                    CREATE INDEX application_queue ON application
                        (locality, birthYear, language, groupType, inQueue, tier, submittedAt, number);
                    ANALYZE;
                    """)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The queue number of `number`: the rows of its queue ahead of it, plus one.
    func queueNumber(of number: ApplicationNumber) throws -> Int? {
        try queue.read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT COUNT(*) + 1 FROM application AS a, application AS s
                    WHERE s.number = ? AND s.inQueue = 1
                      AND a.locality = s.locality AND a.birthYear = s.birthYear AND a.language = s.language
                      AND a.groupType = s.groupType AND a.inQueue = 1
                      AND (a.tier, a.submittedAt, a.number) < (s.tier, s.submittedAt, s.number)
                    """)
            return try Int.fetchOne(statement, arguments: [Int64(number.rawValue)])
        }
    }
}
