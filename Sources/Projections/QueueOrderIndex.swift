public import Kezek

/// The order-statistic index of one queue: who stands where, by (tier, application time, application
/// number), with the 1-based rank (the queue number) in O(log n).
///
/// Every application ever submitted to the queue has a *slot*, in (application time, number) order;
/// the slot never changes, so an application that leaves and comes back (an expired referral) takes its
/// original place, and one whose tier changes keeps its original time. Each slot is either out of the
/// queue or in it with a tier; one Fenwick tree per tier counts the slots in the queue with that tier.
/// The rank of a slot is then the number in the queue in better tiers plus the prefix count of its own
/// tier: two arrays of 4-byte counts walked ~log₂ n times.
///
/// Applications come in time order (the engine refuses time going backwards), so a new slot is normally
/// appended in O(log n). One that sorts before existing slots is inserted in place and the trees are
/// rebuilt in O(n): correct for any order, fast for the real one.
public struct QueueOrderIndex: Equatable, Sendable {
    /// Application time (milliseconds since the epoch) of each slot, ascending with `numbers`.
    private(set) var times: [Int64] = []
    /// Application number of each slot.
    private(set) var numbers: [UInt64] = []
    /// Each slot's tier while in the queue (`Tier.rawValue`), or ``absent``.
    private(set) var tiers: [UInt8] = []
    /// One tree per tier, indexed by `Tier.rawValue`.
    private var trees: [FenwickTree] = Array(repeating: FenwickTree(), count: Tier.allCases.count)
    /// How many slots are in the queue, per tier.
    private var tierCounts: [Int] = Array(repeating: 0, count: Tier.allCases.count)

    /// The tier byte of a slot that is out of the queue.
    static let absent: UInt8 = .max

    /// An empty queue.
    public init() {}

    /// How many applications are in the queue.
    public var count: Int { tierCounts.reduce(0, +) }

    /// How many slots there are: every application ever submitted to this queue.
    public var slotCount: Int { numbers.count }

    /// How many applications are in the queue with `tier`.
    public func count(in tier: Tier) -> Int { tierCounts[tier.rawValue] }

    /// The application of a slot.
    public func application(atSlot slot: Int) -> ApplicationNumber { ApplicationNumber(rawValue: numbers[slot]) }

    /// The application time of a slot.
    public func submittedAt(slot: Int) -> Timestamp { Timestamp(millisecondsSinceEpoch: times[slot]) }

    /// The tier of a slot while it is in the queue, `nil` when it is not.
    public func tier(atSlot slot: Int) -> Tier? { Tier(rawValue: Int(tiers[slot])) }

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
            times.insert(time, at: index)
            numbers.insert(number, at: index)
            tiers.insert(Self.absent, at: index)
            rebuildTrees()
            return (index, true)
        }
        times.append(time)
        numbers.append(number)
        tiers.append(Self.absent)
        for tier in trees.indices { trees[tier].append(0) }
        return (numbers.count - 1, false)
    }

    /// Puts a slot in the queue with `tier`, or moves it to `tier` if it is in already; O(log n).
    public mutating func enter(slot: Int, tier: Tier) {
        leave(slot: slot)
        tiers[slot] = UInt8(tier.rawValue)
        trees[tier.rawValue].add(1, at: slot)
        tierCounts[tier.rawValue] += 1
    }

    /// Takes a slot out of the queue (it keeps its place for a later return); O(log n).
    public mutating func leave(slot: Int) {
        let old = tiers[slot]
        guard old != Self.absent else { return }
        trees[Int(old)].add(-1, at: slot)
        tierCounts[Int(old)] -= 1
        tiers[slot] = Self.absent
    }

    /// The queue number (1-based rank) of a slot, or `nil` when it is out of the queue; O(log n).
    public func rank(ofSlot slot: Int) -> Int? {
        let tier = Int(tiers[slot])
        guard tier != Int(Self.absent) else { return nil }
        var ahead = 0
        for better in 0..<tier { ahead += tierCounts[better] }
        return ahead + trees[tier].prefixSum(slot + 1)
    }

    /// The slot at a queue number (1-based), or `nil` past the end; O(log n).
    public func slot(atRank rank: Int) -> Int? {
        guard rank >= 1 else { return nil }
        var remaining = rank
        for tier in tierCounts.indices {
            if remaining <= tierCounts[tier] { return trees[tier].slot(reaching: remaining) }
            remaining -= tierCounts[tier]
        }
        return nil
    }

    /// The applications at queue numbers `offset + 1 ... offset + limit`, in queue order;
    /// O(limit · log n).
    public func applications(offset: Int = 0, limit: Int) -> [QueueEntry] {
        guard offset >= 0, limit > 0, offset < count else { return [] }
        let end = min(count, offset + limit)
        var entries: [QueueEntry] = []
        entries.reserveCapacity(end - offset)
        for rank in (offset + 1)...end {
            guard let slot = slot(atRank: rank), let tier = tier(atSlot: slot) else { break }
            entries.append(
                QueueEntry(
                    queueNumber: rank, application: application(atSlot: slot), tier: tier,
                    submittedAt: submittedAt(slot: slot)))
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

    private mutating func rebuildTrees() {
        for tier in trees.indices {
            let code = UInt8(tier)
            trees[tier] = FenwickTree(tiers.lazy.map { $0 == code ? 1 : 0 })
        }
    }

    /// Restores an index from its slots (as a checkpoint keeps them), rebuilding the trees in O(n).
    init(times: [Int64], numbers: [UInt64], tiers: [UInt8]) {
        self.times = times
        self.numbers = numbers
        self.tiers = tiers
        for code in tiers where code != Self.absent { tierCounts[Int(code)] += 1 }
        rebuildTrees()
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
