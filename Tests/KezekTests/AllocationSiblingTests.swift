import KezekDomainTestSupport
import Testing

@testable import Kezek

/// Sibling priority and deferred acceptance.
@Suite struct AllocationSiblingTests {
    @Test(arguments: [51, 52, 53] as [UInt64])
    func deferredAcceptanceIsStableAndMatchesTheTextbook(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        var roundsWithSiblings = 0
        for _ in 0..<150 {
            let instance = AllocationInstance.random(using: &g, siblings: 30)
            let round = Allocation.Round(
                bulletins: instance.bulletins, candidates: instance.candidates, siblingPriority: true)
            let result = round.allocate()
            #expect(result.algorithm == (round.hasSiblingCases ? .deferredAcceptance : .serialDictatorship))
            if round.hasSiblingCases { roundsWithSiblings += 1 }
            let outcomes = round.allocate(using: .deferredAcceptance).outcomes
            AllocationChecks.expectSeatsAccountedFor(instance, outcomes)
            let blocking = AllocationChecks.blockingPairs(instance, outcomes, siblingPriority: true)
            #expect(blocking.isEmpty, "seed \(seed): \(blocking)")

            let matching = AllocationReference.deferredAcceptance(
                instance.bulletins, instance.candidates, siblingPriority: true)
            let expected = AllocationReference.outcomes(
                of: matching, instance.bulletins, instance.candidates, siblingPriority: true)
            let kindergartenOf = instance.kindergartenOf
            let byApplication = Dictionary(uniqueKeysWithValues: instance.candidates.map { ($0.application, $0) })
            let actual = outcomes.map {
                AllocationReference.Outcome(
                    admitted: $0.admitted, passedOver: $0.passedOver, unfilledSeats: $0.unfilledSeats)
            }
            #expect(actual == instance.bulletins.map { expected[$0.number]! }, "seed \(seed)")
            let withSibling = outcomes.map { outcome in
                outcome.admitted.filter {
                    byApplication[$0]!.siblingKindergartens.contains(kindergartenOf[outcome.bulletin]!)
                }
            }
            #expect(outcomes.map(\.siblingPriority) == withSibling)
        }
        #expect(roundsWithSiblings > 30)
    }

    @Test(arguments: [61, 62] as [UInt64])
    func deferredAcceptanceGivesTheSerialDictatorshipResultWithoutSiblingCases(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        for _ in 0..<150 {
            let instance = AllocationInstance.random(using: &g, siblings: 30)
            // Without the policy, siblings give no priority; with it, instances without siblings have none.
            for (candidates, policy) in [
                (instance.candidates, false),
                (
                    instance.candidates.map {
                        var c = $0
                        c.siblingKindergartens = []
                        return c
                    }, true
                ),
            ] {
                let round = Allocation.Round(
                    bulletins: instance.bulletins, candidates: candidates, siblingPriority: policy)
                #expect(!round.hasSiblingCases)
                #expect(round.allocate(using: .deferredAcceptance).outcomes == round.allocate().outcomes)
            }
        }
    }

    static let x = DomainFixtures.id("kg-x")
    static let y = DomainFixtures.id("kg-y")

    static func candidate(
        _ number: UInt64, _ applied: [BulletinNumber], sibling: KindergartenID? = nil
    ) -> Allocation.Candidate {
        let application = ApplicationNumber(rawValue: number)
        return Allocation.Candidate(
            application: application,
            position: QueuePosition(
                tier: .general, submittedAt: Timestamp(millisecondsSinceEpoch: 1_000 * Int64(number)),
                application: application),
            ineligibility: nil, rankedKindergartens: [], appliedTo: applied,
            siblingKindergartens: sibling.map { [$0] } ?? [])
    }

    /// Queue order is 1, 2, 3. Application 3 has a sibling at x: x takes it before 1, 1 moves on to y and
    /// takes it before 2, which finds x held by 3 and gets nothing.
    @Test func siblingPriorityMovesAnApplicantUpAndTheDisplacedOneOn() {
        let bulletins = [
            Allocation.Bulletin(number: 1, kindergarten: Self.x, seats: 1),
            Allocation.Bulletin(number: 2, kindergarten: Self.y, seats: 1),
        ]
        let candidates = [
            Self.candidate(1, [1, 2]), Self.candidate(2, [2, 1]), Self.candidate(3, [1], sibling: Self.x),
        ]
        let without = Allocation.Round(bulletins: bulletins, candidates: candidates).allocate()
        #expect(without.algorithm == .serialDictatorship)
        #expect(without.outcomes.map(\.admitted) == [[1], [2]])

        let with = Allocation.Round(bulletins: bulletins, candidates: candidates, siblingPriority: true).allocate()
        #expect(with.algorithm == .deferredAcceptance)
        #expect(with.outcomes.map(\.admitted) == [[3], [1]])
        #expect(with.outcomes.map(\.siblingPriority) == [[3], []])
        #expect(with.outcomes.allSatisfy { $0.passedOver.isEmpty && $0.unfilledSeats == 0 })
    }

    /// Sibling priority acts within a tier: a first-priority applicant still comes before it.
    @Test func siblingPriorityStaysWithinItsTier() {
        let bulletins = [Allocation.Bulletin(number: 1, kindergarten: Self.x, seats: 1)]
        var first = Self.candidate(2, [1])
        first.position.tier = .firstPriority
        let sibling = Self.candidate(1, [1], sibling: Self.x)
        let result = Allocation.Round(bulletins: bulletins, candidates: [sibling, first], siblingPriority: true)
            .allocate()
        #expect(result.algorithm == .deferredAcceptance)
        #expect(result.outcomes[0].admitted == [2])
        #expect(result.outcomes[0].siblingPriority == [])
    }
}
