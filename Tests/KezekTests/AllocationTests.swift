import KezekDomainTestSupport
import Testing

@testable import Kezek

@Suite struct AllocationTests {
    /// A random instance: a few bulletins of a few kindergartens, candidates applying to some of them.
    static func instance(using g: inout SeededGenerator) -> ([Allocation.Bulletin], [Allocation.Candidate]) {
        let kindergartens = (0..<Int.random(in: 1...4, using: &g)).map { try! KindergartenID(validating: "kg-\($0)") }
        let bulletins = (1...Int.random(in: 1...5, using: &g)).map {
            Allocation.Bulletin(
                number: BulletinNumber(rawValue: UInt64($0)), kindergarten: kindergartens.randomElement(using: &g)!,
                seats: Int.random(in: 1...4, using: &g))
        }
        let reasons: [PassOverReason] = [.interestLapsed, .stopListed, .holdsReferral, .notInQueue, .referralExpired]
        let candidates = (1...Int.random(in: 1...25, using: &g)).map { number in
            let applied = bulletins.map(\.number).shuffled(using: &g).prefix(
                Int.random(in: 1...bulletins.count, using: &g))
            return Allocation.Candidate(
                application: ApplicationNumber(rawValue: UInt64(number)),
                position: QueuePosition(
                    tier: Tier.allCases.randomElement(using: &g)!,
                    submittedAt: Timestamp(millisecondsSinceEpoch: Int64.random(in: 0...20, using: &g)),
                    application: ApplicationNumber(rawValue: UInt64(number))),
                ineligibility: Int.random(in: 0..<5, using: &g) == 0 ? reasons.randomElement(using: &g)! : nil,
                rankedKindergartens: Array(kindergartens.shuffled(using: &g).prefix(Int.random(in: 0...3, using: &g))),
                appliedTo: Array(applied))
        }
        return (bulletins, candidates.shuffled(using: &g))
    }

    /// The contract's rule, written out plainly: go down the queue; each eligible applicant looks at every
    /// bulletin it applied to, scores it (rank of its kindergarten, then the order applied) and takes the
    /// best one with a seat left.
    static func naive(_ bulletins: [Allocation.Bulletin], _ candidates: [Allocation.Candidate]) -> [BulletinNumber:
        [ApplicationNumber]]
    {
        var seats: [BulletinNumber: Int] = [:]
        var kindergarten: [BulletinNumber: KindergartenID] = [:]
        for bulletin in bulletins {
            seats[bulletin.number] = bulletin.seats
            kindergarten[bulletin.number] = bulletin.kindergarten
        }
        var admitted: [BulletinNumber: [ApplicationNumber]] = [:]
        let queue = candidates.sorted {
            (
                $0.position.tier.rawValue, $0.position.submittedAt.millisecondsSinceEpoch,
                $0.position.application.rawValue
            )
                < (
                    $1.position.tier.rawValue, $1.position.submittedAt.millisecondsSinceEpoch,
                    $1.position.application.rawValue
                )
        }
        for candidate in queue where candidate.ineligibility == nil {
            var best: (score: Int, bulletin: BulletinNumber)?
            for (order, bulletin) in candidate.appliedTo.enumerated() where (seats[bulletin] ?? 0) > 0 {
                let rank = candidate.rankedKindergartens.firstIndex(of: kindergarten[bulletin]!) ?? 100
                let score = rank * 1000 + order
                if best == nil || score < best!.score { best = (score, bulletin) }
            }
            if let best {
                seats[best.bulletin]! -= 1
                admitted[best.bulletin, default: []].append(candidate.application)
            }
        }
        return admitted
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func matchesTheContractsRuleWrittenPlainly(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let (bulletins, candidates) = Self.instance(using: &g)
            let outcomes = Allocation.allocate(bulletins: bulletins, candidates: candidates)
            let expected = Self.naive(bulletins, candidates)
            #expect(outcomes.map(\.bulletin) == bulletins.map(\.number))
            for (outcome, bulletin) in zip(outcomes, bulletins) {
                #expect(outcome.admitted == expected[bulletin.number] ?? [])
                #expect(outcome.unfilledSeats == bulletin.seats - outcome.admitted.count)
                #expect(outcome.cutOff == outcome.admitted.last)
            }
            checkStability(bulletins, candidates, outcomes)
        }
    }

    /// Nobody is admitted twice or while ineligible, and nobody eligible envies a seat: every bulletin an
    /// applicant prefers to what it got is full of applicants ahead of it.
    func checkStability(
        _ bulletins: [Allocation.Bulletin], _ candidates: [Allocation.Candidate], _ outcomes: [Allocation.Outcome]
    ) {
        let byNumber = Dictionary(uniqueKeysWithValues: bulletins.map { ($0.number, $0) })
        let position = Dictionary(uniqueKeysWithValues: candidates.map { ($0.application, $0.position) })
        var won: [ApplicationNumber: BulletinNumber] = [:]
        for outcome in outcomes {
            #expect(outcome.admitted.count <= byNumber[outcome.bulletin]!.seats)
            for application in outcome.admitted {
                #expect(won.updateValue(outcome.bulletin, forKey: application) == nil)
            }
            let positions = outcome.admitted.map { position[$0]! }
            #expect(positions == positions.sorted())
        }
        let admittedBy = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.bulletin, $0.admitted) })
        for candidate in candidates {
            if candidate.ineligibility != nil {
                #expect(won[candidate.application] == nil)
                continue
            }
            let preferences = Allocation.preferences(of: candidate, among: byNumber)
            for bulletin in preferences {
                if won[candidate.application] == bulletin { break }
                let taken = admittedBy[bulletin] ?? []
                #expect(taken.count == byNumber[bulletin]!.seats)
                #expect(taken.allSatisfy { position[$0]! < candidate.position })
            }
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
    }
}
