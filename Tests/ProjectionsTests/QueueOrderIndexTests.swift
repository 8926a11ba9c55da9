import Kezek
import KezekDomainTestSupport
import Projections
import Testing

/// The order-statistic index alone, against a naive sorted array, under random slots, entries, tier
/// changes and departures (slots added out of time order too).
@Suite struct QueueOrderIndexTests {
    /// What the index should say, computed the slow way.
    struct NaiveQueue {
        var members: [ApplicationNumber: (tier: Tier, time: Int64)] = [:]

        var ordered: [ApplicationNumber] {
            members.sorted {
                ($0.value.tier.rawValue, $0.value.time, $0.key) < ($1.value.tier.rawValue, $1.value.time, $1.key)
            }
            .map(\.key)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomOperationsMatchANaiveSort(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        var index = QueueOrderIndex()
        var naive = NaiveQueue()
        var times: [ApplicationNumber: Int64] = [:]
        var next: UInt64 = 1
        for step in 0..<3000 {
            let roll = Int.random(in: 0..<100, using: &g)
            if roll < 35 || times.isEmpty {
                // Mostly in time order; sometimes earlier than what is there.
                let time = Int64(next) * 1000 - (roll < 5 ? Int64.random(in: 0...200_000, using: &g) : 0)
                let number = ApplicationNumber(rawValue: next)
                next += 1
                let (slot, _) = index.addSlot(for: number, submittedAt: Timestamp(millisecondsSinceEpoch: time))
                times[number] = time
                let tier = Tier.allCases.randomElement(using: &g)!
                index.enter(slot: slot, tier: tier)
                naive.members[number] = (tier, time)
            } else {
                let number = times.keys.sorted().randomElement(using: &g)!
                let slot = index.slot(of: number, submittedAt: Timestamp(millisecondsSinceEpoch: times[number]!))!
                if roll < 70 {
                    index.leave(slot: slot)
                    naive.members[number] = nil
                } else {
                    let tier = Tier.allCases.randomElement(using: &g)!
                    index.enter(slot: slot, tier: tier)
                    naive.members[number] = (tier, times[number]!)
                }
            }
            guard step % 50 == 0 || step == 2999 else { continue }
            let ordered = naive.ordered
            #expect(index.count == ordered.count)
            #expect(index.applications(limit: .max).map(\.application) == ordered, "seed \(seed) step \(step)")
            for (rank, number) in ordered.enumerated() {
                let slot = index.slot(of: number, submittedAt: Timestamp(millisecondsSinceEpoch: times[number]!))!
                #expect(index.rank(ofSlot: slot) == rank + 1)
                #expect(index.slot(atRank: rank + 1) == slot)
            }
            for number in times.keys where naive.members[number] == nil {
                let slot = index.slot(of: number, submittedAt: Timestamp(millisecondsSinceEpoch: times[number]!))!
                #expect(index.rank(ofSlot: slot) == nil)
            }
            let offset = Int.random(in: 0...max(0, ordered.count), using: &g)
            let page = index.applications(offset: offset, limit: 7)
            #expect(page.map(\.application) == Array(ordered.dropFirst(offset).prefix(7)))
            #expect(page.map(\.queueNumber) == Array((offset + 1)..<(offset + 1 + page.count)))
        }
    }

    @Test func emptyAndOutOfRangeQueriesAnswerNothing() {
        var index = QueueOrderIndex()
        #expect(index.slot(atRank: 1) == nil)
        #expect(index.applications(limit: 10).isEmpty)
        let (slot, shifted) = index.addSlot(for: 7, submittedAt: Timestamp(millisecondsSinceEpoch: 5))
        #expect(slot == 0 && !shifted)
        #expect(index.rank(ofSlot: 0) == nil)
        index.enter(slot: 0, tier: .general)
        #expect(index.rank(ofSlot: 0) == 1)
        #expect(index.slot(atRank: 2) == nil)
        #expect(index.applications(offset: 1, limit: 10).isEmpty)
        #expect(index.addSlot(for: 7, submittedAt: Timestamp(millisecondsSinceEpoch: 5)) == (0, false))
    }

    @Test func anEarlierSlotShiftsTheLaterOnesAndKeepsTheirTiers() {
        var index = QueueOrderIndex()
        for number in 1...5 as ClosedRange<UInt64> {
            let (slot, _) = index.addSlot(
                for: ApplicationNumber(rawValue: number),
                submittedAt: Timestamp(millisecondsSinceEpoch: Int64(number) * 10))
            index.enter(slot: slot, tier: number == 3 ? .outOfTurn : .general)
        }
        let (slot, shifted) = index.addSlot(for: 9, submittedAt: Timestamp(millisecondsSinceEpoch: 15))
        #expect(slot == 1 && shifted)
        index.enter(slot: slot, tier: .general)
        #expect(index.applications(limit: 10).map(\.application.rawValue) == [3, 1, 9, 2, 4, 5])
    }

    /// Slots inserted before others move the later ones up a slot, across the 64-slot blocks of the tier
    /// bits: every rank and every page still match the naive order.
    @Test(arguments: [0, 1, 62, 63, 64, 65, 127, 128, 129, 190])
    func anEarlierSlotShiftsAcrossBlockBoundaries(insertAt target: Int) {
        var index = QueueOrderIndex()
        var naive = NaiveQueue()
        var times: [ApplicationNumber: Int64] = [:]
        for number in 1...192 as ClosedRange<UInt64> {
            let time = Int64(number) * 10
            let (slot, _) = index.addSlot(
                for: ApplicationNumber(rawValue: number), submittedAt: Timestamp(millisecondsSinceEpoch: time))
            times[ApplicationNumber(rawValue: number)] = time
            guard number % 5 != 0 else { continue }
            let tier = Tier(rawValue: Int(number % 3))!
            index.enter(slot: slot, tier: tier)
            naive.members[ApplicationNumber(rawValue: number)] = (tier, time)
        }
        // Just before the slot at `target`: it lands there, and that slot and the ones after it move up.
        let early = ApplicationNumber(rawValue: 1000)
        let time = Int64(target + 1) * 10 - 5
        let (slot, shifted) = index.addSlot(for: early, submittedAt: Timestamp(millisecondsSinceEpoch: time))
        #expect(slot == target && shifted)
        times[early] = time
        index.enter(slot: slot, tier: .firstPriority)
        naive.members[early] = (.firstPriority, time)
        let ordered = naive.ordered
        #expect(index.slotCount == 193 && index.count == ordered.count)
        #expect(index.applications(limit: .max).map(\.application) == ordered)
        for (rank, number) in ordered.enumerated() {
            let slot = index.slot(of: number, submittedAt: Timestamp(millisecondsSinceEpoch: times[number]!))!
            #expect(index.rank(ofSlot: slot) == rank + 1, "\(number)")
            #expect(index.slot(atRank: rank + 1) == slot)
        }
        for offset in [0, 1, 63, 64, 100, ordered.count - 1] {
            let page = index.applications(offset: offset, limit: 65)
            #expect(page.map(\.application) == Array(ordered.dropFirst(offset).prefix(65)), "offset \(offset)")
            #expect(page.map(\.queueNumber) == Array((offset + 1)..<(offset + 1 + page.count)))
        }
        for tier in Tier.allCases {
            #expect(index.count(in: tier) == naive.members.values.count { $0.tier == tier })
        }
    }

    @Test func aPageRunsOnFromOneTierIntoTheNext() {
        var index = QueueOrderIndex()
        for number in 1...300 as ClosedRange<UInt64> {
            let (slot, _) = index.addSlot(
                for: ApplicationNumber(rawValue: number),
                submittedAt: Timestamp(millisecondsSinceEpoch: Int64(number)))
            // Tier 0 at the far end, tier 1 nowhere, tier 2 at the start.
            if number > 290 { index.enter(slot: slot, tier: .outOfTurn) }
            if number <= 3 { index.enter(slot: slot, tier: .general) }
        }
        let page = index.applications(offset: 8, limit: 10)
        #expect(page.map(\.application.rawValue) == [299, 300, 1, 2, 3])
        #expect(page.map(\.tier) == [.outOfTurn, .outOfTurn, .general, .general, .general])
        #expect(page.map(\.queueNumber) == [9, 10, 11, 12, 13])
        #expect(index.applications(offset: 13, limit: 1).isEmpty)
    }
}
