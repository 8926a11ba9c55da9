public import EventLog

/// The appending side of the crash test: concurrent writers that append torture batches to a log
/// until something unexpected happens (or the process is killed, which is the point).
public enum TortureAppender {
    /// Appends with `writers` concurrent tasks, each sending ``TortureMessage/acknowledged(_:positions:)``
    /// to `emit` once its batch is durable and ``TortureMessage/rejected(_:)`` for a batch rejected on
    /// purpose. Returns only when a writer meets something it did not expect, with what it was.
    public static func run(
        log: EventLog,
        seed: UInt64,
        writers: Int,
        emit: @escaping @Sendable (TortureMessage) -> Void
    ) async -> String {
        await withTaskGroup(of: String.self) { group in
            for writer in 0..<max(1, writers) {
                group.addTask {
                    await append(to: log, as: TortureWriter(seed: seed, writer: writer), emit: emit)
                }
            }
            let failure = await group.next() ?? "no writer ran"
            group.cancelAll()
            return failure
        }
    }

    private static func append(
        to log: EventLog,
        as initial: TortureWriter,
        emit: @Sendable (TortureMessage) -> Void
    ) async -> String {
        var writer = initial
        while !Task.isCancelled {
            let attempt = writer.next()
            let id = attempt.batch.id
            let receipt: AppendReceipt
            do {
                receipt = try await log.append(attempt.request)
            } catch .versionConflict where attempt.expectsConflict {
                emit(.rejected(id))
                continue
            } catch {
                return "batch \(id) failed: \(error)"
            }
            if attempt.expectsConflict {
                return "batch \(id) was appended although it expected a wrong version"
            }
            let count = receipt.positions.upperBound.rawValue - receipt.positions.lowerBound.rawValue + 1
            guard !receipt.wasDuplicate, count == attempt.batch.records.count else {
                return "batch \(id) of \(attempt.batch.records.count) records got the receipt \(receipt)"
            }
            emit(.acknowledged(id, positions: receipt.positions))
            writer.appended(attempt)
            guard attempt.repeatsWithKey else { continue }
            do {
                let again = try await log.append(attempt.request)
                guard again.wasDuplicate, again.positions == receipt.positions, again.lastHash == receipt.lastHash
                else { return "batch \(id) appended again with its key got \(again), not \(receipt)" }
            } catch {
                return "batch \(id) appended again with its key failed: \(error)"
            }
        }
        return "cancelled"
    }
}
