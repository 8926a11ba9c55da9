import EventLog
import KezekTestSupport
import LMDB
import Testing

@Suite struct AppendTests {
    @Test func positionsStartAtOneAndChain() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        #expect(log.head == .empty)
        let first = try await log.append([record("a", "one"), record("b", "two")])
        let second = try await log.append([record("a", "three")])
        #expect(first.positions == Position(1)...Position(2))
        #expect(second.positions == Position(3)...Position(3))
        #expect(!first.wasDuplicate)
        #expect(log.head.position == Position(3))
        #expect(log.head.hash == second.lastHash)
        let all = try log.records()
        #expect(all.map(text) == ["one", "two", "three"])
        #expect(all.map(\.streamVersion.rawValue) == [1, 1, 2])
        #expect(all.map(\.isLastInBatch) == [false, true, true])
        #expect(try log.version(of: stream("a")) == StreamVersion(2))
        #expect(try log.version(of: stream("zzz")) == .none)
        #expect(try log.records(in: stream("a")).map(text) == ["one", "three"])
        #expect(try log.records(in: stream("a"), after: StreamVersion(1)).map(text) == ["three"])
        #expect(try log.record(at: Position(2)).map(text) == "two")
        #expect(try log.record(at: Position(4)) == nil)
        expectIntact(log, count: 3)
    }

    @Test func streamIndexKeepsPrefixedNamesApart() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        _ = try await log.append([record("app", "1"), record("app-1", "2"), record("ap", "3"), record("app", "4")])
        #expect(try log.version(of: stream("app")) == StreamVersion(2))
        #expect(try log.version(of: stream("app-1")) == StreamVersion(1))
        #expect(try log.version(of: stream("ap")) == StreamVersion(1))
        #expect(try log.version(of: stream("a")) == .none)
        #expect(try log.records(in: stream("app")).map(text) == ["1", "4"])
    }

    @Test func concurrentAppendersGetGaplessPositionsAndEveryBatchIsReadable() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions(initialMapSize: 64 << 10))
        let receipts = try await withThrowingTaskGroup(of: [(AppendReceipt, [String])].self) { group in
            for writer in 0..<64 {
                group.addTask {
                    var generator = SeededGenerator(seed: UInt64(writer))
                    var done: [(AppendReceipt, [String])] = []
                    for batch in 0..<20 {
                        let size = Int.random(in: 1...5, using: &generator)
                        let texts = (0..<size).map {
                            "w\(writer)-b\(batch)-r\($0)-"
                                + String(repeating: "x", count: Int.random(in: 0...300, using: &generator))
                        }
                        let records = texts.map { record("stream-\(writer % 7)", $0) }
                        done.append((try await log.append(records), texts))
                    }
                    return done
                }
            }
            var all: [(AppendReceipt, [String])] = []
            for try await batch in group { all += batch }
            return all
        }
        let stored = try log.records()
        var covered = Set<UInt64>()
        for (receipt, texts) in receipts {
            let positions = Array(receipt.positions.lowerBound.rawValue...receipt.positions.upperBound.rawValue)
            #expect(positions.count == texts.count)
            for (position, expected) in zip(positions, texts) {
                #expect(text(stored[Int(position) - 1]) == expected)
                #expect(covered.insert(position).inserted)
            }
        }
        #expect(covered == Set(1...UInt64(stored.count)))
        expectIntact(log, count: UInt64(stored.count))
        for writerStream in 0..<7 {
            let versions = try log.records(in: stream("stream-\(writerStream)")).map(\.streamVersion.rawValue)
            #expect(versions == Array(1...UInt64(versions.count)))
        }
    }

    @Test func appendsSurviveReopening() async throws {
        let directory = try TemporaryDirectory()
        do {
            let log = try EventLog(path: directory.path, options: testOptions(durability: .durable))
            _ = try await log.append([record("a", "one")])
            _ = try await log.append([record("a", "two")])
            try log.close()
        }
        let log = try EventLog(path: directory.path, options: testOptions())
        #expect(log.head.position == Position(2))
        let third = try await log.append([record("a", "three")], expecting: [stream("a"): .exactly(StreamVersion(2))])
        #expect(third.positions.lowerBound == Position(3))
        expectIntact(log, count: 3)
    }

    @Test func bulkLoadDataIsThereAfterClose() async throws {
        let directory = try TemporaryDirectory()
        do {
            let log = try EventLog(path: directory.path, options: testOptions(durability: .bulkLoad))
            for index in 0..<100 { _ = try await log.append([record("bulk", "r\(index)")]) }
            try log.close()
            await #expect(throws: EventLogError.closed) {
                try await log.append([record("bulk", "late")])
            }
        }
        let log = try EventLog(path: directory.path, options: EventLog.Options(readOnly: true))
        #expect(log.head.position == Position(100))
        expectIntact(log, count: 100)
    }

    @Test func blockingAndCallbackAppendsShareTheWriter() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        let receipt = try appendFromAThread(log, AppendRequest(records: [record("t", "blocking")]))
        #expect(receipt.positions == Position(1)...Position(1))
        let second = await withCheckedContinuation { continuation in
            log.append(AppendRequest(records: [record("t", "callback")])) { continuation.resume(returning: $0) }
        }
        #expect(try second.get().positions.lowerBound == Position(2))
        let empty = await withCheckedContinuation { continuation in
            log.append(AppendRequest(records: [])) { continuation.resume(returning: $0) }
        }
        #expect(throws: EventLogError.emptyBatch) { try empty.get() }
    }

    @Test func badRequestsAreRejectedBeforeWriting() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        await #expect(throws: EventLogError.emptyBatch) { try await log.append([]) }
        let huge = NewRecord(
            stream: stream("big"),
            type: RecordType(1),
            timestamp: 0,
            payload: [UInt8](repeating: 0, count: EventLog.maximumPayloadSize + 1)
        )
        await #expect(throws: EventLogError.recordTooLarge(index: 1, size: EventLog.maximumPayloadSize + 1)) {
            try await log.append([record("big", "fine"), huge])
        }
        #expect(StreamID(rawValue: "") == nil)
        #expect(StreamID(rawValue: "tab\there") == nil)
        #expect(StreamID(rawValue: String(repeating: "s", count: 201)) == nil)
        #expect(throws: EventLogError.invalidStream("")) { try StreamID(validating: "") }
        #expect(throws: EventLogError.invalidIdempotencyKey(length: 0)) { try IdempotencyKey("") }
        #expect(log.head == .empty)
    }

    @Test func largePayloadsRoundTrip() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions(initialMapSize: 64 << 10))
        var generator = SeededGenerator(seed: 99)
        let payload = (0..<(3 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        _ = try await log.append([
            NewRecord(stream: stream("big"), type: RecordType(9), timestamp: -5, payload: payload)
        ])
        let stored = try #require(try log.record(at: Position(1)))
        #expect(stored.payload == payload)
        #expect(stored.timestamp == -5)
        #expect(stored.type == RecordType(9))
        expectIntact(log, count: 1)
    }
}

