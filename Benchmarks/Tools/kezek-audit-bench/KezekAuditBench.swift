import ArgumentParser
import Engine
import EventLog
import Foundation
import Kezek
import KezekSimulation

/// Measures the audit on a large log of the national simulation's events: `kezek audit verify` (the data file's
/// page check, then the chain walk) in events per second, and `kezek replay --until` the middle of the
/// log, by time and by position. Builds the log first (bulk-loaded through the engine) when the data
/// directory holds none; sizes are options.
@main
struct KezekAuditBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kezek-audit-bench",
        abstract: "Time audit verify and replay --until the middle on a large log (built first when missing)."
    )

    @Option(help: "The data directory; the log is built there when it holds none.")
    var data: String

    @Option(help: "How many events to build (at least).")
    var events: UInt64 = 1_000_000

    @Option(help: "How many times each measurement runs (the median is reported).")
    var rounds = 3

    @Option(help: "The seed of the generated commands.")
    var seed: UInt64 = 2026

    func run() throws {
        if !FileManager.default.fileExists(atPath: (data as NSString).appendingPathComponent("data.mdb")) {
            try build()
        }
        let log = try EventLog(path: data, options: EventLog.Options(readOnly: true))
        let head = log.head.position
        var verifySeconds: [Double] = []
        var checkSeconds: [Double] = []
        var verifyCPUSeconds: [Double] = []
        for _ in 0..<rounds {
            let cpuStarted = processorSeconds()
            let started = Date()
            if let damage = try EventLog.checkDataFile(in: data) { throw ValidationError("\(damage)") }
            checkSeconds.append(Date().timeIntervalSince(started))
            let outcome = Engine.audit(log)
            verifySeconds.append(Date().timeIntervalSince(started))
            verifyCPUSeconds.append(processorSeconds() - cpuStarted)
            guard outcome.isIntact else { throw ValidationError("the log does not verify: \(outcome.problem!)") }
        }
        let middle = Position(head.rawValue / 2)
        guard let record = try log.record(at: middle) else { throw ValidationError("no record at \(middle)") }
        let middleTime = Timestamp(millisecondsSinceEpoch: record.timestamp)
        var timeSeconds: [Double] = []
        var positionSeconds: [Double] = []
        var model = EngineModel()
        for _ in 0..<rounds {
            var started = Date()
            model = try Engine.replay(log, through: middleTime)
            timeSeconds.append(Date().timeIntervalSince(started))
            started = Date()
            _ = try Engine.replay(log, until: middle)
            positionSeconds.append(Date().timeIntervalSince(started))
        }
        let size =
            (try? FileManager.default.attributesOfItem(atPath: (data as NSString).appendingPathComponent("data.mdb")))?[
                .size]
        let verify = median(verifySeconds)
        let report: JSONValue = [
            "events": .integer(Int64(head.rawValue)),
            "bytes": .integer((size as? NSNumber)?.int64Value ?? 0),
            "rounds": .integer(Int64(rounds)),
            "auditVerify": [
                "seconds": seconds(verify),
                "eventsPerSecond": .integer(Int64(Double(head.rawValue) / verify)),
                "pageCheckSeconds": seconds(median(checkSeconds)),
                "processorSeconds": seconds(median(verifyCPUSeconds)),
                "eventsPerProcessorSecond": .integer(Int64(Double(head.rawValue) / median(verifyCPUSeconds))),
            ],
            "replayUntilMiddle": [
                "time": .string(middleTime.description),
                "position": .integer(Int64(model.position.rawValue)),
                "secondsByTime": seconds(median(timeSeconds)),
                "secondsByPosition": seconds(median(positionSeconds)),
                "eventsPerSecond": .integer(Int64(Double(model.position.rawValue) / median(timeSeconds))),
                "applications": .integer(Int64(model.state.applications.count)),
                "queue": model.queueStatistics,
            ],
        ]
        print(String(decoding: report.serialized, as: UTF8.self))
    }

    /// Runs the national simulation (KezekSimulation) through a bulk-loading engine until the log holds
    /// `events` events or the simulated span ends. The simulation's size follows `events`: about one
    /// application per six events, a kindergarten per 80 applications, seats for a tenth of them a year.
    private func build() throws {
        let started = Date()
        let options = Engine.Options(
            log: EventLog.Options(durability: .bulkLoad, initialMapSize: 1 << 30), checkpointInterval: .max)
        let engine = try Engine(path: data, options: options)
        let applications = max(800, Int(events / 6))
        let scale = SimulationScale(
            name: "bench", kindergartens: max(30, applications / 80), applications: applications,
            seatsPerYear: max(250, applications / 10), start: SimulationScale.defaultStart,
            days: SimulationScale.defaultDays)
        var simulation = NationalSimulation(scale: scale, seed: seed)
        var executed = 0
        var rejected = 0
        while engine.model.position.rawValue < events, let envelope = simulation.next(after: engine.state) {
            let execution = try engine.execute(envelope)
            if case .failure = execution.outcome { rejected += 1 }
            executed += 1
            if executed % 100_000 == 0 {
                try engine.waitUntilDurable()
                let seconds = Int(Date().timeIntervalSince(started))
                let message = "built \(engine.model.position) events from \(executed) commands, \(seconds) s\n"
                FileHandle.standardError.write(Data(message.utf8))
            }
        }
        let built = engine.model.position
        try engine.close()
        let seconds = Int(Date().timeIntervalSince(started))
        FileHandle.standardError.write(
            Data("built \(built) events in \(seconds) s, \(rejected) of \(executed) commands rejected\n".utf8))
    }

    /// The processor time (user and system) this process used so far, over all its threads: unlike
    /// wall time, it does not grow when other processes share the cores.
    private func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1_000_000
    }

    private func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }

    private func seconds(_ value: Double) -> JSONValue {
        (try? JSONValue.parse(String(format: "%.3f", value))) ?? .integer(Int64(value))
    }
}
