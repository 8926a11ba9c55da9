import EventLog
import KezekTestSupport
import Testing

/// The stream index is written in large sorted batches; records after its watermark are found by
/// reading them. Streams must read the same before, across and after a batch, and after reopening.
@Suite struct StreamIndexTests {
    @Test func streamsReadTheSameAcrossIndexBatchesAndReopening() async throws {
        let directory = try TemporaryDirectory()
        var expected: [String: [String]] = [:]
        var generator = SeededGenerator(seed: 3)
        func batch(_ round: Int, _ size: Int) -> AppendRequest {
            let records = (0..<size).map { index -> NewRecord in
                let name = "s-\(Int.random(in: 0..<300, using: &generator))"
                let payload = "\(round)-\(index)"
                expected[name, default: []].append(payload)
                return record(name, payload)
            }
            return AppendRequest(records: records)
        }
        func check(_ log: EventLog, sourceLocation: SourceLocation = #_sourceLocation) throws {
            for name in ["s-0", "s-17", "s-299", "s-123"] {
                let stored = try log.records(in: stream(name))
                #expect(stored.map(text) == expected[name] ?? [], sourceLocation: sourceLocation)
                #expect(stored.map(\.streamVersion.rawValue) == Array(1...UInt64(stored.count)))
                #expect(try log.version(of: stream(name)).rawValue == UInt64(stored.count))
                if stored.count > 3 {
                    let later = try log.records(in: stream(name), after: StreamVersion(2), limit: 2)
                    #expect(later.map(\.streamVersion.rawValue) == [3, 4], sourceLocation: sourceLocation)
                }
            }
        }
        var total = 0
        do {
            let log = try EventLog(path: directory.path, options: testOptions())
            for round in 0..<45 {
                _ = try await log.append(batch(round, 1000))
                total += 1000
                if round % 11 == 0 { try check(log) }
            }
            // Expectations see the tail as well as the index.
            let version = try log.version(of: stream("s-5"))
            _ = try await log.append([record("s-5", "expected")], expecting: [stream("s-5"): .exactly(version)])
            expected["s-5", default: []].append("expected")
            total += 1
            try check(log)
            try log.close()
        }
        let reader = try EventLog(path: directory.path, options: EventLog.Options(readOnly: true))
        try check(reader)
        expectIntact(reader, count: UInt64(total))
        let writer = try EventLog(path: directory.path, options: testOptions())
        _ = try await writer.append(batch(99, 500))
        try check(writer)
    }
}
