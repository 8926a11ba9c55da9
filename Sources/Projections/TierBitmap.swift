import Kezek

/// Which slots of one queue are in it, and with which tier, as bits, with ranks from a few cached loads.
///
/// Slots go in blocks of 64. A block holds one 64-bit mask per tier (slot `s` is in the queue with tier
/// `t` when bit `s % 64` of the block's mask `t` is set), side by side, so that one cache line tells a
/// slot's tier and the members of its tier before it (a popcount). Per tier, a Fenwick tree over the
/// blocks' counts gives the members of that tier in the blocks before, in O(log(n / 64)): for the
/// largest queue a few hundred bytes, which stay cached. About 3 bits a slot, plus 12 bytes a block.
struct TierBitmap: Sendable {
    /// The number of tiers (`Tier.allCases.count`), as a literal so that it folds into the address
    /// arithmetic.
    static let tierCount = 3
    /// The slots in one block: the bits of a mask.
    static let blockSize = 64

    /// `masks[block * tierCount + tier]`: the block's slots in the queue with `tier`.
    private(set) var masks: [UInt64] = []
    /// The tiers' Fenwick trees over the block counts, interleaved: node `i` (1-based, covering the
    /// blocks `(i - lowbit(i), i]`) of tier `t` is `nodes[i * tierCount + t]`. Node 0 is no tree node:
    /// `nodes[t]` is the count of tier `t`.
    private var nodes: [Int32] = Array(repeating: 0, count: tierCount)
    /// How many slots there are.
    private(set) var slotCount = 0

    /// No slots.
    init() {
        precondition(Tier.allCases.count == Self.tierCount, "TierBitmap.tierCount must match Tier")
    }

    /// Slots with the given tier codes (`Tier.rawValue`, or `absent` for a slot out of the queue),
    /// built in O(n).
    init(codes: some Collection<UInt8>, absent: UInt8) {
        self.init()
        slotCount = codes.count
        let blocks = (codes.count + Self.blockSize - 1) / Self.blockSize
        masks = Array(repeating: 0, count: blocks * Self.tierCount)
        for (slot, code) in codes.enumerated() where code != absent {
            precondition(Int(code) < Self.tierCount, "tier code \(code) out of range")
            masks[slot / Self.blockSize * Self.tierCount + Int(code)] |= 1 << UInt64(slot % Self.blockSize)
        }
        nodes = Array(repeating: 0, count: (blocks + 1) * Self.tierCount)
        for block in 0..<blocks {
            for tier in 0..<Self.tierCount {
                let count = Int32(masks[block * Self.tierCount + tier].nonzeroBitCount)
                nodes[tier] += count
                nodes[(block + 1) * Self.tierCount + tier] += count
            }
        }
        // Each node passes its sum up to its parent, in index order: O(n).
        for index in stride(from: 1, through: blocks, by: 1) {
            let parent = index + (index & -index)
            guard parent <= blocks else { continue }
            for tier in 0..<Self.tierCount {
                nodes[parent * Self.tierCount + tier] += nodes[index * Self.tierCount + tier]
            }
        }
    }

    /// The number of blocks.
    var blockCount: Int { masks.count / Self.tierCount }

    /// How many slots are in the queue with the tier of code `tier`.
    func count(inTier tier: Int) -> Int { Int(nodes[tier]) }

    /// How many slots are in the queue.
    var count: Int {
        var total = 0
        for tier in 0..<Self.tierCount { total += Int(nodes[tier]) }
        return total
    }

    /// The tier code of a slot in the queue, `nil` when it is out.
    func tier(atSlot slot: Int) -> Int? {
        precondition(UInt(bitPattern: slot) < UInt(bitPattern: slotCount), "slot \(slot) out of range")
        let base = slot / Self.blockSize * Self.tierCount
        let bit: UInt64 = 1 << UInt64(slot % Self.blockSize)
        for tier in 0..<Self.tierCount where masks[base + tier] & bit != 0 { return tier }
        return nil
    }

    /// Adds a slot at the end, out of the queue; O(log n) (a new block every 64 slots).
    mutating func appendSlot() {
        if slotCount % Self.blockSize == 0 {
            masks.append(contentsOf: repeatElement(0, count: Self.tierCount))
            // The new node covers (index - lowbit(index), index]: the sum of the nodes below it.
            let index = blockCount
            let lowest = index - (index & -index)
            for tier in 0..<Self.tierCount {
                var sum: Int32 = 0
                var child = index - 1
                while child > lowest {
                    sum += nodes[child * Self.tierCount + tier]
                    child -= child & -child
                }
                nodes.append(sum)
            }
        }
        slotCount += 1
    }

