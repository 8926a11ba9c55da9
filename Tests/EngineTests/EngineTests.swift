import Engine
import EventLog
import Kezek
import KezekTestSupport
import Projections
import Testing

@Suite("Engine")
struct EngineTests {
    @Test("live, full replay and checkpoint plus tail give the same digest", arguments: [1, 2, 3] as [UInt64])
    func replayEqualsLive(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        let warnings = Warnings()
        var history = RandomHistory(seed: seed)
        let live = try withEngine(directory.path, testOptions(interval: 40, warnings: warnings)) { engine in
            let accepted = try run(&history, count: 600, on: engine)
            #expect(accepted > 150)
            #expect(engine.model.position == engine.log.head.position)
            let replayed = try Engine.replay(engine.log)
            #expect(replayed.digest == engine.model.digest)
            #expect(replayed == engine.model)
            return engine.model
        }
        let reopened = try withEngine(directory.path, testOptions(interval: 40, warnings: warnings)) { $0.model }
        #expect(reopened.digest == live.digest)
        #expect(reopened == live)
        #expect(warnings.all.isEmpty)
    }

    @Test("a checkpoint in the middle plus the log's tail equals the live state")
    func checkpointPlusTail() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 7)
        // No checkpoint on the way out: the start must read the checkpoint and then the tail.
        let live = try withEngine(directory.path, testOptions(interval: 1_000_000), close: false) { engine in
            try run(&history, count: 300, on: engine)
            try engine.saveCheckpoint()
            let checkpointed = engine.model.position
            try run(&history, count: 300, on: engine)
            #expect(engine.model.position > checkpointed)
            return engine.model
        }
        let warnings = Warnings()
        let reopened = try withEngine(directory.path, testOptions(warnings: warnings)) { $0.model }
        #expect(reopened == live)
        #expect(reopened.digest == live.digest)
        #expect(warnings.all.isEmpty)
    }

    @Test("the canonical state reads back equal to itself")
    func canonicalRoundTrip() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 11)
        let state = try withEngine(directory.path) { engine in
            try run(&history, count: 500, on: engine)
            return engine.state
        }
        let bytes = state.canonicalBytes
        let decoded = try BinaryReader.withReader(bytes) { reader in
            let state = try KezekState(canonicalBytes: &reader)
            try reader.expectEnd()
            return state
        }
        #expect(decoded == state)
        #expect(decoded.canonicalBytes == bytes)
    }

    @Test("every queue number equals the rank in a plain sort", arguments: [4, 5] as [UInt64])
    func queueNumbersMatchNaiveSort(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: seed)
        try withEngine(directory.path) { engine in
            for _ in 0..<6 {
                try run(&history, count: 100, on: engine)
                let state = engine.state
                for key in state.applicationsByKey.keys {
                    let expected = naiveQueue(key, in: state)
                    for (index, number) in expected.enumerated() {
                        #expect(engine.model.projections.queueNumber(of: number) == index + 1)
                        #expect(state.queueNumber(of: number) == index + 1)
                    }
                    #expect(engine.model.projections.queues.count(for: key) == expected.count)
                    guard case .object(let listing) = engine.queue(for: key),
                        case .array(let entries)? = listing["queue"]
                    else {
                        Issue.record("the queue listing is not an object with a queue")
                        continue
                    }
                    let listed = entries.compactMap { entry -> UInt64? in
                        guard case .object(let object) = entry, case .integer(let number)? = object["application"]
                        else { return nil }
                        return UInt64(number)
                    }
                    #expect(listed == expected.map(\.rawValue))
                }
            }
        }
    }

    @Test("a rejected command writes nothing and changes nothing")
    func rejectedCommandWritesNothing() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 13)
        try withEngine(directory.path) { engine in
            try run(&history, count: 200, on: engine)
            var rejections = 0
            for _ in 0..<200 {
                let head = engine.log.head
                let before = engine.model
                let execution = try engine.execute(history.next(in: engine.state))
                try engine.waitUntilDurable()
                if case .failure = execution.outcome {
                    rejections += 1
                    #expect(engine.log.head == head)
                    #expect(engine.model == before)
                } else {
                    #expect(engine.log.head.position == engine.model.position)
                }
            }
            #expect(rejections > 10)
            let missing = ReferralNumber(rawValue: 999_999)
            let unknown = try engine.executeAndWait(CommandEnvelope(.confirmReferral(missing), at: history.now))
            #expect(throws: Rejection.unknownReferral(missing)) { try unknown.get() }
        }
    }

    @Test("a reopened engine continues the numbering and the positions")
    func reopenContinues() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 17)
        let (state, head) = try withEngine(directory.path) { engine in
            try run(&history, count: 300, on: engine)
            return (engine.state, engine.log.head.position)
        }
        try withEngine(directory.path) { engine in
            #expect(engine.state == state)
            try run(&history, count: 300, on: engine)
            #expect(engine.log.head.position > head)
            #expect(engine.state.lastApplicationNumber >= state.lastApplicationNumber)
            #expect(try Engine.replay(engine.log) == engine.model)
        }
    }

    @Test("a damaged or foreign checkpoint is ignored with a warning and the log replayed")
    func damagedCheckpoint() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 19)
        let live = try withEngine(directory.path) { engine in
            try run(&history, count: 300, on: engine)
            return engine.model
        }
        let stored = try #require(try withLog(directory.path) { try $0.checkpoint(named: "engine") })
        func flipping(_ offset: Int) -> [UInt8] {
            var bytes = stored.bytes
            bytes[offset] ^= 1
            return bytes
        }
        // The last byte (the projections' part), a byte in the state's part, a byte of the stored length,
        // a byte of each part's checksum, a cut-off checkpoint and foreign bytes.
        let stateStart = 12 + 1 + 32 + 8 + 8 + 16
        let damages = [
            flipping(stored.bytes.count - 1), flipping(stateStart + 5), flipping(stateStart - 17),
            flipping(stateStart - 16), flipping(stateStart - 1),
            Array(stored.bytes.prefix(stateStart + 10)), Array("something else".utf8),
        ]
        for damage in damages {
            try withLog(directory.path) { try $0.saveCheckpoint(named: "engine", at: stored.position, bytes: damage) }
            let warnings = Warnings()
            let reopened = try withEngine(directory.path, testOptions(warnings: warnings)) { $0.model }
            #expect(reopened == live)
            #expect(warnings.all.count == 1)
            // The clean close saved a good checkpoint again.
            let again = Warnings()
            _ = try withEngine(directory.path, testOptions(warnings: again)) { $0.model }
            #expect(again.all.isEmpty)
        }
    }

    @Test("every event survives its record: encode, append, read, decode")
    func recordRoundTrip() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 23)
        try withEngine(directory.path) { engine in
            try run(&history, count: 300, on: engine)
            let records = try engine.log.records()
            #expect(records.count == Int(engine.log.head.position.rawValue))
            for record in records {
                let event = try Event(record: record)
                let again = event.record(at: Timestamp(millisecondsSinceEpoch: record.timestamp))
                #expect(again.payload == record.payload)
                #expect(again.type == record.type)
                #expect(event.streamName == record.stream.rawValue)
            }
        }
    }

    @Test("replay up to a position gives the state the live engine had there")
    func replayUntil() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 29)
        try withEngine(directory.path) { engine in
            try run(&history, count: 150, on: engine)
            let middle = engine.model
            try run(&history, count: 150, on: engine)
            #expect(try Engine.replay(engine.log, until: middle.position) == middle)
            #expect(try engine.model(at: middle.position).digest == middle.digest)
        }
    }
}

/// Opens the log alone, runs `body` and closes it.
func withLog<T>(_ path: String, _ body: (EventLog) throws -> T) throws -> T {
    let log = try EventLog(path: path)
    defer { try? log.close() }
    return try body(log)
}
