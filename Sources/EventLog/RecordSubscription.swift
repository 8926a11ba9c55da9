/// The records of a log after a position: those already written, then the new ones as they commit.
///
/// Each iteration reads from the log by position, so it never skips or repeats a record, however
/// the appends and the reading interleave.
public struct RecordSubscription: AsyncSequence, Sendable {
    public typealias Element = Record
    public typealias Failure = EventLogError

    let log: EventLog
    let start: Position
    let batchSize: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(log: log, last: start, batchSize: batchSize)
    }

    /// Reads ahead in batches and waits for the head to move when it has caught up.
    public struct Iterator: AsyncIteratorProtocol {
        let log: EventLog
        var last: Position
        let batchSize: Int
        var buffer: [Record] = []
        var index = 0

        public mutating func next(
            isolation actor: isolated (any Actor)? = #isolation
        ) async throws(EventLogError) -> Record? {
            while true {
                if index < buffer.count {
                    let record = buffer[index]
                    index += 1
                    last = record.position
                    return record
                }
                if Task.isCancelled { return nil }
                buffer = try log.records(after: last, limit: batchSize)
                index = 0
                if buffer.isEmpty {
                    guard await log.notifier.wait(past: last) != nil else {
                        // Closed or cancelled: hand out what committed before the close, then end.
                        buffer = try log.records(after: last, limit: batchSize)
                        if buffer.isEmpty { return nil }
                        continue
                    }
                }
            }
        }

        public mutating func next() async throws(EventLogError) -> Record? {
            try await next(isolation: nil)
        }
    }
}
