import Foundation

/// A computation running on its own thread while the caller does something else; ``wait()`` returns
/// its result. Used to fold the decision state and the read models on two cores at once.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // `condition` guards `result`.
    private let condition = NSCondition()
    private var result: Value?

    /// Starts `body` on a new thread.
    init(_ body: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = body()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }
        // The folds recurse little, but a generous stack costs nothing until touched.
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// Waits until the computation ends and returns its result.
    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
