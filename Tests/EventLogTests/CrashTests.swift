import EventLog
import KezekTestSupport
import Testing

/// The crash test of the issue: a child process appends in a loop and is killed with SIGKILL at a
/// random moment; reopened, the log must verify, hold no partial batch and hold every batch the
/// child acknowledged. `kezek-log-torture crash-loop` runs the same harness for longer.
@Suite(.serialized)
struct CrashTests {
    /// The seed of the kill times and of the children's batches; a failure names the kill to look at.
    static let seed: UInt64 = 20_251_128

    @Test func everyAcknowledgedBatchSurvivesFiftyKills() throws {
        let directory = try TemporaryDirectory(prefix: "kezek-crash")
        var harness = CrashHarness(
            configuration: .init(
                executable: try Self.tortureExecutable(),
                directory: directory.appending("log"),
                seed: Self.seed,
                runTime: 5...100,
                writers: 1...4,
                openingKillInterval: 10
            )
        )
        let summary = harness.run(kills: 50)
        let failed = harness.reports.filter { !$0.failures.isEmpty }
        for report in failed {
            Issue.record("seed \(Self.seed), \(report)")
        }
        guard failed.isEmpty else { return }
        #expect(summary.kills == 50)
        #expect(summary.killsWhileOpening == 6)
        #expect(summary.batchesAcknowledged > 0)
        #expect(summary.batchesInLog >= summary.batchesAcknowledged)
    }

    /// A child killed while it creates the log leaves nothing, an empty LMDB file or a new log; each
    /// must open (the next process creates or finishes the log) and take appends. Creating a log takes
    /// some 10 ms here, so the kill times crowd at its start: on this machine about a third of these
    /// kills leave an unfinished log (``CrashHarness/LeftBehind/unfinishedLog``).
    @Test(arguments: 0..<12)
    func logOpensAfterAKillWhileItIsCreated(slot: Int) throws {
        let directory = try TemporaryDirectory(prefix: "kezek-crash-create")
        let earliest = slot * slot * 100
        var harness = CrashHarness(
            configuration: .init(
                executable: try Self.tortureExecutable(),
                directory: directory.appending("log"),
                seed: Self.seed &+ UInt64(slot),
                runTime: 5...20,
                writers: 1...2,
                openingKillInterval: .max,
                openingTime: earliest...earliest + 100 * (slot + 1)
            )
        )
        harness.run(kills: 2)
        for report in harness.reports where !report.failures.isEmpty {
            Issue.record("seed \(Self.seed &+ UInt64(slot)), \(report)")
        }
        #expect(harness.reports.count == 2)
    }

    static func tortureExecutable(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(
            CrashHarness.siblingExecutable(named: "kezek-log-torture"),
            "kezek-log-torture is not built next to the test bundle",
            sourceLocation: sourceLocation
        )
    }
}

/// The checks of the crash test must fail when the log is wrong, or the crash test proves nothing.
struct CrashAuditTests {
    @Test func anAcknowledgedBatchThatIsMissingIsReported() async throws {
        let directory = try TemporaryDirectory(prefix: "kezek-audit")
        let log = try EventLog(path: directory.appending("log"))
        let kept = TortureBatch(id: BatchID(seed: 7, writer: 0, sequence: 0))
        let lost = BatchID(seed: 7, writer: 0, sequence: 1)
        let receipt = try await log.append(AppendRequest(records: kept.records, idempotencyKey: kept.idempotencyKey))
        var audit = CrashAudit()
        #expect(audit.note(.acknowledged(kept.id, positions: receipt.positions)) == nil)
        #expect(audit.check(log).isEmpty)
        let end = receipt.positions.upperBound
        let claimed = end.next...Position(end.rawValue + 2)
        #expect(audit.note(.acknowledged(lost, positions: claimed)) == nil)
        #expect(audit.check(log) == [.missingBatch(lost, acknowledged: claimed, head: end)])
    }

    @Test func aBatchCutShortIsReported() async throws {
        let directory = try TemporaryDirectory(prefix: "kezek-audit")
        let log = try EventLog(path: directory.appending("log"))
        let batch = try #require(
            (0..<100).lazy.map { TortureBatch(id: BatchID(seed: 8, writer: 1, sequence: $0)) }
                .first { $0.records.count >= 3 && $0.idempotencyKey == nil }
        )
        let receipt = try await log.append(Array(batch.records.prefix(2)))
        var audit = CrashAudit()
        #expect(audit.check(log) == [.partialBatch(batch.id, positions: receipt.positions, count: batch.records.count)])
    }

    @Test func alteredContentIsReported() async throws {
        let directory = try TemporaryDirectory(prefix: "kezek-audit")
        let log = try EventLog(path: directory.appending("log"))
        let batch = TortureBatch(id: BatchID(seed: 9, writer: 2, sequence: 3))
        var records = batch.records
        records[records.count - 1].payload.append(UInt8(ascii: "x"))
        let receipt = try await log.append(AppendRequest(records: records, idempotencyKey: batch.idempotencyKey))
        var audit = CrashAudit()
        #expect(
            audit.check(log) == [
                .wrongContent(
                    at: receipt.positions.upperBound,
                    batch: batch.id,
                    index: records.count - 1,
                    field: "payload"
                )
            ]
        )
    }

    @Test func torturePayloadsNameTheirBatch() {
        let batch = TortureBatch(id: BatchID(seed: 0xABC, writer: 3, sequence: 41))
        for (index, record) in batch.records.enumerated() {
            let header = record.payload.withUnsafeBytes { TortureRecordHeader(payload: $0) }
            #expect(header == TortureRecordHeader(batch: batch.id, index: index, count: batch.records.count))
        }
        #expect(TortureBatch(id: batch.id) == batch)
        #expect(BatchID("0000000000000abc-3-41") == batch.id)
        #expect(
            TortureMessage(line: "ack 0000000000000abc-3-41 7 9")
                == .acknowledged(batch.id, positions: Position(7)...Position(9)))
    }
}
