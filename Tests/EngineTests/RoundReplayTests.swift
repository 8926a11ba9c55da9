import Engine
import EventLog
import Kezek
import KezekSimulation
import KezekTestSupport
import Testing

@Suite("Allocation rounds replay byte for byte")
struct RoundReplayTests {
    /// A recorded `tick`: the log position before its batch, its time and how many events it wrote.
    struct RecordedTick {
        var before: Position
        var at: Timestamp
        var count: Int
    }

    /// Runs `count` commands of a seeded history and notes every tick that wrote events.
    static func runNotingTicks(
        _ history: inout RandomHistory, count: Int, on engine: Engine
    ) throws -> [RecordedTick] {
        var ticks: [RecordedTick] = []
        for _ in 0..<count {
            let envelope = history.next(in: engine.state)
            let before = engine.model.position
            let execution = try engine.execute(envelope)
            let written = Int(engine.model.position.rawValue - before.rawValue)
            if case .tick = envelope.command, case .success = execution.outcome, written > 0 {
                ticks.append(RecordedTick(before: before, at: envelope.at, count: written))
            }
        }
        try engine.waitUntilDurable()
        return ticks
    }

    @Test(
        "every recorded tick, re-decided on the log replayed up to just before it, gives the same bytes",
        arguments: [21, 22, 23] as [UInt64])
    func everyTickReplaysByteForByte(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: seed)
        try withEngine(directory.path) { engine in
            let ticks = try Self.runNotingTicks(&history, count: 900, on: engine)
            #expect(ticks.count >= 10)
            var allocations = 0
            for tick in ticks {
                let before = try Engine.replay(engine.log, until: tick.before)
                #expect(before.position == tick.before)
                let decided = try decide(
                    CommandEnvelope(.tick, at: tick.at), in: before.state, context: DecisionContext()
                ).get()
                let recorded = try engine.log.records(after: tick.before, limit: tick.count)
                try #require(decided.count == tick.count && recorded.count == tick.count)
                for (event, record) in zip(decided, recorded) {
                    let encoded = event.record(at: tick.at)
                    #expect(record.type == encoded.type)
                    #expect(record.stream == encoded.stream)
                    #expect(record.timestamp == encoded.timestamp)
                    #expect(record.payload == encoded.payload, "position \(record.position)")
                }
                #expect(recorded.last?.isLastInBatch == true)
                if decided.contains(where: { $0.type == .bulletinClosed }) { allocations += 1 }
            }
            #expect(allocations >= 3, "the history must close bulletins")

            let report = try Engine.verifyRounds(engine.log)
            #expect(report.isReproduced)
            #expect(report.rounds == ticks.count)
            #expect(report.events == ticks.reduce(0) { $0 + $1.count })
            #expect(report.position == engine.log.head.position)
        }
    }

    @Test("the simulated country's daily rounds replay byte for byte")
    func simulatedRoundsReplay() throws {
        let directory = try TemporaryDirectory()
        try withEngine(directory.path) { engine in
            let scale = SimulationScale(
                name: "rounds", kindergartens: 20, applications: 400, seatsPerYear: 300,
                start: SimulationScale.defaultStart, days: 150)
            var simulation = NationalSimulation(scale: scale, seed: 5)
            var ticks = 0
            while let envelope = simulation.next(after: engine.state) {
                let before = engine.model.position
                _ = try engine.execute(envelope)
                if case .tick = envelope.command, engine.model.position > before { ticks += 1 }
            }
            try engine.waitUntilDurable()
            #expect(engine.state.bulletins.values.filter(\.isClosed).count > 10)
            let report = try Engine.verifyRounds(engine.log)
            #expect(report.isReproduced, "\(String(describing: report.mismatch))")
            #expect(report.rounds == ticks)
            #expect(report.position == engine.log.head.position)
        }
    }

    @Test("verifyRounds names a round that tick would not decide, though the hash chain is intact")
    func alteredRoundIsCaught() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 24)
        let records = try withEngine(directory.path) { engine in
            _ = try Self.runNotingTicks(&history, count: 600, on: engine)
            return try engine.log.records()
        }
        let target = try #require(
            records.first { record in
                guard case .referralIssued = try? Event(record: record) else { return false }
                return true
            })
        // The same history, re-chained, with one referral's confirmation deadline a day later.
        let forged = try EventLog(path: directory.appending("forged"), options: testOptions().log)
        var batch: [NewRecord] = []
        for record in records {
            var event = try Event(record: record)
            if record.position == target.position, case .referralIssued(var issued) = event {
                issued.confirmBy = issued.confirmBy.adding(days: 1)
                event = .referralIssued(issued)
            }
            batch.append(event.record(at: Timestamp(millisecondsSinceEpoch: record.timestamp)))
            if record.isLastInBatch {
                _ = try forged.appendAndWait(AppendRequest(records: batch))
                batch = []
            }
        }
        #expect(forged.verify().isIntact)
        let report = try Engine.verifyRounds(forged)
        let mismatch = try #require(report.mismatch)
        #expect(mismatch.position == target.position)
        #expect(report.position == target.position)
        #expect(try Engine.verifyRounds(forged, until: Position(target.position.rawValue - 1)).isReproduced)
        try forged.close()
    }
}
