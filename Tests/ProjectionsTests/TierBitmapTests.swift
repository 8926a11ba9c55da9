import Kezek
import KezekDomainTestSupport
import Testing

@testable import Projections

/// The tier bits of a queue against a plain array of tiers: ranks, slots at ranks, counts and the walk,
/// under random changes and at the edges of the 64-slot blocks and of the trees over them.
@Suite struct TierBitmapTests {
    /// What the bits should say, the slow way: each slot's tier code, `nil` when out of the queue.
    struct NaiveTiers {
        var tiers: [Int?] = []

        /// The slots in the queue in queue order: by tier, then by slot.
        var ordered: [Int] {
            tiers.indices.filter { tiers[$0] != nil }.sorted { (tiers[$0]!, $0) < (tiers[$1]!, $1) }
        }
    }

    /// Checks every query of `bits` against `naive`.
    static func check(
        _ bits: TierBitmap, against naive: NaiveTiers, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let ordered = naive.ordered
        #expect(bits.slotCount == naive.tiers.count, comment, sourceLocation: sourceLocation)
        #expect(bits.count == ordered.count, comment, sourceLocation: sourceLocation)
        #expect(bits.blockCount == (naive.tiers.count + 63) / 64, comment, sourceLocation: sourceLocation)
        for tier in 0..<TierBitmap.tierCount {
            #expect(
                bits.count(inTier: tier) == naive.tiers.count { $0 == tier }, comment, sourceLocation: sourceLocation)
        }
        var expectedRanks = [Int?](repeating: nil, count: naive.tiers.count)
        for (rank, slot) in ordered.enumerated() { expectedRanks[slot] = rank + 1 }
        var wrong: [String] = []
        for slot in naive.tiers.indices {
            if bits.tier(atSlot: slot) != naive.tiers[slot] { wrong.append("tier of \(slot)") }
            if bits.rank(ofSlot: slot) != expectedRanks[slot] { wrong.append("rank of \(slot)") }
        }
        for (rank, slot) in ordered.enumerated() where bits.slot(atRank: rank + 1) != slot {
            wrong.append("slot at \(rank + 1)")
        }
        if bits.slot(atRank: 0) != nil || bits.slot(atRank: ordered.count + 1) != nil { wrong.append("past the end") }
        for tier in 0..<TierBitmap.tierCount {
            let members = naive.tiers.indices.filter { naive.tiers[$0] == tier }
            var walked: [Int] = []
            var next = bits.nextSlot(inTier: tier, from: 0)
            while let slot = next {
                walked.append(slot)
                next = bits.nextSlot(inTier: tier, from: slot + 1)
            }
            if walked != members { wrong.append("walk of tier \(tier)") }
        }
        #expect(wrong.isEmpty, "\(comment.map { "\($0): " } ?? "")\(wrong.prefix(10))", sourceLocation: sourceLocation)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomChangesMatchAPlainArray(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        var bits = TierBitmap()
        var naive = NaiveTiers()
        for step in 0..<4000 {
            let roll = Int.random(in: 0..<100, using: &g)
            if roll < 30 || naive.tiers.isEmpty {
                bits.appendSlot()
                naive.tiers.append(nil)
            } else {
                let slot = Int.random(in: 0..<naive.tiers.count, using: &g)
                let tier: Int? = roll < 55 ? nil : Int.random(in: 0..<TierBitmap.tierCount, using: &g)
                bits.setTier(tier, atSlot: slot)
                naive.tiers[slot] = tier
            }
            guard step % 250 == 0 || step == 3999 else { continue }
            Self.check(bits, against: naive, "seed \(seed) step \(step)")
            let rebuilt = TierBitmap(codes: naive.tiers.map { $0.map { UInt8($0) } ?? .max }, absent: .max)
            #expect(rebuilt == bits)
            Self.check(rebuilt, against: naive, "rebuilt, seed \(seed) step \(step)")
        }
    }

    /// Queues that end just before, at and after block and tree boundaries, with members at the slots
    /// around them.
    @Test(arguments: [1, 63, 64, 65, 127, 128, 129, 191, 192, 193, 4095, 4096, 4097])
    func blockBoundaries(slots: Int) {
        var bits = TierBitmap()
        var naive = NaiveTiers()
        for _ in 0..<slots {
            bits.appendSlot()
            naive.tiers.append(nil)
        }
        Self.check(bits, against: naive, "\(slots) slots, all out")
        let edges = [0, 1, 62, 63, 64, 65, 126, 127, 128, 129, 191, 192, 4095, 4096].filter { $0 < slots }
        for (n, slot) in edges.enumerated() {
            bits.setTier(n % TierBitmap.tierCount, atSlot: slot)
            naive.tiers[slot] = n % TierBitmap.tierCount
        }
        Self.check(bits, against: naive, "\(slots) slots, edges in")
        for slot in 0..<slots where slot % 3 != 0 {
            bits.setTier(2 - slot % 3, atSlot: slot)
            naive.tiers[slot] = 2 - slot % 3
        }
        Self.check(bits, against: naive, "\(slots) slots, most in")
        for slot in edges {
            bits.setTier(nil, atSlot: slot)
            naive.tiers[slot] = nil
        }
        Self.check(bits, against: naive, "\(slots) slots, edges out")
        #expect(TierBitmap(codes: naive.tiers.map { $0.map { UInt8($0) } ?? .max }, absent: .max) == bits)
    }

    @Test func aFullBlockRanksEverySlot() {
        var bits = TierBitmap()
        for slot in 0..<128 {
            bits.appendSlot()
            bits.setTier(1, atSlot: slot)
        }
        #expect((0..<128).map { bits.rank(ofSlot: $0) } == (1...128).map { $0 })
        #expect((1...128).map { bits.slot(atRank: $0) } == (0..<128).map { $0 })
        bits.setTier(0, atSlot: 127)
        #expect(bits.rank(ofSlot: 127) == 1 && bits.rank(ofSlot: 0) == 2 && bits.rank(ofSlot: 126) == 128)
        #expect(bits.slot(atRank: 1) == 127 && bits.slot(atRank: 128) == 126 && bits.slot(atRank: 129) == nil)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func selectFindsTheKthSetBit(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        for density in [1, 4, 32, 63, 64] {
            for _ in 0..<200 {
                var word: UInt64 = 0
                for _ in 0..<density { word |= 1 << UInt64.random(in: 0..<64, using: &g) }
                let set = (0..<64).filter { word & (1 << UInt64($0)) != 0 }
                let selected = (1...set.count).map { TierBitmap.select($0, in: word) }
                #expect(selected == set, "word \(String(word, radix: 16))")
            }
        }
        #expect(TierBitmap.select(64, in: .max) == 63 && TierBitmap.select(1, in: 1 << 63) == 63)
    }
}
