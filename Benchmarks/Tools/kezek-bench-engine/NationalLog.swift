import Engine
import EventLog
import Foundation
import Kezek
import KezekSimulation

/// A data directory holding the national simulation's log, built through the engine (the same commands
/// as `kezek apply`, appended without waiting for the disk) and kept between runs.
enum NationalLog {
    /// Makes sure `path` holds at least `events` events of the simulation drawn from `seed` (or the whole
    /// simulation, if it has fewer); returns the number of events and applications in the log.
    static func prepare(path: String, events: UInt64, scale: SimulationScale, seed: UInt64) throws -> (
        events: UInt64, commands: Int
    ) {
        let marker = URL(fileURLWithPath: path).appendingPathComponent("simulation.txt")
        let description = "\(scale.name) seed \(seed)"
        if let existing = try? EventLog(path: path, options: EventLog.Options(readOnly: true)) {
            let head = existing.head.position.rawValue
            try existing.close()
            // A log that holds the whole simulation is kept even when it is shorter than asked for.
            let whole = (try? String(contentsOf: marker, encoding: .utf8)) == "\(description): \(head) events\n"
            if head >= events || whole {
                Measure.progress("using the log in \(path): \(head) events")
                return (head, 0)
            }
            try FileManager.default.removeItem(atPath: path)
        }
        Measure.progress("building \(events) events of the \(scale.name) simulation (seed \(seed)) in \(path)")
        var options = Engine.Options(log: EventLog.Options(durability: .bulkLoad), checkpointInterval: .max)
        options.warn = { Measure.progress($0) }
        let engine = try Engine(path: path, options: options)
        var simulation = NationalSimulation(scale: scale, seed: seed)
        var commands = 0
        var lastReport = ContinuousClock.now
        let started = ContinuousClock.now
        while engine.model.position.rawValue < events, let envelope = simulation.next(after: engine.state) {
            _ = try engine.execute(envelope)
            commands += 1
            if commands % 4_096 == 0, ContinuousClock.now - lastReport > .seconds(5) {
                lastReport = .now
                let seconds = Measure.seconds(ContinuousClock.now - started)
                Measure.progress(
                    "  \(commands) commands, \(engine.model.position.rawValue) events, \(engine.state.lastApplicationNumber) applications, \(Int(Double(commands) / seconds)) commands/s, \(engine.state.lastTime.map { $0.almatyDate.description } ?? "")"
                )
            }
        }
        try engine.waitUntilDurable()
        try engine.close()
        let seconds = Measure.seconds(ContinuousClock.now - started)
        Measure.progress("built \(commands) commands in \(Measure.round(seconds, 1)) s")
        let log = try EventLog(path: path, options: EventLog.Options(readOnly: true))
        defer { try? log.close() }
        let head = log.head.position.rawValue
        if head < events {
            try Data("\(description): \(head) events\n".utf8).write(to: marker)
        }
        return (head, commands)
    }
}
