import Foundation
import Kezek
import Projections

/// Folds events into the read models on a thread of its own while the caller folds them into the
/// decision state, so that a replay takes about the longer of the two folds instead of their sum.
///
/// Events come in batches (those `RecordBatches` decoded, handed on as they are), at most `depth`
/// batches ahead of the folding thread. One thread folds them all, in the order they were added, so the
/// result is exactly the projections a fold on the caller's thread would give.
final class ProjectionPipeline: @unchecked Sendable {
    /// Batches that may wait for the folding thread before ``add(_:)`` blocks.
    let depth: Int

    // `condition` guards `queue` and `isFinished`.
    private let condition = NSCondition()
    private var queue: [[LoggedEvent]] = []
    private var isFinished = false
    /// The projections to fold into, until the folding thread takes them.
    private var start: Projections?
    /// Hears each batch once it is folded, to reuse its buffer.
    private let recycle: @Sendable (consuming [LoggedEvent]) -> Void
    private var folding: BackgroundWork<Projections>?

    /// Starts folding into `projections`, which the pipeline should own alone (a shared copy is copied
    /// on the first write). `recycle` gets each batch once it is folded.
    init(
        _ projections: consuming Projections, depth: Int = 8,
        recycle: @escaping @Sendable (consuming [LoggedEvent]) -> Void = { _ in }
    ) {
        precondition(depth > 0, "at least one batch ahead")
        self.depth = depth
        self.recycle = recycle
        start = projections
        folding = BackgroundWork { [self] in fold() }
    }

    /// Queues a batch of events; blocks while the folding thread is ``depth`` batches behind.
    func add(_ items: consuming [LoggedEvent]) {
        guard !items.isEmpty else { return }
        condition.lock()
        while queue.count >= depth { condition.wait() }
        queue.append(items)
        condition.broadcast()
        condition.unlock()
    }

    /// Folds what is queued and returns the projections.
    func finish() -> Projections {
        condition.lock()
        isFinished = true
        condition.broadcast()
        condition.unlock()
        let result = folding!.wait()
        folding = nil
        return result
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
            next.withUnsafeBufferPointer { projections.apply($0) }
            recycle(consume next)
        }
    }
}
