import EventLog
import Foundation
import KezekTestSupport
import Testing

@Suite struct TamperTests {
    /// Builds a log of `count` records whose payloads start with a unique marker, and returns a
    /// compacted copy of it. LMDB copies pages on write, so the live file also holds stale versions of
    /// records in free pages, which no reader reaches; the compacted copy holds each record once.
    private func makeLog(count: Int) async throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        var generator = SeededGenerator(seed: 5)
        for index in 1...count {
            let filler = String(repeating: "f", count: Int.random(in: 10...400, using: &generator))
            _ = try await log.append([record("application-\(index % 17)", marker(index) + filler)])
        }
        let compact = try TemporaryDirectory()
        try compactCopy(log, to: compact.path)
        try log.close()
        return compact
    }

    private func marker(_ index: Int) -> String {
        "TAMPER<\(String(index + 1_000_000).dropFirst())>"
    }

    @Test func aFlippedPayloadByteIsNamedByVerify() async throws {
        let count = 300
        let original = try await makeLog(count: count)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: original.appending("data.mdb")))
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<25 {
            let target = Int.random(in: 1...count, using: &generator)
            let offset = try #require(bytes.firstRange(of: Data(marker(target).utf8))?.lowerBound)
            let flipAt = offset + Int.random(in: 0..<(marker(target).utf8.count + 10), using: &generator)
            var damaged = bytes
            damaged[flipAt] ^= UInt8(1) << UInt8.random(in: 0...7, using: &generator)
            let copy = try TemporaryDirectory()
            try damaged.write(to: URL(fileURLWithPath: copy.appending("data.mdb")))
            let log = try EventLog(path: copy.path, options: EventLog.Options(readOnly: true))
            for threads in [1, 2, 5] {
                let report = log.verify(threads: threads)
                let failure = try #require(report.failure, "flip at byte \(flipAt) of record \(target) not detected")
                #expect(failure.position == Position(UInt64(target)), "\(threads) threads: \(failure)")
                if case .hashMismatch = failure.reason {} else { Issue.record("unexpected reason \(failure)") }
                #expect(report.recordsChecked == UInt64(target - 1))
            }
        }
    }

    @Test func aFlippedStoredHashIsNamedByVerify() async throws {
        let original = try await makeLog(count: 50)
        let log = try EventLog(path: original.path, options: EventLog.Options(readOnly: true))
        let hash = try #require(try log.record(at: Position(20))).hash
        let bytes = try Data(contentsOf: URL(fileURLWithPath: original.appending("data.mdb")))
        let offset = try #require(bytes.firstRange(of: Data(hash.bytes))?.lowerBound)
        var damaged = bytes
        damaged[offset + 31] ^= 0x80
        let copy = try TemporaryDirectory()
        try damaged.write(to: URL(fileURLWithPath: copy.appending("data.mdb")))
        let damagedLog = try EventLog(path: copy.path, options: EventLog.Options(readOnly: true))
        #expect(damagedLog.verify().failure?.position == Position(20))
    }
}

private func compactCopy(_ log: EventLog, to path: String) throws {
    try log.backup(to: path)
}
