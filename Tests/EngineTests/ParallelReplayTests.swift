import EventLog
import Kezek
import KezekTestSupport
import Projections
import Testing

@testable import Engine

/// Replay folds the read models on a second thread: the result must be exactly the one-thread fold's.
@Suite("Replay on two threads")
struct ParallelReplayTests {
    @Test("replay on two threads equals replay on one and the live model", arguments: [4, 5] as [UInt64])
    func twoThreadsEqualOne(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: seed)
        try withEngine(directory.path) { engine in
            _ = try run(&history, count: 800, on: engine)
            let one = try Engine.replay(engine.log, twoThreadsFrom: .max)
            let two = try Engine.replay(engine.log, twoThreadsFrom: 0)
            #expect(two == one)
            #expect(two.digest == engine.model.digest)
            let limit = Position(engine.log.head.position.rawValue / 2)
            #expect(
                try Engine.replay(engine.log, until: limit, twoThreadsFrom: 0)
                    == Engine.replay(engine.log, until: limit))
        }
    }

    @Test("small batches, few ahead: the pipeline folds every event once, in order")
    func smallBatches() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 6)
        try withEngine(directory.path) { engine in
            _ = try run(&history, count: 500, on: engine)
            let records = try engine.log.records()
            for (batchSize, depth) in [(1, 1), (7, 2), (64, 3)] {
                let pipeline = ProjectionPipeline(Projections(), batchSize: batchSize, depth: depth)
                var direct = Projections()
                for record in records {
                    let event = try Event(record: record)
                    let time = Timestamp(millisecondsSinceEpoch: record.timestamp)
                    pipeline.add(event, at: time, position: record.position.rawValue)
                    direct.apply(event, at: time, position: record.position.rawValue)
                }
                #expect(pipeline.finish() == direct)
            }
        }
    }
}
