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
    /// The key of each index in ``orders``.
    private(set) var orderKeys: [PackedQueueKey] = []
    /// Where each application stands: its queue's position in ``orders`` and its slot, for every
    /// application with a slot (in the queue or out of it). It follows from the queues' slots, and is not
    /// compared.
    private(set) var locations = QueueLocator()

    /// No queues.
    public init() {}

    /// How many queues ever had an application.
    public var queueCount: Int { orders.count }

    /// How many slots the queues hold: one per application ever submitted.
    public var slotCount: Int { orders.reduce(0) { $0 + $1.slotCount } }

    /// The keys of every queue that ever had an application, in key order.
    public var keys: [PackedQueueKey] { orderKeys.sorted() }

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

    /// The position of an application's queue in ``orders`` and its slot there, if it has a slot.
    func location(of application: ApplicationNumber) -> (queue: Int, slot: Int)? { locations[application] }

    /// The key of the queue at `queue` in ``orders``.
    func key(ofQueue queue: Int) -> PackedQueueKey { orderKeys[queue] }

    /// The tier of `slot` in the queue at `queue` while it is in the queue.
    func tier(queue: Int, slot: Int) -> Tier? { orders[queue].tier(atSlot: slot) }

    /// Changes the index at `queue` in ``orders`` in place.
    mutating func update<Result>(queue: Int, _ body: (inout QueueOrderIndex) -> Result) -> Result {
        body(&orders[queue])
    }

    /// Sets the index of `key`, creating its place when missing (a checkpoint's queue).
    mutating func set(_ index: QueueOrderIndex, for key: PackedQueueKey) { orders[position(creating: key)] = index }

    /// Adds a slot for an application to the queue of `key` (created when missing), out of the queue, and
    /// locates it and the slots it moved.
    mutating func addSlot(for application: ApplicationNumber, to key: PackedQueueKey, submittedAt: Timestamp) {
        let queue = position(creating: key)
        let (slot, shifted) = orders[queue].addSlot(for: application, submittedAt: submittedAt)
        locations.set(application, queue: queue, slot: slot)
        if shifted {
            for later in (slot + 1)..<orders[queue].slotCount {
                locations.set(orders[queue].application(atSlot: later), queue: queue, slot: later)
            }
        }
    }

    /// Locates the application of every slot of every queue (after a checkpoint's queues are set); `false`
    /// when an application has two slots.
    mutating func locateEverySlot() -> Bool {
        for queue in orders.indices {
            for slot in 0..<orders[queue].slotCount {
                let application = orders[queue].application(atSlot: slot)
                guard locations[application] == nil else { return false }
                locations.set(application, queue: queue, slot: slot)
            }
        }
        return true
    }

    /// The position of the index of `key` in ``orders``, appending an empty index when missing.
    private mutating func position(creating key: PackedQueueKey) -> Int {
        if let existing = positions[key] { return existing }
        orders.append(QueueOrderIndex())
        orderKeys.append(key)
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
