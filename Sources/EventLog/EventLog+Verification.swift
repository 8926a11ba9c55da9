import Foundation
public import LMDB
import Synchronization

/// The outcome of walking the hash chain.
public struct VerificationReport: Hashable, Sendable {
    /// The last position and hash that verified (the log's head when the chain is intact).
    public var verifiedHead: LogHead
    /// How many records were checked.
    public var recordsChecked: UInt64
    /// The first problem, or `nil` when the whole chain verified.
    public var failure: VerificationFailure?

    /// Whether every record verified.
    public var isIntact: Bool { failure == nil }
}

/// The first position at which the chain does not hold, and why.
public struct VerificationFailure: Hashable, Sendable, CustomStringConvertible {
    /// The first bad position.
    public var position: Position
    /// What is wrong there.
    public var reason: Reason

    /// What can be wrong with a record.
    public enum Reason: Hashable, Sendable {
        /// The stored hash is not the hash of the record's bytes chained to the previous hash: the
        /// record (or the one before it) was altered.
        case hashMismatch(stored: ChainHash, computed: ChainHash)
        /// The record's bytes do not parse.
        case malformed(String)
        /// A position is missing: the next record has another position.
        case gap(found: Position)
        /// LMDB could not read the data (for example a damaged page).
        case storage(LMDBError)
    }

    public var description: String {
        switch reason {
        case .hashMismatch(let stored, let computed):
            "position \(position): stored hash \(stored) but the record hashes to \(computed)"
        case .malformed(let detail):
            "position \(position): \(detail)"
        case .gap(let found):
            "position \(position) is missing (the next record is at \(found))"
        case .storage(let error):
            "position \(position): the data file cannot be read there (\(error))"
        }
    }
}

extension EventLog {
    /// Logs shorter than this are verified on one thread.
    static let parallelVerificationThreshold: UInt64 = 200_000

    /// Walks the whole chain from the first record: every position present and in order, every record
    /// well-formed, every stored hash equal to SHA-256(previous hash ‖ position ‖ canonical bytes).
    /// Stops at the first problem and names its position.
    ///
    /// A long log is cut into one range per processor, verified side by side: each range starts from
    /// the hash stored in the record before it, which the range before checks, so the ranges together
    /// prove the whole chain, and the first failing range holds the first bad position.
    /// `threads` sets the number of ranges (by default one per processor, up to 8, for logs of at least
    /// 200,000 records, else one). `progress` is called now and then, on the calling thread, with the
    /// number of records checked.
    public func verify(threads: Int? = nil, progress: (UInt64) -> Void = { _ in }) -> VerificationReport {
        let end = head.position.rawValue
        let processors = UInt64(max(1, ProcessInfo.processInfo.activeProcessorCount))
        let automatic = end < Self.parallelVerificationThreshold ? 1 : min(processors, 8)
        let ranges = max(1, min(threads.map { UInt64(max(1, $0)) } ?? automatic, max(end, 1)))
        let bounds = (0...ranges).map { Position(end * $0 / ranges) }
        let shared = SharedVerification()
        for index in 1..<Int(ranges) {
            let thread = Thread { [self] in
                let outcome = verifyRange(index, after: bounds[index], through: bounds[index + 1]) { count in
                    shared.checked.add(count, ordering: .relaxed)
                }
                shared.finish(outcome)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        var ownChecked: UInt64 = 0
        let first = verifyRange(0, after: .zero, through: ranges == 1 ? nil : bounds[1]) { count in
            ownChecked += count
            progress(ownChecked + shared.checked.load(ordering: .relaxed))
        }
        let outcomes = [first] + shared.wait(for: Int(ranges) - 1)
        var checked: UInt64 = 0
        for outcome in outcomes {
            checked += outcome.checked
            if outcome.failure != nil || outcome.index == outcomes.count - 1 {
                progress(checked)
                return VerificationReport(verifiedHead: outcome.head, recordsChecked: checked, failure: outcome.failure)
            }
        }
        preconditionFailure("verification without ranges")
    }

    /// Verifies the records after `start` up to `end` (to the end of the log when `end` is `nil`),
    /// starting from the hash stored in the record at `start`.
    private func verifyRange(
        _ index: Int,
        after start: Position,
        through end: Position?,
        progress: (UInt64) -> Void
    ) -> RangeOutcome {
        var head = LogHead.empty
        var checked: UInt64 = 0
        var reported: UInt64 = 0
        var failure: VerificationFailure?
        do {
            if start > .zero {
                guard let previous = try record(at: start) else {
                    return RangeOutcome(
                        head: head,
                        checked: 0,
                        failure: VerificationFailure(position: start, reason: .gap(found: start.next)),
                        index: index
                    )
                }
                head = LogHead(position: start, hash: previous.hash)
            }
            try forEachRecord(after: start) { view in
                if let end, view.position > end { return false }
                let expected = head.position.next
                guard view.position == expected else {
                    failure = VerificationFailure(position: expected, reason: .gap(found: view.position))
                    return false
                }
                let computed = head.hash.chained(position: view.position, canonicalBytes: view.canonicalBytes)
                guard computed == view.hash else {
                    failure = VerificationFailure(
                        position: view.position,
                        reason: .hashMismatch(stored: view.hash, computed: computed)
                    )
                    return false
                }
                head = LogHead(position: view.position, hash: computed)
                checked += 1
                if checked & 0xF_FFFF == 0 {
                    progress(checked - reported)
                    reported = checked
                }
                return true
            }
        } catch .malformedRecord(let position, let reason) {
            failure = VerificationFailure(position: position, reason: .malformed(reason))
        } catch .storage(let error) {
            failure = VerificationFailure(position: head.position.next, reason: .storage(error))
        } catch {
            failure = VerificationFailure(position: head.position.next, reason: .malformed(error.message))
        }
        if failure == nil, let end, head.position < end {
            failure = VerificationFailure(
                position: head.position.next,
                reason: .malformed("the log ends at \(head.position), before its head \(end)")
            )
        }
        progress(checked - reported)
        return RangeOutcome(head: head, checked: checked, failure: failure, index: index)
    }
}

/// What one range of the chain came to.
private struct RangeOutcome: Sendable {
    var head: LogHead
    var checked: UInt64
    var failure: VerificationFailure?
    var index: Int
}

/// The outcomes of the ranges verified on other threads, and their running count.
private final class SharedVerification: Sendable {
    let checked = Atomic<UInt64>(0)
    private let outcomes = Mutex<[RangeOutcome]>([])
    private let condition = NSCondition()

    func finish(_ outcome: RangeOutcome) {
        outcomes.withLock { $0.append(outcome) }
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for `count` outcomes and returns them in range order.
    func wait(for count: Int) -> [RangeOutcome] {
        condition.lock()
        while outcomes.withLock({ $0.count }) < count { condition.wait() }
        condition.unlock()
        return outcomes.withLock { $0 }.sorted { $0.index < $1.index }
    }
}
