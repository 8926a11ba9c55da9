#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps transactions and map resizing apart.
///
/// `mdb_env_set_mapsize` may only be called while no transaction of this process is active. Every
/// transaction therefore holds the gate shared for its lifetime, and a resize holds it exclusively.
/// A pending resize blocks new transactions, so it cannot starve behind a stream of short readers.
/// Nobody waits for the exclusive side while holding the shared side: a writer that hits
/// `MDB_MAP_FULL` aborts (and leaves) before it asks to resize.
final class ResizeGate: @unchecked Sendable {
    // The pthread objects are heap-allocated once and never move; all state is guarded by `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var active = 0
    private var resizing = false

    init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Enters the shared side; waits while a resize is pending or running.
    func enter() {
        pthread_mutex_lock(mutex)
        while resizing { pthread_cond_wait(condition, mutex) }
        active += 1
        pthread_mutex_unlock(mutex)
    }

    /// Leaves the shared side.
    func leave() {
        pthread_mutex_lock(mutex)
        active -= 1
        if active == 0 { pthread_cond_broadcast(condition) }
        pthread_mutex_unlock(mutex)
    }

    /// Runs `body` with no transaction of this process active.
    func exclusively<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        while resizing { pthread_cond_wait(condition, mutex) }
        resizing = true
        while active > 0 { pthread_cond_wait(condition, mutex) }
        pthread_mutex_unlock(mutex)
        defer {
            pthread_mutex_lock(mutex)
            resizing = false
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
        return try body()
    }
}
