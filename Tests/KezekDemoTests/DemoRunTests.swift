import EventLog
import Foundation
import Kezek
import KezekSimulation
import KezekTestSupport
import Testing

@testable import KezekDemo

@Suite("kezek demo: the whole cycle")
struct DemoRunTests {
    /// One tiny demo run, shared by the tests that only read its summary.
    static let shared: Result<DemoSummary, DemoError> = {
        let directory = try! TemporaryDirectory(prefix: "kezek-demo")
        return Result { () throws(DemoError) in try Demo(data: directory.appending("data"), scale: .tiny).run() }
    }()

    @Test("the replayed, live and started states agree, and the log verifies")
    func statesAgree() throws {
        let summary = try Self.shared.get()
        #expect(summary.audit.verified)
        #expect(summary.audit.replayMatchesLive)
        #expect(summary.audit.checkpointMatchesReplay)
        #expect(summary.audit.headPosition == summary.counts.events)
        #expect(summary.audit.headHash.count == 64)
        #expect(summary.audit.digest.count == 64)
    }

    @Test("the counts add up: every seat won is a referral, every queued application is counted once")
    func countsAddUp() throws {
        let summary = try Self.shared.get()
        let counts = summary.counts
        #expect(counts.applications > 0 && counts.applications <= SimulationScale.tiny.applications)
        #expect(counts.kindergartens == SimulationScale.tiny.kindergartens)
        #expect(counts.commands > counts.applications)
        #expect(summary.allocation.admitted == counts.referrals, "each admitted applicant got exactly one referral")
        #expect(summary.allocation.seats == summary.allocation.admitted + summary.allocation.unfilled)
        #expect(summary.allocation.bulletins <= counts.bulletins)
        let queued = (counts.applicationsByStatus[.queued] ?? 0) + (counts.applicationsByStatus[.inactive] ?? 0)
        #expect(summary.queue.inQueue == queued)
        #expect(summary.queue.byTier.values.reduce(0, +) == queued)
        #expect(summary.queue.byBirthYear.values.reduce(0, +) == queued)
        for round in summary.allocation.rounds {
            #expect(round.seats == round.admitted + round.unfilled)
            #expect(round.cutOffs.allSatisfy { $0 >= 1 })
        }
        #expect(summary.allocation.rounds.map(\.time) == summary.allocation.rounds.map(\.time).sorted())
        #expect(summary.phases.map(\.phase) == DemoPhase.allCases)
    }

    @Test("two runs with the same seed give the same head hash and digest; another seed does not")
    func deterministic() throws {
        let directory = try TemporaryDirectory(prefix: "kezek-demo")
        let first = try Self.shared.get()
        let second = try Demo(data: directory.appending("again"), scale: .tiny).run()
        #expect(second.audit.headHash == first.audit.headHash)
        #expect(second.audit.digest == first.audit.digest)
        #expect(second.counts == first.counts)
        let other = try Demo(data: directory.appending("other"), scale: .tiny, seed: 7).run()
        #expect(other.audit.headHash != first.audit.headHash)
    }

    @Test("an earlier demo's log is replaced; any other log is refused and left as it was")
    func dataDirectory() throws {
        let directory = try TemporaryDirectory(prefix: "kezek-demo")
        let data = directory.appending("demo")
        let first = try Demo(data: data, scale: .tiny).run()
        let warnings = Warnings()
        let second = try Demo(data: data, scale: .tiny, warn: { warnings.add($0) }).run()
        #expect(second.audit.headHash == first.audit.headHash)
        #expect(warnings.all.contains { $0.contains("replacing the earlier demo log") })

        let foreign = directory.appending("foreign")
        let log = try EventLog(path: foreign)
        let stream = try #require(StreamID(rawValue: "operator-1"))
        _ = try log.appendAndWait(
            AppendRequest(records: [NewRecord(stream: stream, type: RecordType(1), timestamp: 0, payload: [1])]))
        try log.close()
        #expect {
            try Demo(data: foreign, scale: .tiny).run()
        } throws: { error in
            guard let error = error as? DemoError, case .dataDirectoryHoldsLog(_, let events) = error else {
                return false
            }
            return events == 1 && error.code == "dataDirectoryInUse" && !error.isFailedCheck
        }
        let reopened = try EventLog(path: foreign, options: EventLog.Options(readOnly: true))
        #expect(reopened.head.position.rawValue == 1)
        try reopened.close()
    }
}

/// Warnings collected from any thread.
final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) { lock.withLock { messages.append(message) } }

    var all: [String] { lock.withLock { messages } }
}
