public import Kezek

extension Projections {
    /// The queue number (1-based rank in its queue) of an application, `nil` when it is not in the queue;
    /// O(log n).
    public func queueNumber(of number: ApplicationNumber) -> Int? { queues.queueNumber(of: number) }

    /// The ordered queue of `key`: queue numbers `offset + 1 ... offset + limit`.
    public func queue(for key: QueueKey, offset: Int = 0, limit: Int = .max) -> [QueueEntry] {
        queues.entries(for: key, offset: offset, limit: limit)
    }

    /// The stage of the five an application stands at, `nil` for an unknown number.
    public func stage(of number: ApplicationNumber) -> ApplicationStage? { applications.stage(of: number) }
}
