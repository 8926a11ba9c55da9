import ArgumentParser
import Engine
import EventLog
import Foundation
import Kezek
import KezekSimulation

/// A full replay of a national log, the start from a checkpoint, and the memory the model holds.
struct ReplayBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Full replay of a national log (events/s), checkpoint save and start, resident memory."
    )

    @Option(help: "The data directory holding (or receiving) the simulated log.")
    var data = "/tmp/kezek-bench-national"

    @Option(help: "Events in the log (built from the simulation when missing).")
    var events: UInt64 = 10_000_000

    @Option(help: "The simulation's scale: tiny, small or national.")
    var scale = "national"

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "Rounds of the full replay; figures are medians.")
    var rounds = 3

    @Flag(
        help:
            "Only open the engine from its checkpoint and report time and memory (run by this tool in a fresh process)."
    )
    var openOnly = false

    @Flag(help: "Only replay (the rounds), without the digest, the checkpoint and the start.")
    var replayOnly = false

    func run() throws {
        if openOnly { return try openFromCheckpoint() }
        guard let scale = SimulationScale.named(scale) else { throw ValidationError("unknown scale \(scale)") }
        let prepared = try NationalLog.prepare(path: data, events: events, scale: scale, seed: seed)
        let log = try EventLog(path: data, options: EventLog.Options(readOnly: true))
        var replaySeconds: [Double] = []
        var model = EngineModel()
        for round in 1...rounds {
            let run = try Measure.time { try Engine.replay(log) }
            model = run.result
            replaySeconds.append(run.seconds)
            Measure.progress(
                "replay \(round): \(model.position.rawValue) events in \(Measure.round(run.seconds)) s, \(Int(Double(model.position.rawValue) / run.seconds)) events/s"
            )
        }
        if replayOnly {
            let cpu = Measure.processCPUSeconds()
            Measure.print([
                "benchmark": "replay", "events": Int(prepared.events), "replaySeconds": replaySeconds,
                "replayEventsPerSecond": replaySeconds.map { Int(Double(prepared.events) / $0) },
                "processCPUSeconds": Measure.round(cpu, 2),
            ])
            return
        }
        let digest = Measure.time { model.digest }
        try log.close()
        let applicationCount = model.state.applications.count
        var (inQueue, active) = (0, 0)
        for application in model.state.applications.values {
            if application.status.isInQueue { inQueue += 1 }
            if application.status.isActive { active += 1 }
        }
        let residentAfterReplay = Measure.residentBytes()
        let heap = HeapBreakdown.measure(consume model)
        Measure.progress("heap megabytes by part: \(heap)")

        // Save a checkpoint (opening the engine replays once more, then closing saves).
        let engine = try Engine(path: data)
        let save = try Measure.time { try engine.saveCheckpoint() }
        try engine.close()
        // Start from it in a fresh process: time and memory without this process's history.
        let opened = try Self.openInChild(data: data)

        let seconds = median(replaySeconds)
        Measure.print([
            "benchmark": "replay",
            "events": Int(prepared.events),
            "applications": applicationCount,
            "applicationsInQueue": inQueue,
            "applicationsActive": active,
            "replaySeconds": Measure.round(seconds, 3),
            "replayEventsPerSecond": Int(Double(prepared.events) / seconds),
            "digestSeconds": Measure.round(digest.seconds, 3),
            "digest": digest.result.description,
            "checkpointSaveSeconds": Measure.round(save.seconds, 3),
            "startFromCheckpointSeconds": opened["seconds"] ?? 0,
            "residentMegabytesAfterStart": opened["residentMegabytes"] ?? 0,
            "peakResidentMegabytesOfStart": opened["peakResidentMegabytes"] ?? 0,
            "residentMegabytesAfterReplay": Measure.megabytes(residentAfterReplay),
            "heapMegabytesByPart": heap,
            "fileBackedResidentMegabytesAfterStart": opened["fileBackedResidentMegabytes"] ?? 0,
            "heapMegabytesAfterStart": opened["heapMegabytes"] ?? 0,
            "rounds": rounds,
        ])
    }

    /// Opens the engine (from its checkpoint) and prints the time and the memory as JSON.
    func openFromCheckpoint() throws {
        let warnings = Warnings()
        let options = Engine.Options(log: EventLog.Options(readOnly: true), warn: { warnings.append($0) })
        let opened = try Measure.time { try Engine(path: data, options: options) }
        let engine = opened.result
        Measure.print([
            "seconds": Measure.round(opened.seconds, 3),
            "position": Int(engine.model.position.rawValue),
            "applications": engine.state.applications.count,
            "residentMegabytes": Measure.megabytes(Measure.residentBytes()),
            "fileBackedResidentMegabytes": Measure.megabytes(Measure.residentFileBackedBytes()),
            "heapMegabytes": Measure.megabytes(HeapBreakdown.bytesInUse()),
            "peakResidentMegabytes": Measure.megabytes(Measure.peakResidentBytes()),
            "warnings": warnings.all,
        ])
        try engine.close()
    }

    static func openInChild(data: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.fileExists(atPath: process.executableURL!.path) {
            process.executableURL = Bundle.main.executableURL
        }
        process.arguments = ["replay", "--open-only", "--data", data]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let object = try JSONSerialization.jsonObject(with: bytes) as? [String: Any] else { return [:] }
        Measure.progress("start from checkpoint: \(object)")
        return object
    }
}

/// Warnings collected from the engine's threads.
final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func append(_ message: String) { lock.withLock { messages.append(message) } }

    var all: [String] { lock.withLock { messages } }
}
