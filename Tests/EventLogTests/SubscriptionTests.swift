import EventLog
import KezekTestSupport
import Testing

@Suite struct SubscriptionTests {
    @Test func catchUpThenLiveUnderConcurrentAppendsNeverSkipsOrRepeats() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        for index in 0..<500 { _ = try await log.append([record("early", "e\(index)")]) }
        let total = 500 + 16 * 150
        async let collected: [Record] = {
            var seen: [Record] = []
            for try await record in log.subscribe(after: .zero, batchSize: 37) {
                seen.append(record)
                if seen.count == total { break }
            }
            return seen
        }()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    var generator = SeededGenerator(seed: UInt64(writer))
                    for index in 0..<150 {
                        let size = Int.random(in: 1...3, using: &generator)
                        let records = (0..<size).map { record("live-\(writer)", "w\(writer)-\(index)-\($0)") }
                        _ = try await log.append(Array(records.prefix(1)))
                        if Int.random(in: 0..<8, using: &generator) == 0 { await Task.yield() }
                    }
                }
            }
            try await group.waitForAll()
        }
        let seen = try await collected
        #expect(seen.map(\.position.rawValue) == Array(1...UInt64(total)))
        #expect(seen == (try log.records()))
    }

    @Test func aSubscriptionStartsAfterTheGivenPosition() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        for index in 1...10 { _ = try await log.append([record("s", "r\(index)")]) }
        var seen: [String] = []
        for try await record in log.subscribe(after: Position(7)) {
            seen.append(text(record))
            if seen.count == 3 { break }
        }
        #expect(seen == ["r8", "r9", "r10"])
    }

    @Test func closingTheLogEndsWaitingSubscribers() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        _ = try await log.append([record("s", "only")])
        let subscriber = Task {
            var count = 0
            for try await _ in log.subscribe() { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(50))
        try log.close()
        #expect(try await subscriber.value == 1)
    }

    @Test func cancellingTheTaskEndsTheSubscription() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        let subscriber = Task {
            var count = 0
            for try await _ in log.subscribe() { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(30))
        subscriber.cancel()
        #expect(try await subscriber.value == 0)
    }
}
