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

extension LoggedEvent {
    /// The address of the event of the logged event at `address`. A fold reads the event through it:
    /// a `switch` over `pointer.pointee` copies only the payload it binds, where one over
    /// `batch[index].event` (or a call passing it) copies the whole event first.
    @inlinable
    public static func event(at address: UnsafePointer<LoggedEvent>) -> UnsafePointer<Event> {
        (UnsafeRawPointer(address) + MemoryLayout<LoggedEvent>.offset(of: \.event)!).assumingMemoryBound(to: Event.self)
    }
}

extension KezekState {
    /// Folds a batch of events into the records alone, in order, as ``evolveRecords(_:at:)`` does one by
    /// one.
    public mutating func evolveRecords(_ batch: UnsafeBufferPointer<LoggedEvent>) {
        guard let start = batch.baseAddress else { return }
        for index in batch.indices { foldRecords(at: LoggedEvent.event(at: start + index), time: start[index].time) }
    }

    /// Folds a batch of events in order, as ``evolve(_:at:)`` does one by one.
    public mutating func evolve(_ batch: UnsafeBufferPointer<LoggedEvent>) {
        guard let start = batch.baseAddress else { return }
        for index in batch.indices {
            foldRecords(at: LoggedEvent.event(at: start + index), time: start[index].time)
            indexDeadlines(after: batch[index].event)
        }
    }
}
