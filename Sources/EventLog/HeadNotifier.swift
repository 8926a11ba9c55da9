import Synchronization

/// Tells waiting subscribers when the head moves past the position they have read up to.
final class HeadNotifier: Sendable {
    private struct Waiter {
        let after: Position
        let continuation: CheckedContinuation<Position?, Never>
    }

    private struct State {
        var head: LogHead
        var closed = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
    }

    private let state: Mutex<State>

    init(head: LogHead) {
        state = Mutex(State(head: head))
    }

    var head: LogHead {
        state.withLock { $0.head }
    }

    func publish(_ head: LogHead) {
        let ready: [CheckedContinuation<Position?, Never>] = state.withLock { state in
            state.head = head
            let due = state.waiters.filter { $0.value.after < head.position }
            for id in due.keys { state.waiters[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: head.position) }
    }

    func close() {
        let waiting = state.withLock { state in
            state.closed = true
            defer { state.waiters.removeAll() }
            return state.waiters.values.map(\.continuation)
        }
        for continuation in waiting { continuation.resume(returning: nil) }
    }

    /// Waits until the head is past `position` and returns it; `nil` when the log closes or the task
    /// is cancelled.
    func wait(past position: Position) async -> Position? {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Position?, Never>) in
                let immediate: Position?? = state.withLock { state in
                    if state.closed || Task.isCancelled { return .some(nil) }
                    if state.head.position > position { return .some(state.head.position) }
                    state.waiters[id] = Waiter(after: position, continuation: continuation)
                    return .none
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume(returning: nil)
        }
    }
}
