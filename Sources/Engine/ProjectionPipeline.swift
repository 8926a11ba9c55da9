import Foundation
import Kezek
import Projections

/// Folds events into the read models on a second thread while the caller folds them into the decision
/// state, so that a replay takes about the longer of the two folds instead of their sum.
///
/// Events go across in batches, at most `depth` batches ahead of the folding thread. One thread folds
/// them all, in the order they were added, so the result is exactly the projections a fold on the
/// caller's thread would give.
final class ProjectionPipeline: @unchecked Sendable {
    /// One event to fold, with where and when it was recorded.
    struct Item: Sendable {
        var event: Event
        var time: Timestamp
        var position: UInt64
    }

    /// Events per batch handed across.
    let batchSize: Int
    /// Batches that may wait for the folding thread before ``add(_:at:position:)`` blocks.
    let depth: Int

    // `condition` guards `queue` and `isFinished`.
    private let condition = NSCondition()
    private var queue: [[Item]] = []
    private var isFinished = false
    /// The batch being filled; touched only by the caller's thread.
    private var batch: [Item] = []
    /// The projections to fold into, until the folding thread takes them.
    private var start: Projections?
    private var folding: BackgroundWork<Projections>?

    /// Starts folding into `projections`, which the pipeline should own alone (a shared copy is copied
    /// on the first write).
    init(_ projections: consuming Projections, batchSize: Int = 4_096, depth: Int = 8) {
        precondition(batchSize > 0 && depth > 0, "batches of at least one event, at least one ahead")
        self.batchSize = batchSize
        self.depth = depth
        batch.reserveCapacity(batchSize)
        start = projections
        folding = BackgroundWork { [self] in fold() }
    }

    /// Queues one event; blocks while the folding thread is ``depth`` batches behind.
    func add(_ event: Event, at time: Timestamp, position: UInt64) {
        batch.append(Item(event: event, time: time, position: position))
        if batch.count == batchSize { handOver() }
    }

    /// Folds what is queued and returns the projections.
    func finish() -> Projections {
        handOver()
        condition.lock()
        isFinished = true
        condition.broadcast()
        condition.unlock()
        let result = folding!.wait()
        folding = nil
        return result
    }

    private func handOver() {
        guard !batch.isEmpty else { return }
        condition.lock()
        while queue.count >= depth { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
        batch = []
        batch.reserveCapacity(batchSize)
    }

    private func fold() -> Projections {
        condition.lock()
        var taken: Projections?
        swap(&taken, &start)
        condition.unlock()
        var projections = taken!
        taken = nil
        while true {
            condition.lock()
            while queue.isEmpty && !isFinished { condition.wait() }
            if queue.isEmpty {
                condition.unlock()
                return projections
            }
            let next = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            for item in next { projections.apply(item.event, at: item.time, position: item.position) }
        }
    }
}
