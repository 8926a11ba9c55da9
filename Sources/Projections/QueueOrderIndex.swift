public import Kezek

/// The order-statistic index of one queue: who stands where, by (tier, application time, application
/// number), with the 1-based rank (the queue number) in O(log n).
///
/// Every application ever submitted to the queue has a *slot*, in (application time, number) order;
/// the slot never changes, so an application that leaves and comes back (an expired referral) takes its
/// original place, and one whose tier changes keeps its original time. Each slot is either out of the
/// queue or in it with a tier, kept as bits in a ``TierBitmap``: the rank of a slot is the number in the
/// queue in better tiers, plus those of its tier in the blocks of 64 slots before its block (a small
/// Fenwick tree per tier), plus those before it in its block (a popcount).
///
/// Applications come in time order (the engine refuses time going backwards), so a new slot is normally
/// appended in O(1). One that sorts before existing slots is inserted in place and the bits are
/// rebuilt in O(n): correct for any order, fast for the real one.
public struct QueueOrderIndex: Sendable {
    /// Application time (milliseconds since the epoch) of each slot, ascending with `numbers`.
    private(set) var times: [Int64] = []
    /// Application number of each slot.
    private(set) var numbers: [UInt64] = []
    /// Each slot's tier while in the queue.
    private var bits = TierBitmap()

    /// The tier byte of a slot that is out of the queue.
    static let absent: UInt8 = .max

    /// An empty queue.
    public init() {}

    /// How many applications are in the queue.
    public var count: Int { bits.count }

    /// How many slots there are: every application ever submitted to this queue.
    public var slotCount: Int { numbers.count }

    /// How many applications are in the queue with `tier`.
    public func count(in tier: Tier) -> Int { bits.count(inTier: tier.rawValue) }

    /// The application of a slot.
    public func application(atSlot slot: Int) -> ApplicationNumber { ApplicationNumber(rawValue: numbers[slot]) }

    /// The application time of a slot.
    public func submittedAt(slot: Int) -> Timestamp { Timestamp(millisecondsSinceEpoch: times[slot]) }

    /// The tier of a slot while it is in the queue, `nil` when it is not.
    public func tier(atSlot slot: Int) -> Tier? { bits.tier(atSlot: slot).flatMap { Tier(rawValue: $0) } }

    /// The tier byte of a slot, as a checkpoint keeps it: `Tier.rawValue`, or ``absent``.
    func tierCode(atSlot slot: Int) -> UInt8 { bits.tier(atSlot: slot).map { UInt8($0) } ?? Self.absent }

    /// The slot of an application, by binary search over (time, number) in O(log n); `nil` when it has none.
    public func slot(of application: ApplicationNumber, submittedAt: Timestamp) -> Int? {
        let index = insertionIndex(time: submittedAt.millisecondsSinceEpoch, number: application.rawValue)
        guard index < numbers.count, numbers[index] == application.rawValue,
            times[index] == submittedAt.millisecondsSinceEpoch
        else { return nil }
        return index
    }

    /// Adds a slot for an application, out of the queue; returns the slot and whether slots after it moved
    /// (only when it sorts before an existing slot). Adding an existing slot returns it unchanged.
    public mutating func addSlot(
        for application: ApplicationNumber, submittedAt: Timestamp
    ) -> (slot: Int, shiftedLaterSlots: Bool) {
        let time = submittedAt.millisecondsSinceEpoch
        let number = application.rawValue
        if let last = numbers.indices.last, (times[last], numbers[last]) >= (time, number) {
            let index = insertionIndex(time: time, number: number)
            if index < numbers.count, numbers[index] == number, times[index] == time { return (index, false) }
            var codes = (0..<numbers.count).map { tierCode(atSlot: $0) }
            codes.insert(Self.absent, at: index)
            times.insert(time, at: index)
            numbers.insert(number, at: index)
            bits = TierBitmap(codes: codes, absent: Self.absent)
            return (index, true)
        }
        times.append(time)
        numbers.append(number)
        bits.appendSlot()
        return (numbers.count - 1, false)
    }

    /// Puts a slot in the queue with `tier`, or moves it to `tier` if it is in already; O(log n).
    public mutating func enter(slot: Int, tier: Tier) { bits.setTier(tier.rawValue, atSlot: slot) }

    /// Takes a slot out of the queue (it keeps its place for a later return); O(log n).
    public mutating func leave(slot: Int) { bits.setTier(nil, atSlot: slot) }

    /// The queue number (1-based rank) of a slot, or `nil` when it is out of the queue; O(log n).
    public func rank(ofSlot slot: Int) -> Int? { bits.rank(ofSlot: slot) }

    /// The slot at a queue number (1-based), or `nil` past the end; O(log n).
    public func slot(atRank rank: Int) -> Int? { bits.slot(atRank: rank) }

    /// The applications at queue numbers `offset + 1 ... offset + limit`, in queue order: the first
    /// found by rank in O(log n), the next ones by walking the tiers' bits.
    public func applications(offset: Int = 0, limit: Int) -> [QueueEntry] {
        guard offset >= 0, limit > 0, offset < count, let first = slot(atRank: offset + 1),
            var tier = bits.tier(atSlot: first)
        else { return [] }
        let end = offset + min(count - offset, limit)
        var entries: [QueueEntry] = []
        entries.reserveCapacity(end - offset)
        var next: Int? = first
        for rank in (offset + 1)...end {
            while next == nil, tier + 1 < TierBitmap.tierCount {
                tier += 1
                next = bits.nextSlot(inTier: tier, from: 0)
            }
            guard let slot = next else { break }
            entries.append(
                QueueEntry(
                    queueNumber: rank, application: application(atSlot: slot), tier: Tier(rawValue: tier)!,
                    submittedAt: submittedAt(slot: slot)))
            next = bits.nextSlot(inTier: tier, from: slot + 1)
        }
        return entries
    }

    /// The first index whose (time, number) is not less than the given one.
    private func insertionIndex(time: Int64, number: UInt64) -> Int {
        var low = 0
        var high = numbers.count
        while low < high {
            let middle = (low + high) / 2
            if (times[middle], numbers[middle]) < (time, number) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Restores an index from its slots (as a checkpoint keeps them), rebuilding the bits in O(n).
    init(times: [Int64], numbers: [UInt64], tiers: [UInt8]) {
        self.times = times
        self.numbers = numbers
        bits = TierBitmap(codes: tiers, absent: Self.absent)
    }
}

extension QueueOrderIndex: Equatable {
    /// Equal when they hold the same slots with the same tiers.
    public static func == (lhs: QueueOrderIndex, rhs: QueueOrderIndex) -> Bool {
        lhs.times == rhs.times && lhs.numbers == rhs.numbers && lhs.bits == rhs.bits
    }
}

/// One application in a queue listing.
public struct QueueEntry: Hashable, Sendable {
    /// Its queue number (1-based rank).
    public var queueNumber: Int
    /// The application.
    public var application: ApplicationNumber
    /// Its tier.
    public var tier: Tier
    /// Its application time.
    public var submittedAt: Timestamp

    /// An entry from its parts.
    public init(queueNumber: Int, application: ApplicationNumber, tier: Tier, submittedAt: Timestamp) {
        self.queueNumber = queueNumber
        self.application = application
        self.tier = tier
        self.submittedAt = submittedAt
    }
}
