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
}
