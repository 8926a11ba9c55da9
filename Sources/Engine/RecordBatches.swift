import EventLog
import Foundation
import Kezek

/// Reads the log's records and decodes their events on a thread of its own, in batches, ahead of the
/// caller that folds them: in a long replay the reading and decoding then overlap the folds.
///
/// The batches come in log order, at most `depth` of them ahead of ``next()``. Reading stops at the
/// first record past `limit` or recorded after `lastTime`, at the log's end, or at the first record that
/// cannot be read or decoded: the batches before it are handed out, then ``failure`` tells what went
/// wrong. Take every batch (until ``next()`` returns `nil`): the reading thread waits for room until
/// then. A batch done with may come back through ``recycle(_:)``: its buffer then holds a later batch,
/// instead of a fresh one being allocated for every batch.
final class RecordBatches: @unchecked Sendable {
    /// Events per batch.
    let batchSize: Int
    /// Batches that may wait for ``next()`` before the reading thread blocks.
    let depth: Int

    // `condition` guards `queue`, `spares`, `isFinished` and `storedFailure`.
    private let condition = NSCondition()
    private var queue: [[LoggedEvent]] = []
    private var spares: [[LoggedEvent]] = []
    private var isFinished = false
    private var storedFailure: EngineError?
    private var reading: BackgroundWork<Void>?

    /// Starts reading the records of `log` after `position`.
    init(
        _ log: EventLog, after position: Position, until limit: Position?, through lastTime: Int64,
        batchSize: Int = 4_096, depth: Int = 8
    ) {
        precondition(batchSize > 0 && depth > 0, "batches of at least one event, at least one ahead")
        self.batchSize = batchSize
        self.depth = depth
        reading = BackgroundWork { [self] in read(log, after: position, until: limit, through: lastTime) }
    }

    /// The next batch, never empty; `nil` once every batch was handed out (then see ``failure``).
    func next() -> [LoggedEvent]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !isFinished { condition.wait() }
        if queue.isEmpty { return nil }
        condition.broadcast()
        return queue.removeFirst()
    }

    /// Takes back a batch handed out by ``next()`` once nothing reads it any more, to reuse its buffer.
    func recycle(_ batch: consuming [LoggedEvent]) {
        condition.lock()
        defer { condition.unlock() }
        if spares.count < depth { spares.append(batch) }
    }

    /// Why reading stopped before the log's end or the limits, once ``next()`` returned `nil`.
    var failure: EngineError? {
        reading?.wait()
        condition.lock()
        defer { condition.unlock() }
        return storedFailure
    }

    private func read(_ log: EventLog, after position: Position, until limit: Position?, through lastTime: Int64) {
        var batch = emptyBatch()
        var failure: EngineError?
        // Each record is decoded straight into the batch: handing the event through the closures of
        // `forEachEvent` would copy it at every step.
        do throws(EventLogError) {
            try log.forEachRecord(after: position) { view in
                guard view.isWithin(limit, through: lastTime) else { return false }
                do throws(EngineError) {
                    batch.append(try LoggedEvent(record: view))
                } catch {
                    failure = error
                    return false
                }
                if batch.count == batchSize {
                    handOver(batch)
                    batch = emptyBatch()
                }
                return true
            }
        } catch {
            failure = .log(error)
        }
        if !batch.isEmpty { handOver(batch) }
        condition.lock()
        storedFailure = failure
        isFinished = true
        condition.broadcast()
        condition.unlock()
    }

    /// A recycled buffer, emptied (its events released here), or a new one.
    private func emptyBatch() -> [LoggedEvent] {
        condition.lock()
        var batch = spares.popLast() ?? []
        condition.unlock()
        batch.removeAll(keepingCapacity: true)
        batch.reserveCapacity(batchSize)
        return batch
    }

    private func handOver(_ batch: [LoggedEvent]) {
        condition.lock()
        while queue.count >= depth { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
    }
}