    /// Puts a slot in the queue with the tier of code `tier`, or takes it out (`nil`); O(log n).
    mutating func setTier(_ tier: Int?, atSlot slot: Int) {
        let old = self.tier(atSlot: slot)
        guard old != tier else { return }
        let block = slot / Self.blockSize
        let bit: UInt64 = 1 << UInt64(slot % Self.blockSize)
        if let old {
            masks[block * Self.tierCount + old] &= ~bit
            add(-1, tier: old, block: block)
        }
        if let tier {
            precondition(tier >= 0 && tier < Self.tierCount, "tier code \(tier) out of range")
            masks[block * Self.tierCount + tier] |= bit
            add(1, tier: tier, block: block)
        }
    }

    private mutating func add(_ delta: Int32, tier: Int, block: Int) {
        nodes[tier] += delta
        var index = block + 1
        let blocks = blockCount
        while index <= blocks {
            nodes[index * Self.tierCount + tier] += delta
            index += index & -index
        }
    }

    /// The 1-based rank of a slot in queue order (tier, then slot), or `nil` when it is out of the
    /// queue: the counts of the better tiers, the slot's tier in the blocks before (the tree) and in its
    /// block before it (a popcount). No allocation, no reference counting, one block's cache line and the
    /// small trees.
    func rank(ofSlot slot: Int) -> Int? {
        precondition(UInt(bitPattern: slot) < UInt(bitPattern: slotCount), "slot \(slot) out of range")
        let block = slot &>> 6
        let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: slot & 63)
        return masks.withUnsafeBufferPointer { masks in
            nodes.withUnsafeBufferPointer { nodes -> Int? in
                let base = block &* Self.tierCount
                var ahead = 0
                for tier in 0..<Self.tierCount {
                    let mask = masks[base &+ tier]
                    if mask & bit != 0 {
                        var index = block
                        while index > 0 {
                            ahead &+= Int(nodes[index &* Self.tierCount &+ tier])
                            index &= index &- 1
                        }
                        return ahead &+ (mask & (bit &- 1)).nonzeroBitCount &+ 1
                    }
                    ahead &+= Int(nodes[tier])
                }
                return nil
            }
        }
    }

    /// The slot at a 1-based rank in queue order, or `nil` past the end: the tier by its count, the
    /// block by a descent of that tier's tree, the slot by selecting a bit of the block's mask;
    /// O(log n).
    func slot(atRank rank: Int) -> Int? {
        guard rank >= 1 else { return nil }
        var remaining = rank
        for tier in 0..<Self.tierCount {
            let count = Int(nodes[tier])
            guard remaining > count else { return slot(atRank: remaining, inTier: tier) }
            remaining -= count
        }
        return nil
    }

    /// The `rank`-th slot (1-based, at most the tier's count) of the tier of code `tier`.
    private func slot(atRank rank: Int, inTier tier: Int) -> Int {
        let blocks = blockCount
        var position = 0
        var remaining = rank
        var step = 1
        while step <= blocks / 2 { step <<= 1 }
        while step > 0 {
            let next = position + step
            if next <= blocks {
                let count = Int(nodes[next * Self.tierCount + tier])
                if count < remaining {
                    position = next
                    remaining -= count
                }
            }
            step >>= 1
        }
        // `position` blocks hold fewer than `rank`; the slot is in the next one.
        return position * Self.blockSize + Self.select(remaining, in: masks[position * Self.tierCount + tier])
    }

    /// The first slot at or after `start` in the queue with the tier of code `tier`, if any; O(distance / 64).
    func nextSlot(inTier tier: Int, from start: Int) -> Int? {
        guard start < slotCount else { return nil }
        var block = start / Self.blockSize
        var word = masks[block * Self.tierCount + tier] & (~0 << UInt64(start % Self.blockSize))
        let blocks = blockCount
        while word == 0 {
            block += 1
            guard block < blocks else { return nil }
            word = masks[block * Self.tierCount + tier]
        }
        return block * Self.blockSize + word.trailingZeroBitCount
    }

    /// The position (0-based) of the `k`-th set bit (1-based) of `word`, which has at least `k`.
    static func select(_ k: Int, in word: UInt64) -> Int {
        var word = word
        var remaining = k
        var offset = 0
        var width: UInt64 = 32
        while width >= 8 {
            let low = (word & ((1 << width) - 1)).nonzeroBitCount
            if remaining > low {
                remaining -= low
                word >>= width
                offset += Int(width)
            }
            width >>= 1
        }
        while remaining > 1 {
            word &= word - 1
            remaining -= 1
        }
        return offset + word.trailingZeroBitCount
    }
}

extension TierBitmap: Equatable {
    /// Equal when the same slots are in the queue with the same tiers (the trees follow from the masks).
    static func == (lhs: TierBitmap, rhs: TierBitmap) -> Bool {
        lhs.slotCount == rhs.slotCount && lhs.masks == rhs.masks
    }
}
