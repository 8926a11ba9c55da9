import Foundation

/// Runs the completions of appends on a thread of their own, in the order the writer hands them over,
/// so that the writer goes back to committing instead of waking hundreds of callers itself.
final class AnswerQueue: @unchecked Sendable {
    struct Answer {
        let completion: GroupCommitter.Completion
        let result: Result<AppendReceipt, EventLogError>
    }

    // `condition` guards `pending`, `stopping` and `stopped`.
    private let condition = NSCondition()
    private var pending: [Answer] = []
    private var stopping = false
    private var stopped = false
    private var thread: Thread?

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "kezek-log-answers"
        thread.stackSize = 1 << 20
        self.thread = thread
        thread.start()
    }

    /// Hands answers over; they run after every answer handed over before them.
    func deliver(_ answers: [Answer]) {
        guard !answers.isEmpty else { return }
        condition.lock()
        pending += answers
        condition.signal()
        condition.unlock()
    }

    /// Runs what is pending, then ends the thread and waits for it.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !stopped && thread != nil { condition.wait() }
        // The thread's closure holds this queue; dropping the thread breaks that cycle.
        thread = nil
        condition.unlock()
    }

    private func run() {
        var batch: [Answer] = []
        while true {
            condition.lock()
            while pending.isEmpty && !stopping { condition.wait() }
            if pending.isEmpty {
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
            swap(&batch, &pending)
            condition.unlock()
            for answer in batch { answer.completion(answer.result) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
