import Kezek
import KezekDomainTestSupport

/// A national allocation round drawn from a seeded generator: 12 000 kindergartens in 200 districts of
/// 60, each publishing a bulletin for each of 3 age cohorts (100 000 seats in all), and 1 000 000
/// applicants, each ranking 1 to 4 kindergartens of its district (popular ones more often) and applying
/// to its cohort's bulletins there.
///
/// One applicant in 20 is ineligible (interest lapsed, stop-listed, holding a referral); 3 % are out of
/// turn and 15 % first priority; application times spread over five years, numbers following them.
/// With `siblings` percent of applicants having a sibling enrolled at one of their ranked kindergartens.
struct NationalRound {
    static let kindergartenCount = 12_000
    static let districtSize = 60
    static let cohorts = 3
    static let seats = 100_000
    static let applicants = 1_000_000

    let bulletins: [Allocation.Bulletin]
    let candidates: [Allocation.Candidate]

    init(seed: UInt64, siblings: Int = 0) {
        var g = SeededGenerator(seed: seed)
        let kindergartens = (0..<Self.kindergartenCount).map {
            try! KindergartenID(validating: "kg-\(String(100_000 + $0).dropFirst())")
        }
        // Seats: an even share each, the remainder spread one by one.
        let bulletinCount = Self.kindergartenCount * Self.cohorts
        var bulletins: [Allocation.Bulletin] = []
        bulletins.reserveCapacity(bulletinCount)
        for index in 0..<bulletinCount {
            let share = Self.seats / bulletinCount + (index < Self.seats % bulletinCount ? 1 : 0)
            bulletins.append(
                Allocation.Bulletin(
                    number: BulletinNumber(rawValue: UInt64(10_000 + index)),
                    kindergarten: kindergartens[index / Self.cohorts], seats: share))
        }
        let reasons: [PassOverReason] = [.interestLapsed, .stopListed, .holdsReferral]
        let start: Int64 = 1_640_995_200_000  // 2022-01-01
        let span: Int64 = 5 * 365 * 86_400_000
        var candidates: [Allocation.Candidate] = []
        candidates.reserveCapacity(Self.applicants)
        for index in 0..<Self.applicants {
            let district = Int.random(in: 0..<(Self.kindergartenCount / Self.districtSize), using: &g)
            let cohort = Int.random(in: 0..<Self.cohorts, using: &g)
            var ranked: [Int] = []
            let wanted = Int.random(in: 1...4, using: &g)
            while ranked.count < wanted {
                // Popular kindergartens (low indices in the district) are ranked more often.
                let u = Double.random(in: 0..<1, using: &g)
                let kindergarten = district * Self.districtSize + Int(u * u * Double(Self.districtSize))
                if !ranked.contains(kindergarten) { ranked.append(kindergarten) }
            }
            let applied = ranked.shuffled(using: &g).map {
                BulletinNumber(rawValue: UInt64(10_000 + $0 * Self.cohorts + cohort))
            }
            let tier: Tier = g.weighted([(3, .outOfTurn), (15, .firstPriority), (82, .general)])
            let number = ApplicationNumber(rawValue: UInt64(1 + index))
            let time = start + span * Int64(index) / Int64(Self.applicants)
            let hasSibling = Int.random(in: 0..<100, using: &g) < siblings
            candidates.append(
                Allocation.Candidate(
                    application: number,
                    position: QueuePosition(
                        tier: tier, submittedAt: Timestamp(millisecondsSinceEpoch: time), application: number),
                    ineligibility: Int.random(in: 0..<20, using: &g) == 0 ? reasons.randomElement(using: &g)! : nil,
                    rankedKindergartens: ranked.map { kindergartens[$0] }, appliedTo: applied,
                    siblingKindergartens: hasSibling ? [kindergartens[ranked.randomElement(using: &g)!]] : []))
        }
        self.bulletins = bulletins
        self.candidates = candidates
    }
}
