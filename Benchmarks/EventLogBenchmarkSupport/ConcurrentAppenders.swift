import Synchronization

/// Runs a fixed number of appends from a fixed number of concurrent tasks, the same way for the event
/// log and for SQLite, so that the two are measured on the same workload.
///
/// The appends are numbered 0..<count; each task takes the next number from a shared counter and
/// appends that one record, awaiting it before taking another, until every number is taken. A task
/// therefore has at most one command in flight, like a request handler waiting for its answer.
public enum ConcurrentAppenders {
    /// Appends `count` records from `appenders` tasks with `append(ticket)`, and returns when all are
    /// done (or rethrows the first failure).
    public static func run(
        count: Int,
        appenders: Int,
        append: @escaping @Sendable (_ ticket: Int) async throws -> Void
    ) async throws {
        precondition(appenders > 0, "at least one appender")
        let tickets = TicketCounter(limit: count)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<min(appenders, count) {
                group.addTask {
                    while let ticket = tickets.take() {
                        try await append(ticket)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

/// Hands out 0, 1, 2, ... up to a limit to any number of tasks.
final class TicketCounter: Sendable {
    private let next = Atomic<Int>(0)
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// The next ticket, or `nil` when all are taken.
    func take() -> Int? {
        let ticket = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return ticket < limit ? ticket : nil
    }
}
