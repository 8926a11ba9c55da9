public import Kezek

/// The queues: one ``QueueOrderIndex`` per queue key, so that a queue number is O(log n) and a page of
/// a queue is O(limit · log n).
///
/// The indices live in one array, found through a small dictionary of positions: a lookup borrows the
/// index in place instead of copying it (and its arrays' references) out of a dictionary. A locator
/// gives each application's queue position and slot, so that its queue number is a load, the slot's
/// block of tier bits and a few cached tree nodes.
public struct QueueProjection: Sendable {
    /// The index of every queue that ever had an application, in the order the queues appeared.
    private(set) var orders: [QueueOrderIndex] = []
    /// Where each key's index is in ``orders``.
    private(set) var positions: [PackedQueueKey: Int] = [:]
    /// Where each application stands: its queue's position in ``orders`` and its slot. It follows from
    /// the queues and the applications' rows, and is not compared.
    private(set) var locations = QueueLocator()

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

    /// The queue number of an application, `nil` when it has no slot or is out of the queue: its
    /// location, then the rank of its slot, with no row and no hash-table probe.
    func queueNumber(of application: ApplicationNumber) -> Int? {
        guard let location = locations[application] else { return nil }
        return orders.withUnsafeBufferPointer { $0[location.queue].rank(ofSlot: location.slot) }
    }

    /// The tier of `slot` in the queue `key` while it is in the queue.
    func tier(key: PackedQueueKey, slot: Int) -> Tier? {
        guard let position = positions[key] else { return nil }
        return orders[position].tier(atSlot: slot)
    }

    /// Changes the index of `key` in place, creating it when missing.
    mutating func update<Result>(_ key: PackedQueueKey, _ body: (inout QueueOrderIndex) -> Result) -> Result {
        body(&orders[position(creating: key)])
    }

    /// Adds a slot for an application to the queue of `key` (created when missing), out of the queue, and
    /// locates it and the slots it moved; returns the slot and whether later slots moved.
    mutating func addSlot(
        for application: ApplicationNumber, to key: PackedQueueKey, submittedAt: Timestamp
    ) -> (slot: Int, shiftedLaterSlots: Bool) {
        let queue = position(creating: key)
        let (slot, shifted) = orders[queue].addSlot(for: application, submittedAt: submittedAt)
        locations.set(application, queue: queue, slot: slot)
        if shifted {
            for later in (slot + 1)..<orders[queue].slotCount {
                locations.set(orders[queue].application(atSlot: later), queue: queue, slot: later)
            }
        }
        return (slot, shifted)
    }

    /// Records that `application` stands at `slot` of the queue of `key`, as a checkpoint's row says.
    mutating func locate(_ application: ApplicationNumber, in key: PackedQueueKey, slot: Int) {
        locations.set(application, queue: position(creating: key), slot: slot)
    }

    /// The position of the index of `key` in ``orders``, appending an empty index when missing.
    private mutating func position(creating key: PackedQueueKey) -> Int {
        if let existing = positions[key] { return existing }
        orders.append(QueueOrderIndex())
        positions[key] = orders.count - 1
        return orders.count - 1
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
