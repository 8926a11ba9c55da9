import KezekDomainTestSupport

@testable import Kezek

/// Random allocation rounds for the property tests: varied sizes, ties in time, ineligible applicants,
/// kindergartens ranked or not, several bulletins per kindergarten, bulletins applied to twice or not
/// closing, numbers close together or far apart, and now and then siblings.
struct AllocationInstance {
    var bulletins: [Allocation.Bulletin]
    var candidates: [Allocation.Candidate]

    static let reasons: [PassOverReason] = [
        .interestLapsed, .stopListed, .holdsReferral, .notInQueue, .referralExpired,
    ]

    /// An instance drawn from `g`; `siblings` is the percentage of candidates with an enrolled sibling.
    static func random(using g: inout SeededGenerator, siblings: Int = 0) -> AllocationInstance {
        let large = Int.random(in: 0..<10, using: &g) == 0
        let kindergartens = (0..<Int.random(in: 1...(large ? 12 : 5), using: &g)).map {
            try! KindergartenID(validating: "kg-\($0)")
        }
        // Sequential bulletin numbers usually; now and then far apart (the hashed number table).
        let sparse = Int.random(in: 0..<5, using: &g) == 0
        var numbers: Set<UInt64> = []
        let bulletinCount = Int.random(in: 1...(large ? 20 : 6), using: &g)
        while numbers.count < bulletinCount {
            numbers.insert(sparse ? UInt64.random(in: 1...(1 << 40), using: &g) : UInt64.random(in: 1...40, using: &g))
        }
        let bulletins = numbers.sorted().shuffled(using: &g).map {
            Allocation.Bulletin(
                number: BulletinNumber(rawValue: $0), kindergarten: kindergartens.randomElement(using: &g)!,
                seats: Int.random(in: 0..<8, using: &g) == 0 ? 0 : Int.random(in: 1...(large ? 12 : 4), using: &g))
        }
        // Times in a narrow range give ties; a wide spread of times and numbers now and then does not fit
        // one packed key (the comparison sort).
        let wide = Int.random(in: 0..<10, using: &g) == 0
        let timeRange: ClosedRange<Int64> =
            wide ? -(1 << 55)...(1 << 55) : 1_700_000_000_000...1_700_000_000_000 + Int64.random(in: 0...30, using: &g)
        var applications: Set<UInt64> = []
        let candidateCount = Int.random(in: 0...(large ? 150 : 30), using: &g)
        while applications.count < candidateCount {
            applications.insert(
                wide ? UInt64.random(in: 1...(1 << 50), using: &g) : UInt64.random(in: 1...5_000, using: &g))
        }
        let candidates = applications.sorted().map { raw in
            let number = ApplicationNumber(rawValue: raw)
            var applied = bulletins.map(\.number).shuffled(using: &g).prefix(
                Int.random(in: 0...bulletins.count, using: &g)
            )
            .map { $0 }
            if !applied.isEmpty, Int.random(in: 0..<10, using: &g) == 0 {
                applied.append(applied.randomElement(using: &g)!)
            }
            if Int.random(in: 0..<10, using: &g) == 0 {
                applied.insert(BulletinNumber(rawValue: 1 << 45 + UInt64.random(in: 0...9, using: &g)), at: 0)
            }
            let hasSibling = Int.random(in: 0..<100, using: &g) < siblings
            return Allocation.Candidate(
                application: number,
                position: QueuePosition(
                    tier: Tier.allCases.randomElement(using: &g)!,
                    submittedAt: Timestamp(millisecondsSinceEpoch: Int64.random(in: timeRange, using: &g)),
                    application: number),
                ineligibility: Int.random(in: 0..<6, using: &g) == 0 ? reasons.randomElement(using: &g)! : nil,
                rankedKindergartens: Array(kindergartens.shuffled(using: &g).prefix(Int.random(in: 0...4, using: &g))),
                appliedTo: applied,
                siblingKindergartens: hasSibling
                    ? Array(kindergartens.shuffled(using: &g).prefix(Int.random(in: 1...2, using: &g))) : [])
        }
        return AllocationInstance(bulletins: bulletins, candidates: candidates.shuffled(using: &g))
    }

    var kindergartenOf: [BulletinNumber: KindergartenID] {
        Dictionary(uniqueKeysWithValues: bulletins.map { ($0.number, $0.kindergarten) })
    }

    var seatsOf: [BulletinNumber: Int] {
        Dictionary(uniqueKeysWithValues: bulletins.map { ($0.number, max(0, $0.seats)) })
    }
}
