public import Kezek

/// The queues: one ``QueueOrderIndex`` per queue key, so that a queue number is O(log n) and a page of
/// a queue is O(limit · log n).
///
/// The indices live in one array, found through a small dictionary of positions: a lookup borrows the
/// index in place instead of copying it (and its arrays' references) out of a dictionary.
public struct QueueProjection: Sendable {
    /// The index of every queue that ever had an application, in the order the queues appeared.
    private(set) var orders: [QueueOrderIndex] = []
    /// Where each key's index is in ``orders``.
    private(set) var positions: [PackedQueueKey: Int] = [:]

    /// No queues.
    public init() {}

    /// How many queues ever had an application.
    public var queueCount: Int { orders.count }

    /// The keys of every queue that ever had an application, in key order.
    public var keys: [PackedQueueKey] { positions.keys.sorted() }

    /// The index of a queue, if any application was ever submitted to it.
    public func index(for key: QueueKey) -> QueueOrderIndex? { index(for: PackedQueueKey(key)) }

    /// The index of a queue, if any application was ever submitted to it.
    public func index(for key: PackedQueueKey) -> QueueOrderIndex? { positions[key].map { orders[$0] } }

    /// How many applications are in the queue of `key`.
    public func count(for key: QueueKey) -> Int {
        guard let position = positions[PackedQueueKey(key)] else { return 0 }
        return orders[position].count
    }

    /// The applications at queue numbers `offset + 1 ... offset + limit` of the queue of `key`.
    public func entries(for key: QueueKey, offset: Int = 0, limit: Int) -> [QueueEntry] {
        guard let position = positions[PackedQueueKey(key)] else { return [] }
        return orders[position].applications(offset: offset, limit: limit)
    }

    /// The queue number of the application at `slot` of the queue `key`, if it is in the queue.
    func rank(key: PackedQueueKey, slot: Int) -> Int? {
        guard let position = positions[key] else { return nil }
        return orders[position].rank(ofSlot: slot)
    }

    /// The tier of `slot` in the queue `key` while it is in the queue.
    func tier(key: PackedQueueKey, slot: Int) -> Tier? {
        guard let position = positions[key] else { return nil }
        return orders[position].tier(atSlot: slot)
    }

    /// Changes the index of `key` in place, creating it when missing.
    mutating func update<Result>(_ key: PackedQueueKey, _ body: (inout QueueOrderIndex) -> Result) -> Result {
        let position: Int
        if let existing = positions[key] {
            position = existing
        } else {
            position = orders.count
            orders.append(QueueOrderIndex())
            positions[key] = position
        }
        return body(&orders[position])
    }

    /// Writes the queues in key order, each as its slots in queue order: (application, tier).
    public func canonicalBytes(into bytes: inout [UInt8]) {
        var writer = BinaryWriter()
        writer.writeRaw("queues".utf8)
        writer.writeVarint(UInt64(orders.count))
        for key in keys {
            let index = orders[positions[key]!]
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

extension QueueProjection: Equatable {
    /// Equal when they hold the same queues, whatever order the queues appeared in.
    public static func == (lhs: QueueProjection, rhs: QueueProjection) -> Bool {
        guard lhs.orders.count == rhs.orders.count else { return false }
        return lhs.positions.allSatisfy { key, position in
            rhs.positions[key].map { rhs.orders[$0] == lhs.orders[position] } ?? false
        }
    }
}
