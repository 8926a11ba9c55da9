import Engine
import EventLog
import Kezek
import KezekSimulation
import Projections

extension Demo {
    /// What the build phase leaves: the engine (open, everything durable), what the state holds, the
    /// allocation rounds and the phase's timing.
    struct Built {
        var engine: Engine
        var counts: DemoSummary.Counts
        var queue: DemoSummary.QueueSummary
        var rounds: [AllocationRound]
        var timing: DemoSummary.PhaseTiming
    }

    /// How many commands run between two progress reports.
    static let progressEvery = 1_024

    /// Runs the simulation's commands through a new engine in ``data``, one by one as `kezek apply`
    /// does (decided, folded and queued for a durable append, many commands to a group commit), and
    /// records every tick that closed bulletins as an allocation round.
    func build(progress: (DemoProgress) -> Void) throws(DemoError) -> Built {
        let engine: Engine
        do {
            engine = try Engine(path: data, options: Engine.Options(registry: registry, warn: warn))
        } catch {
            throw .engine(error)
        }
        try DemoDirectory.mark(data, scale: scale.name, seed: seed)
        var simulation = NationalSimulation(scale: scale, seed: seed)
        progress(DemoProgress(phase: .build, fraction: 0, detail: "the \(scale.name) country, seed \(seed)"))
        let first = Timestamp.startOfAlmatyDay(scale.start).millisecondsSinceEpoch
        let span = Double(max(1, simulation.endTime.millisecondsSinceEpoch - first))
        var refused: [String: Int] = [:]
        var rounds: [AllocationRound] = []
        var commands = 0
        var clock = Stopwatch()
        var elapsed = 0.0
        do throws(EngineError) {
            while let envelope = simulation.next(after: engine.state) {
                var tickClock = Stopwatch()
                let execution = try engine.execute(envelope)
                switch execution.outcome {
                case .failure(let rejection):
                    refused[rejection.code, default: 0] += 1
                case .success(let result):
                    if case .tick = envelope.command,
                        let round = AllocationRound(
                            tickResult: result.fields, at: envelope.at, seconds: tickClock.lap())
                    {
                        rounds.append(round)
                    }
                }
                commands += 1
                if commands % Self.progressEvery == 0 {
                    _ = try engine.isDurable(0)
                    elapsed += clock.lap()
                    let fraction = Double(envelope.at.millisecondsSinceEpoch - first) / span
                    progress(
                        DemoProgress(
                            phase: .build, fraction: min(1, max(0, fraction)),
                            detail:
                                "\(envelope.at.almatyDate), \(commands) commands, \(engine.state.lastApplicationNumber) applications, \(Int(Double(commands) / max(elapsed, 0.001))) commands/s"
                        ))
                }
            }
            try engine.waitUntilDurable()
        } catch {
            try? engine.close()
            throw .engine(error)
        }
        elapsed += clock.lap()
        let model = engine.model
        progress(
            DemoProgress(
                phase: .build, fraction: 1, detail: "\(commands) commands, \(model.position) events", isFinished: true))
        return Built(
            engine: engine,
            counts: DemoSummary.Counts(
                model.state, commands: commands, refused: refused, events: model.position.rawValue),
            queue: DemoSummary.QueueSummary(model.projections.statistics), rounds: rounds,
            timing: DemoSummary.PhaseTiming(phase: .build, seconds: elapsed, items: UInt64(commands), unit: "commands"))
    }
}

extension DemoSummary.Counts {
    /// The counts of `state`, after `commands` commands of which `refused` were refused.
    init(_ state: KezekState, commands: Int, refused: [String: Int], events: UInt64) {
        self.commands = commands
        refusedByCode = refused
        self.events = events
        kindergartens = state.kindergartens.count
        applicants = state.applicants.count
        children = state.children.count
        applicationsByStatus = state.applications.values.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
        bulletins = state.bulletins.count
        seatsOffered = state.bulletins.values.reduce(0) { $0 + $1.seats }
        referralsByStatus = state.referrals.values.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }
}

extension DemoSummary.QueueSummary {
    /// Every region of the classifier with applications in the queue, by code.
    init(_ statistics: StatisticsProjection, registry: KATORegistry = .standard) {
        regions = statistics.regions.compactMap { region in
            guard let code = KATOCode(rawValue: UInt32(region) * 10_000_000) else { return nil }
            return DemoSummary.RegionQueue(
                region: code, nameKazakh: registry.unit(code)?.nameKazakh ?? code.description,
                nameEnglish: RegionNames.english[code.rawValue] ?? code.description,
                statistics: statistics.statistics(ofRegion: region))
        }
    }
}
