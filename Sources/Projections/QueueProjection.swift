public import Kezek

/// The queues: one ``QueueOrderIndex`` per queue key, so that a queue number is O(log n) and a page of
/// a queue is O(limit · log n).
public struct QueueProjection: Equatable, Sendable {
    /// The index of every queue that ever had an application.
    public internal(set) var indices: [PackedQueueKey: QueueOrderIndex] = [:]

    /// No queues.
    public init() {}

    /// The index of a queue, if any application was ever submitted to it.
    public func index(for key: QueueKey) -> QueueOrderIndex? { indices[PackedQueueKey(key)] }

    /// How many applications are in the queue of `key`.
    public func count(for key: QueueKey) -> Int { index(for: key)?.count ?? 0 }

    /// The applications at queue numbers `offset + 1 ... offset + limit` of the queue of `key`.
    public func entries(for key: QueueKey, offset: Int = 0, limit: Int) -> [QueueEntry] {
        index(for: key)?.applications(offset: offset, limit: limit) ?? []
    }

    /// The queue number of the application at `slot` of the queue `key`, if it is in the queue.
    func rank(key: PackedQueueKey, slot: Int) -> Int? { indices[key]?.rank(ofSlot: slot) }

    /// Writes the queues in key order, each as its slots in queue order: (application, tier).
    public func canonicalBytes(into bytes: inout [UInt8]) {
        var writer = BinaryWriter()
        writer.writeRaw("queues".utf8)
        writer.writeVarint(UInt64(indices.count))
        for key in indices.keys.sorted() {
            let index = indices[key]!
            writer.writeVarint(key.rawValue)
            writer.writeVarint(UInt64(index.count))
            for entry in index.applications(limit: index.count) {
                writer.writeVarint(entry.application.rawValue)
                writer.write(UInt8(entry.tier.rawValue))
            }
        }
        bytes += writer.bytes
    }
}
