import Foundation
import LMDB

/// The single writer: takes append requests from any thread or task, and commits whatever has queued
/// up in one LMDB write transaction (group commit), so that one `fsync` serves many callers. Each
/// caller is answered after the transaction that holds its batch is committed, and so durable.
///
/// In durable mode the environment commits with `MDB_NOMETASYNC`: a commit flushes its data pages
/// (one `fdatasync`) and writes its metadata page without waiting for it. That page reaches the disk
/// with the next commit's flush, or with an explicit flush when the writer has nothing else to do, and
/// only then are the commit's callers answered. Under load this halves the flushes per commit; a
/// caller is still never answered before its batch would survive a power loss.
///
/// A failed commit (disk full, map at its maximum, I/O error) stops the writer: that group and every
/// request after it fail with the same error, until the log is opened again. Callers may have prepared
/// later requests on the assumption that earlier ones would land, so nothing after a failure is written.
final class GroupCommitter: @unchecked Sendable {
    typealias Completion = @Sendable (Result<AppendReceipt, EventLogError>) -> Void

    private struct Pending {
        let request: AppendRequest
        let completion: Completion
    }

    private typealias Answer = AnswerQueue.Answer

    // `condition` guards `queue`, `stopping`, `stopped`, `failure` and `head`.
    private let condition = NSCondition()
    private var queue: [Pending] = []
    private var failure: LMDBError?
    /// Answers of the last commit, held until its metadata page is on disk (writer thread only).
    private var unsynced: [Answer] = []
    /// Whether commits flush data but not metadata (`MDB_NOMETASYNC`), so that answers wait for the
    /// next flush.
    private let deferredMetaSync: Bool
    private var stopping = false
    private var stopped = false
    private var head: LogHead
    private let store: LogStore
    private let maximumGroupSize: Int
    /// Index entries of the records after the index's watermark (writer thread only).
    private let tail: StreamTail
    private let onCommit: @Sendable (LogHead) -> Void
    private var thread: Thread?
    private let answers = AnswerQueue()

    init(
        store: LogStore,
        head: LogHead,
        maximumGroupSize: Int,
        tail: StreamTail,
        deferredMetaSync: Bool,
        onCommit: @escaping @Sendable (LogHead) -> Void
    ) {
        self.deferredMetaSync = deferredMetaSync
        self.tail = tail
        self.store = store
        self.head = head
        self.maximumGroupSize = maximumGroupSize
        self.onCommit = onCommit
    }

    func start() {
        answers.start()
        let thread = Thread { [self] in run() }
        thread.name = "kezek-log-writer"
        thread.stackSize = 1 << 20
        self.thread = thread
        thread.start()
    }

    /// Queues a request; `completion` runs on the answer thread, in submission order, once the request
    /// is decided and, when it was written, durable (or at once, on the caller's thread, when the log is
    /// closed or stopped by a failure).
    func submit(_ request: AppendRequest, completion: @escaping Completion) {
        condition.lock()
        guard !stopping else {
            condition.unlock()
            completion(.failure(.closed))
            return
        }
        if let failure {
            condition.unlock()
            completion(.failure(.storage(failure)))
            return
        }
        queue.append(Pending(request: request, completion: completion))
        if queue.count == 1 { condition.signal() }
        condition.unlock()
    }

    /// Lets queued requests finish, then ends the writer thread and waits for it.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !stopped && thread != nil { condition.wait() }
        // The thread's closure holds this committer; dropping the thread breaks that cycle.
        thread = nil
        condition.unlock()
        answers.stop()
    }

    private func run() {
        while true {
            condition.lock()
            if queue.isEmpty && !unsynced.isEmpty {
                // Idle with answers waiting for their metadata to reach the disk: flush now.
                condition.unlock()
                flushUnsynced()
                continue
            }
            while queue.isEmpty && !stopping { condition.wait() }
            if queue.isEmpty {
                // Leave the index complete, so the next opener has no tail to read. A failure here
                // loses nothing: the tail is rebuilt from the records.
                if failure == nil { try? store.flushIndex(tail, through: head.position) }
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let group: [Pending]
            if queue.count <= maximumGroupSize {
                group = queue
                queue.removeAll(keepingCapacity: true)
            } else {
                group = Array(queue.prefix(maximumGroupSize))
                queue.removeFirst(maximumGroupSize)
            }
            let start = head
            let failed = failure
            condition.unlock()
            if let failed {
                deliver(group.map { Answer(completion: $0.completion, result: .failure(.storage(failed))) })
            } else {
                commit(group, after: start)
            }
        }
    }

    private func commit(_ group: [Pending], after start: LogHead) {
        let requests = group.map(\.request)
        let outcome: Result<([Result<AppendReceipt, EventLogError>], LogHead), LMDBError>
        do {
            let written = try store.environment.write { (transaction) throws(LMDBError) in
                try store.append(requests, after: start, tail: tail, in: transaction)
            }
            if written.flushedIndex { tail.removeAll() } else { tail.add(written.entries) }
            outcome = .success((written.results, written.head))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let (results, newHead)):
            let answers = zip(group, results).map { Answer(completion: $0.0.completion, result: $0.1) }
            guard newHead != start else {
                // Nothing was written (only rejections and repeats): no sync happened, so these answers
                // wait with any that are still unsynced, in order.
                if unsynced.isEmpty { deliver(answers) } else { unsynced += answers }
                return
            }
            condition.lock()
            head = newHead
            condition.unlock()
            onCommit(newHead)
            guard deferredMetaSync else {
                deliver(answers)
                return
            }
            // This commit's data sync also flushed the metadata page of the previous commit, so the
            // previous answers are durable now; this commit's wait for the next sync.
            let durable = unsynced
            unsynced = answers
            deliver(durable)
        case .failure(let error):
            condition.lock()
            failure = error
            condition.unlock()
            flushUnsynced()
            deliver(group.map { Answer(completion: $0.completion, result: .failure(.storage(error))) })
        }
    }

    /// Flushes the data file (`mdb_env_sync`), which makes the last commit's metadata durable, and
    /// answers the callers that waited for it. A failed flush fails them and stops the writer.
    private func flushUnsynced() {
        guard !unsynced.isEmpty else { return }
        let waiting = unsynced
        unsynced = []
        do {
            try store.environment.sync()
            deliver(waiting)
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
            deliver(waiting.map { Answer(completion: $0.completion, result: .failure(.storage(error))) })
        }
    }

    private func deliver(_ answers: [Answer]) {
        self.answers.deliver(answers)
    }
}
