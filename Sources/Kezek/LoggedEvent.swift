/// An event read back from the log, with the time it was recorded at and its position: what a replay
/// folds, a batch at a time.
public struct LoggedEvent: Sendable {
    /// The event.
    public var event: Event
    /// The time it was recorded at (its command's time).
    public var time: Timestamp
    /// Its log position.
    public var position: UInt64

    /// The event `event`, recorded at `time` at log `position`.
    public init(event: consuming Event, time: Timestamp, position: UInt64) {
        self.event = event
        self.time = time
        self.position = position
    }
}

extension KezekState {
    /// Folds a batch of events into the records alone, in order, as ``evolveRecords(_:at:)`` does one by
    /// one.
    public mutating func evolveRecords(_ batch: UnsafeBufferPointer<LoggedEvent>) {
        for index in batch.indices { foldRecords(batch[index].event, at: batch[index].time) }
    }

    /// Folds a batch of events in order, as ``evolve(_:at:)`` does one by one.
    public mutating func evolve(_ batch: UnsafeBufferPointer<LoggedEvent>) {
        for index in batch.indices {
            foldRecords(batch[index].event, at: batch[index].time)
            indexDeadlines(after: batch[index].event)
        }
    }
}