/// Calls the blocking append from a plain (non-async) function, as a thread would.
private func appendFromAThread(_ log: EventLog, _ request: AppendRequest) throws -> AppendReceipt {
    try log.appendAndWait(request)
}

@Suite struct StorageFailureTests {
    /// A map at its maximum fails the append with a storage error; nothing after it is written
    /// (later requests may depend on the failed one), and what was acknowledged before is intact.
    @Test func aFullMapStopsTheWriterAndKeepsWhatWasAcknowledged() async throws {
        let directory = try TemporaryDirectory()
        let options = EventLog.Options(durability: .bulkLoad, initialMapSize: 64 << 10, maximumMapSize: 256 << 10)
        let log = try EventLog(path: directory.path, options: options)
        var acknowledged: UInt64 = 0
        var failure: EventLogError?
        for index in 0..<1000 {
            do {
                let receipt = try await log.append([record("fill", "r\(index)" + String(repeating: "x", count: 2000))])
                acknowledged = receipt.positions.upperBound.rawValue
            } catch {
                failure = error
                break
            }
        }
        #expect(failure == .storage(.mapFull))
        await #expect(throws: EventLogError.storage(.mapFull)) {
            try await log.append([record("small", "tiny")])
        }
        expectIntact(log, count: acknowledged)
        try log.close()
        let reopened = try EventLog(path: directory.path, options: EventLog.Options(readOnly: true))
        expectIntact(reopened, count: acknowledged)
    }
}
