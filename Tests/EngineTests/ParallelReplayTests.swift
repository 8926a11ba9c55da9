import EventLog
import Kezek
import KezekTestSupport
import Projections
import Testing

@testable import Engine

/// A long replay reads and decodes the records on one thread, folds the state on another and the read
/// models on a third: the result must be exactly the one-thread fold's.
@Suite("Replay on three threads")
struct ParallelReplayTests {
    @Test("replay on three threads equals replay on one and the live model", arguments: [4, 5] as [UInt64])
    func threeThreadsEqualOne(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: seed)
        try withEngine(directory.path) { engine in
            _ = try run(&history, count: 800, on: engine)
            let one = try Engine.replay(engine.log, concurrentlyFrom: .max)
            let two = try Engine.replay(engine.log, concurrentlyFrom: 0)
            #expect(two == one)
            #expect(two.digest == engine.model.digest)
            // The three-thread replay builds the deadline index once at the end: a tick now or later
            // finds what the live state's index, kept event by event, finds.
            let now = try #require(engine.state.lastTime)
            for days in [0, 1, 10, 40, 200, 800] {
                let tick = CommandEnvelope(.tick, at: now.adding(days: days))
                #expect(
                    decide(tick, in: two.state, context: DecisionContext())
                        == decide(tick, in: engine.state, context: DecisionContext()), "seed \(seed), \(days) days on")
            }
            let limit = Position(engine.log.head.position.rawValue / 2)
            #expect(
                try Engine.replay(engine.log, until: limit, concurrentlyFrom: 0)
                    == Engine.replay(engine.log, until: limit))
        }
    }

    @Test("small batches, few ahead: every event is read and folded once, in order")
    func smallBatches() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 6)
        try withEngine(directory.path) { engine in
            _ = try run(&history, count: 500, on: engine)
            let records = try engine.log.records()
            var direct = Projections()
            var items: [LoggedEvent] = []
            for record in records {
                let event = try Event(record: record)
                let time = Timestamp(millisecondsSinceEpoch: record.timestamp)
                direct.apply(event, at: time, position: record.position.rawValue)
                items.append(LoggedEvent(event: event, time: time, position: record.position.rawValue))
            }
            for (batchSize, depth) in [(1, 1), (7, 2), (64, 3), (4_096, 8)] {
                let batches = RecordBatches(
                    engine.log, after: .zero, until: nil, through: .max, batchSize: batchSize, depth: depth)
                let pipeline = ProjectionPipeline(Projections(), depth: depth)
                var read: [LoggedEvent] = []
                while let batch = batches.next() {
                    #expect(!batch.isEmpty && batch.count <= batchSize)
                    read += batch
                    pipeline.add(batch)
                }
                #expect(batches.failure == nil)
                #expect(read.map(\.position) == items.map(\.position))
                #expect(read.map(\.event) == items.map(\.event))
                #expect(pipeline.finish() == direct)
            }
        }
    }

    @Test("the batches stop at the limit and at the time, wherever they fall in a batch")
    func batchesStopAtLimits() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 7)
        try withEngine(directory.path) { engine in
            _ = try run(&history, count: 300, on: engine)
            let records = try engine.log.records()
            let middle = records[records.count / 2]
            for batchSize in [1, 5, 64] {
                let byPosition = RecordBatches(
                    engine.log, after: Position(3), until: middle.position, through: .max, batchSize: batchSize)
                var positions: [UInt64] = []
                while let batch = byPosition.next() { positions += batch.map(\.position) }
                #expect(positions == Array(4...middle.position.rawValue))
                let byTime = RecordBatches(
                    engine.log, after: .zero, until: nil, through: middle.timestamp, batchSize: batchSize)
                var times: [Int64] = []
                while let batch = byTime.next() { times += batch.map(\.time.millisecondsSinceEpoch) }
                #expect(times == records.prefix { $0.timestamp <= middle.timestamp }.map(\.timestamp))
            }
        }
    }

    /// A record that is not an event stops a replay with a typed error naming its position, whichever
    /// path folds it, and the batches before it are read.
    @Test("an undecodable record stops the replay with its position, on one thread and on three")
    func undecodableRecord() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 8)
        try withEngine(directory.path, close: false) { engine in
            _ = try run(&history, count: 200, on: engine)
            let head = engine.log.head.position
            let stray = NewRecord(
                stream: StreamID(rawValue: "stray")!, type: RecordType(60_000), timestamp: 1, payload: [1, 2, 3])
            _ = try engine.log.appendAndWait(AppendRequest(records: [stray]))
            for threshold in [0, UInt64.max] {
                #expect {
                    try Engine.replay(engine.log, concurrentlyFrom: threshold)
                } throws: { error in
                    guard case EngineError.undecodableRecord(let position, _) = error else { return false }
                    return position == head.next
                }
            }
            let batches = RecordBatches(engine.log, after: .zero, until: nil, through: .max, batchSize: 16)
            var count: UInt64 = 0
            while let batch = batches.next() { count += UInt64(batch.count) }
            #expect(count == head.rawValue)
            guard case .undecodableRecord(let position, _) = batches.failure else {
                Issue.record("no failure after the stray record")
                return
            }
            #expect(position == head.next)
        }
    }
}
