import EventLog
import KezekTestSupport
import Testing

@Suite struct ConflictAndIdempotencyTests {
    @Test func anExpectedVersionConflictWritesNothingAndNamesTheActualVersion() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        _ = try await log.append([record("app-1", "submitted")], expecting: [stream("app-1"): .noStream])
        let head = log.head
        await #expect(
            throws: EventLogError.versionConflict(
                stream: stream("app-1"), expected: .noStream, actual: StreamVersion(1))
        ) {
            try await log.append([record("app-1", "again")], expecting: [stream("app-1"): .noStream])
        }
        await #expect(
            throws: EventLogError.versionConflict(
                stream: stream("app-1"),
                expected: .exactly(StreamVersion(5)),
                actual: StreamVersion(1)
            )
        ) {
            try await log.append(
                [record("other", "x"), record("app-1", "late")],
                expecting: [stream("app-1"): .exactly(StreamVersion(5))]
            )
        }
        #expect(log.head == head)
        #expect(try log.version(of: stream("other")) == .none)
        let next = try await log.append(
            [record("app-1", "withdrawn")],
            expecting: [stream("app-1"): .exactly(StreamVersion(1))]
        )
        #expect(next.positions.lowerBound == Position(2))
    }

    @Test func concurrentWritersToOneStreamAreSerialisedByVersion() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        // 32 writers race for version 1 of the same stream: exactly one wins, the rest see version 1.
        let outcomes = await withTaskGroup(of: Result<AppendReceipt, EventLogError>.self) { group in
            for writer in 0..<32 {
                group.addTask {
                    do throws(EventLogError) {
                        return .success(
                            try await log.append([record("seat", "w\(writer)")], expecting: [stream("seat"): .noStream])
                        )
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var all: [Result<AppendReceipt, EventLogError>] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let winners = outcomes.filter { if case .success = $0 { true } else { false } }
        #expect(winners.count == 1)
        for outcome in outcomes {
            if case .failure(let error) = outcome {
                #expect(
                    error == .versionConflict(stream: stream("seat"), expected: .noStream, actual: StreamVersion(1)))
            }
        }
        expectIntact(log, count: 1)
    }

    @Test func aRepeatedIdempotencyKeyReturnsTheOriginalPositionsAndWritesNothing() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        _ = try await log.append([record("a", "before")])
        let key = try IdempotencyKey("command-42")
        let first = try await log.append([record("a", "x"), record("b", "y")], idempotencyKey: key)
        let again = try await log.append([record("a", "something else")], idempotencyKey: key)
        #expect(first.positions == Position(2)...Position(3))
        #expect(again.positions == first.positions)
        #expect(again.lastHash == first.lastHash)
        #expect(again.wasDuplicate)
        #expect(log.head.position == Position(3))
        #expect(try log.record(at: Position(2))?.idempotencyKey == key)
        #expect(try log.record(at: Position(3))?.idempotencyKey == nil)
        expectIntact(log, count: 3)
    }

    @Test func concurrentRetriesWithOneKeyWriteOnce() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        let key = try IdempotencyKey("retry")
        let receipts = try await withThrowingTaskGroup(of: AppendReceipt.self) { group in
            for attempt in 0..<50 {
                group.addTask { try await log.append([record("r", "attempt \(attempt)")], idempotencyKey: key) }
            }
            var all: [AppendReceipt] = []
            for try await receipt in group { all.append(receipt) }
            return all
        }
        #expect(Set(receipts.map(\.positions)).count == 1)
        #expect(receipts.filter { !$0.wasDuplicate }.count == 1)
        expectIntact(log, count: 1)
    }

    @Test func idempotencyKeysSurviveReopening() async throws {
        let directory = try TemporaryDirectory()
        let key = try IdempotencyKey("once")
        do {
            let log = try EventLog(path: directory.path, options: testOptions())
            _ = try await log.append([record("a", "x")], idempotencyKey: key)
            try log.close()
        }
        let log = try EventLog(path: directory.path, options: testOptions())
        let again = try await log.append([record("a", "x")], idempotencyKey: key)
        #expect(again.wasDuplicate)
        #expect(again.positions == Position(1)...Position(1))
    }
}

@Suite struct DurableModeTests {
    /// In durable mode answers wait for the next flush; every kind of answer (written, repeated key,
    /// conflict) must still arrive, in a busy and in an idle writer, and everything answered is on disk.
    @Test func everyAnswerArrivesAndEverythingAnsweredIsStored() async throws {
        let directory = try TemporaryDirectory()
        var written: [AppendReceipt] = []
        do {
            let log = try EventLog(path: directory.path, options: testOptions(durability: .durable))
            written = try await withThrowingTaskGroup(of: AppendReceipt?.self) { group in
                for writer in 0..<32 {
                    group.addTask {
                        let key = try IdempotencyKey("key-\(writer % 8)")
                        let first = try await log.append([record("d-\(writer)", "w\(writer)")], idempotencyKey: key)
                        let conflicting = try? await log.append(
                            [record("d-\(writer)", "conflict")],
                            expecting: [stream("d-\(writer)"): .exactly(StreamVersion(99))]
                        )
                        #expect(conflicting == nil)
                        return first.wasDuplicate ? nil : first
                    }
                }
                var all: [AppendReceipt] = []
                for try await receipt in group { if let receipt { all.append(receipt) } }
                return all
            }
            #expect(written.count == 8)
            // An idle writer answers too.
            let last = try await log.append([record("idle", "after")])
            #expect(last.positions.lowerBound == Position(9))
            try log.close()
        }
        let log = try EventLog(path: directory.path, options: EventLog.Options(readOnly: true))
        expectIntact(log, count: 9)
    }
}
