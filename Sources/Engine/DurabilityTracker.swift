import EventLog
import Foundation

/// Counts the appends the log has made durable, in submission order, and remembers the first failure.
/// The log's writer thread reports; the engine's thread waits.
final class DurabilityTracker: @unchecked Sendable {
    // `condition` guards `durable` and `failure`.
    private let condition = NSCondition()
    private var durable: UInt64 = 0
    private var failure: EventLogError?

    /// Called on the log's writer thread when an append is decided.
    func report(_ result: Result<AppendReceipt, EventLogError>) {
        condition.lock()
        switch result {
        case .success where failure == nil: durable += 1
        case .success: break
        case .failure(let error): failure = failure ?? error
        }
        condition.broadcast()
        condition.unlock()
    }

    /// The number of appends durable so far, or the failure that stopped them.
    var status: Result<UInt64, EventLogError> {
        condition.lock()
        defer { condition.unlock() }
        if let failure { return .failure(failure) }
        return .success(durable)
    }

    /// The number of appends durable so far, also after a failure.
    var durableCount: UInt64 {
        condition.lock()
        defer { condition.unlock() }
        return durable
    }

    /// Waits until `count` appends are durable, or throws the failure that stopped them.
    func wait(until count: UInt64) throws(EventLogError) {
        condition.lock()
        defer { condition.unlock() }
        while durable < count && failure == nil { condition.wait() }
        if durable < count, let failure { throw failure }
    }
}
