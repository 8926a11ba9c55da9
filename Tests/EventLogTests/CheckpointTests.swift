import EventLog
import KezekTestSupport
import Testing

@Suite struct CheckpointTests {
    @Test func aSavedCheckpointComesBackAfterReopening() async throws {
        let directory = try TemporaryDirectory()
        do {
            let log = try EventLog(path: directory.path, options: testOptions())
            for index in 0..<10 { _ = try await log.append([record("s", "r\(index)")]) }
            try save(log, "queue", Position(7), [1, 2, 3])
            try save(log, "queue", Position(10), [4, 5])
            #expect(try log.checkpoint(named: "missing") == nil)
            try log.close()
        }
        let log = try EventLog(path: directory.path, options: EventLog.Options(readOnly: true))
        let checkpoint = try #require(try log.checkpoint(named: "queue"))
        #expect(checkpoint.position == Position(10))
        #expect(checkpoint.bytes == [4, 5])
        expectIntact(log, count: 10)
    }

    @Test("a checkpoint read in place gives the saved bytes, and again after its pages were given back")
    func aCheckpointReadInPlace() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        _ = try await log.append([record("s", "r")])
        // Large enough to lie on pages of its own, which the read gives back afterwards.
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try save(log, "engine", Position(1), bytes)
        for _ in 0..<2 {
            let read = try log.withCheckpoint(named: "engine") { stored in
                stored.map { ($0.position, Array($0.bytes)) }
            }
            #expect(read?.0 == Position(1))
            #expect(read?.1 == bytes)
        }
        #expect(try log.withCheckpoint(named: "missing") { $0 == nil })
        #expect(try log.checkpoint(named: "engine")?.bytes == bytes)
    }

    @Test func aCheckpointCannotBeAheadOfTheLog() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        _ = try await log.append([record("s", "r")])
        #expect(throws: EventLogError.self) { try save(log, "queue", Position(2), [1]) }
    }
}

private func save(_ log: EventLog, _ name: String, _ position: Position, _ bytes: [UInt8]) throws {
    try log.saveCheckpoint(named: name, at: position, bytes: bytes)
}
