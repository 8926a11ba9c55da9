import Engine
import EventLog
import Foundation
public import Kezek
public import KezekSimulation

/// The whole national cycle on a seeded, realistic data set, in one run: the simulated country's
/// commands through the engine (the same commands `kezek apply` takes, with the daily ticks that run
/// the allocation rounds), a checkpoint, the audit's walk of the hash chain, a full replay, a start from
/// the checkpoint, and the state digests that must agree.
///
/// The same scale and seed give the same log, so the same head hash and digest, on every run.
public struct Demo {
    /// The data directory: new, empty, or holding an earlier demo's log (which is replaced).
    public var data: String
    /// The size of the country.
    public var scale: SimulationScale
    /// The seed the data is drawn from.
    public var seed: UInt64
    /// The person registry the engine asks (the open development registry by default).
    public var registry: any PersonRegistry
    /// Where warnings go (a replaced demo log, a checkpoint that could not be used).
    public var warn: @Sendable (String) -> Void

    /// The default seed.
    public static let defaultSeed: UInt64 = 2026

    /// A demo of `scale` drawn from `seed`, in `data`.
    public init(
        data: String, scale: SimulationScale = .small, seed: UInt64 = Demo.defaultSeed,
        registry: any PersonRegistry = OpenPersonRegistry(), warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.data = data
        self.scale = scale
        self.seed = seed
        self.registry = registry
        self.warn = warn
    }

    /// Runs every phase in order, telling `progress` how far each is, and returns what was built and
    /// measured. Throws when the data directory holds a log the demo did not make, when the log cannot
    /// be written or read, or when the audit finds the log damaged.
    public func run(progress: (DemoProgress) -> Void = { _ in }) throws(DemoError) -> DemoSummary {
        if try DemoDirectory.prepare(data) { warn("kezek demo: replacing the earlier demo log in \(data)") }
        var phases: [DemoSummary.PhaseTiming] = []
        var digestSeconds = 0.0
        let built = try build(progress: progress)
        phases.append(built.timing)

        var clock = Stopwatch()
        let liveDigest = built.engine.model.digest
        digestSeconds += clock.lap()

        progress(DemoProgress(phase: .checkpoint, fraction: 0, detail: "\(built.engine.model.position) events"))
        do {
            try built.engine.saveCheckpoint()
            try built.engine.close()
        } catch {
            throw .engine(error)
        }
        phases.append(DemoSummary.PhaseTiming(phase: .checkpoint, seconds: clock.lap()))
        progress(DemoProgress(phase: .checkpoint, fraction: 1, detail: "saved", isFinished: true))

        let audited = try audit(progress: progress)
        phases.append(audited.verify)
        phases.append(audited.replay)
        digestSeconds += audited.digestSeconds

        clock = Stopwatch()
        progress(DemoProgress(phase: .start, fraction: 0, detail: "loading the checkpoint"))
        let started: EngineModel
        do {
            let engine = try Engine(
                path: data, options: Engine.Options(log: EventLog.Options(readOnly: true), warn: warn))
            started = engine.model
            try engine.close()
        } catch {
            throw .engine(error)
        }
        phases.append(DemoSummary.PhaseTiming(phase: .start, seconds: clock.lap()))
        progress(DemoProgress(phase: .start, fraction: 1, detail: "\(started.position) events", isFinished: true))
        let startedDigest = started.digest
        digestSeconds += clock.lap()
        phases.append(DemoSummary.PhaseTiming(phase: .digest, seconds: digestSeconds))

        return DemoSummary(
            scale: scale.name, seed: seed, data: data, simulatedFrom: scale.start,
            simulatedUntil: scale.start.adding(days: scale.days), counts: built.counts, phases: phases,
            allocation: DemoSummary.AllocationSummary(rounds: built.rounds), queue: built.queue,
            audit: DemoSummary.AuditSummary(
                headPosition: audited.head.position.rawValue, headHash: audited.head.hash.hex, verified: true,
                digest: liveDigest.hex, replayMatchesLive: audited.digest == liveDigest,
                checkpointMatchesReplay: startedDigest == audited.digest),
            peakResidentBytes: ResourceUsage.peakResidentBytes)
    }

    /// What the audit phases found: the verified head, the replayed state's digest, the timings.
    private struct Audited {
        var head: LogHead
        var digest: StateDigest
        var verify: DemoSummary.PhaseTiming
        var replay: DemoSummary.PhaseTiming
        var digestSeconds: Double
    }

    /// Checks the data file, walks the hash chain, replays the whole log and digests the result.
    private func audit(progress: (DemoProgress) -> Void) throws(DemoError) -> Audited {
        let log: EventLog
        do {
            log = try EventLog(path: data, options: EventLog.Options(readOnly: true))
        } catch {
            throw .log(error)
        }
        defer { try? log.close() }
        let events = log.head.position.rawValue
        var clock = Stopwatch()
        progress(DemoProgress(phase: .verify, fraction: 0, detail: "checking the data file's pages"))
        let damage: DataFileDamage?
        do {
            damage = try EventLog.checkDataFile(in: data)
        } catch {
            throw .log(error)
        }
        if let damage { throw .damagedFile(damage) }
        let outcome = Engine.audit(log) { checked in
            progress(
                DemoProgress(
                    phase: .verify, fraction: Double(checked) / Double(max(events, 1)), detail: "\(checked) events"))
        }
        if let problem = outcome.problem { throw .verificationFailed(problem) }
        let verify = DemoSummary.PhaseTiming(phase: .verify, seconds: clock.lap(), items: events, unit: "events")
        progress(DemoProgress(phase: .verify, fraction: 1, detail: "\(events) events intact", isFinished: true))

        let replayed: EngineModel
        do {
            replayed = try Engine.replay(log) { position in
                progress(
                    DemoProgress(
                        phase: .replay, fraction: Double(position.rawValue) / Double(max(events, 1)),
                        detail: "\(position) events"))
            }
        } catch {
            throw .engine(error)
        }
        let replay = DemoSummary.PhaseTiming(phase: .replay, seconds: clock.lap(), items: events, unit: "events")
        progress(DemoProgress(phase: .replay, fraction: 1, detail: "\(events) events", isFinished: true))
        let digest = replayed.digest
        return Audited(
            head: outcome.report.verifiedHead, digest: digest, verify: verify, replay: replay,
            digestSeconds: clock.lap())
    }
}

/// Wall-clock time between laps.
struct Stopwatch {
    private var last = ContinuousClock.now

    /// Seconds since the last lap (or the start), and starts the next lap.
    mutating func lap() -> Double {
        let now = ContinuousClock.now
        defer { last = now }
        let elapsed = now - last
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
