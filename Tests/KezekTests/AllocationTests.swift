import KezekDomainTestSupport
import Testing

@testable import Kezek

@Suite struct AllocationTests {
    /// Compares a result with the plain reference, bulletin by bulletin.
    func expectReferenceResult(
        _ instance: AllocationInstance, _ outcomes: [Allocation.Outcome],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected = AllocationReference.serialDictatorship(instance.bulletins, instance.candidates)
        let actual = outcomes.map {
            AllocationReference.Outcome(
                admitted: $0.admitted, passedOver: $0.passedOver, unfilledSeats: $0.unfilledSeats)
        }
        #expect(actual == instance.bulletins.map { expected[$0.number]! }, sourceLocation: sourceLocation)
        #expect(outcomes.allSatisfy { $0.siblingPriority.isEmpty }, sourceLocation: sourceLocation)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func matchesTheContractsRuleWrittenPlainly(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        for _ in 0..<200 {
            let instance = AllocationInstance.random(using: &g)
            let result = Allocation.Round(bulletins: instance.bulletins, candidates: instance.candidates).allocate()
            #expect(result.algorithm == .serialDictatorship)
            expectReferenceResult(instance, result.outcomes)
            AllocationChecks.expectSeatsAccountedFor(instance, result.outcomes)
            let blocking = AllocationChecks.blockingPairs(instance, result.outcomes, siblingPriority: false)
            #expect(blocking.isEmpty, "seed \(seed): \(blocking)")
        }
    }

    @Test(arguments: [21, 22] as [UInt64])
    func siblingsCountForNothingWithoutTheirPolicy(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        for _ in 0..<100 {
            let instance = AllocationInstance.random(using: &g, siblings: 40)
            let round = Allocation.Round(bulletins: instance.bulletins, candidates: instance.candidates)
            #expect(!round.hasSiblingCases)
            let result = round.allocate()
            #expect(result.algorithm == .serialDictatorship)
            expectReferenceResult(instance, result.outcomes)
        }
    }

    @Test func theConvenienceEntryAllocatesTheSameWay() {
        var g = SeededGenerator(seed: 31)
        for _ in 0..<50 {
            let instance = AllocationInstance.random(using: &g)
            #expect(
                Allocation.allocate(bulletins: instance.bulletins, candidates: instance.candidates)
                    == Allocation.Round(bulletins: instance.bulletins, candidates: instance.candidates).allocate()
                    .outcomes)
        }
    }

    @Test func rankedKindergartensComeFirstThenTheOrderApplied() {
        let a = try! KindergartenID(validating: "a")
        let b = try! KindergartenID(validating: "b")
        let bulletins = [
            Allocation.Bulletin(number: 1, kindergarten: a, seats: 1),
            Allocation.Bulletin(number: 2, kindergarten: b, seats: 1),
            Allocation.Bulletin(number: 3, kindergarten: b, seats: 1),
        ]
        let candidate = Allocation.Candidate(
            application: 1,
            position: QueuePosition(tier: .general, submittedAt: Timestamp(millisecondsSinceEpoch: 0), application: 1),
            ineligibility: nil, rankedKindergartens: [b], appliedTo: [1, 7, 3, 2])
        let byNumber = Dictionary(uniqueKeysWithValues: bulletins.map { ($0.number, $0) })
        #expect(Allocation.preferences(of: candidate, among: byNumber) == [3, 2, 1])
        let outcomes = Allocation.allocate(bulletins: bulletins, candidates: [candidate])
        #expect(outcomes.map(\.admitted) == [[], [], [1]])
        #expect(outcomes[1].passedOver == [PassedOver(application: 1, reason: .admittedElsewhere)])
        #expect(outcomes[0].passedOver == [PassedOver(application: 1, reason: .admittedElsewhere)])
    }

    @Test func aRepeatedBulletinNumberGetsNoApplicants() {
        let a = try! KindergartenID(validating: "a")
        let bulletins = [
            Allocation.Bulletin(number: 5, kindergarten: a, seats: 1),
            Allocation.Bulletin(number: 5, kindergarten: a, seats: 2),
        ]
        let candidates = (1...3).map { number in
            Allocation.Candidate(
                application: ApplicationNumber(rawValue: UInt64(number)),
                position: QueuePosition(
                    tier: .general, submittedAt: Timestamp(millisecondsSinceEpoch: 0),
                    application: ApplicationNumber(rawValue: UInt64(number))),
                ineligibility: nil, rankedKindergartens: [], appliedTo: [5])
        }
        let outcomes = Allocation.allocate(bulletins: bulletins, candidates: candidates)
        #expect(outcomes[0].admitted == [1])
        #expect(outcomes[1].admitted == [])
        #expect(outcomes[1].unfilledSeats == 2)
    }

    @Test func radixSortOrdersLikeTheStandardSort() {
        var g = SeededGenerator(seed: 41)
        for size in [0, 1, 2, 3, 100, 5_000] {
            for spread in [UInt64(3), 1 << 20, .max] {
                let keys = (0..<size).map { _ in UInt64.random(in: 0...spread, using: &g) }
                #expect(RadixSort.sorted(keys) == keys.sorted())
                let order = RadixSort.order(of: keys).map(Int.init)
                #expect(order == keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) })
            }
        }
    }

    @Test func numberTableFindsWhatItWasGiven() {
        var g = SeededGenerator(seed: 42)
        for spread in [UInt64(50), 1 << 40, .max] {
            let numbers = (0..<300).map { _ in UInt64.random(in: 0...spread, using: &g) }
            let table = NumberTable(numbers)
            for (index, number) in numbers.enumerated() {
                #expect(table.index(of: number) == numbers.firstIndex(of: number)!, "index \(index)")
            }
            for _ in 0..<300 {
                let probe = UInt64.random(in: 0...spread, using: &g)
                #expect(table.index(of: probe) == (numbers.firstIndex(of: probe) ?? -1))
            }
        }
        #expect(NumberTable([]).index(of: 7) == -1)
    }

    @Test func theApplicantsTableGivesBackItsRows() {
        var g = SeededGenerator(seed: 43)
        for _ in 0..<50 {
            let instance = AllocationInstance.random(using: &g, siblings: 30)
            let table = Allocation.Applicants(instance.candidates)
            #expect(table.count == instance.candidates.count)
            #expect((0..<table.count).map { table[$0] } == instance.candidates)
        }
    }

    /// Rows in number order with times that never go back take the counting sort by tier; others the
    /// radix sort of packed keys, or the comparison sort when the keys do not fit in 64 bits.
    @Test(arguments: ["counting", "radix", "comparison"])
    func queueOrderIsTheOrderOfTierTimeAndNumber(path: String) {
        var g = SeededGenerator(seed: 44)
        for _ in 0..<40 {
            let count = Int.random(in: 0...300, using: &g)
            var rows: [(tier: UInt8, time: Int64, number: UInt64)] = []
            var time: Int64 = 1_700_000_000_000
            for number in 1...max(1, count) where number <= count {
                switch path {
                case "counting":
                    time += Int64.random(in: 0...2, using: &g)
                    rows.append((UInt8.random(in: 0...2, using: &g), time, UInt64(number)))
                case "radix":
                    rows.append(
                        (
                            UInt8.random(in: 0...2, using: &g), time + Int64.random(in: 0...5, using: &g),
                            UInt64.random(in: 1...1_000_000, using: &g)
                        ))
                default:
                    rows.append(
                        (
                            UInt8.random(in: 0...2, using: &g), Int64.random(in: -(1 << 60)...(1 << 60), using: &g),
                            UInt64.random(in: 1...(1 << 60), using: &g)
                        ))
                }
            }
            let order = Allocation.Round.queueOrder(
                tiers: rows.map(\.tier), times: rows.map(\.time), numbers: rows.map(\.number)
            ).map(Int.init)
            let expected = rows.indices.sorted {
                (rows[$0].tier, rows[$0].time, rows[$0].number, $0) < (
                    rows[$1].tier, rows[$1].time, rows[$1].number, $1
                )
            }
            #expect(order == expected)
        }
    }
}
