import Kezek
import KezekDomainTestSupport

/// The events a busy queue writes most, in realistic proportions and with realistic values: application
/// numbers in the hundreds of thousands, IINs of parents and young children, Almaty districts, one to
/// four ranked kindergartens, a priority claim on about one application in five.
///
/// Per 100 events: 40 `bulletinApplied` (families apply to several bulletins), 25 `interestConfirmed`,
/// 15 `applicationSubmitted`, 8 `referralIssued`, 7 `applicationWithdrawn`, 5 `priorityVerified`.
enum TypicalEvents {
    /// The proportions of the mix, per 100 events.
    static let proportions: [(weight: Int, value: EventType)] = [
        (40, .bulletinApplied),
        (25, .interestConfirmed),
        (15, .applicationSubmitted),
        (8, .referralIssued),
        (7, .applicationWithdrawn),
        (5, .priorityVerified),
    ]

    /// `count` events of the mix, the same ones on every run.
    static func mix(count: Int, seed: UInt64 = 0x4B45_5A45_4B) -> [Event] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in event(of: generator.weighted(proportions), using: &generator) }
    }

    static let policy = PolicyVersion(rawValue: "2024")

    /// Almaty city districts (all in the standard KATO registry).
    static let localities: [KATOCode] = [751_110_000, 751_210_000, 751_310_000, 751_410_000].map {
        KATOCode(rawValue: $0)!
    }

    static func event(of type: EventType, using g: inout SeededGenerator) -> Event {
        switch type {
        case .applicationSubmitted:
            let child = iin(bornIn: 2019...2024, using: &g)
            let priority = claim(using: &g)
            return .applicationSubmitted(
                .init(
                    application: application(using: &g), applicant: iin(bornIn: 1980...1998, using: &g), child: child,
                    key: QueueKey(
                        locality: localities.randomElement(using: &g)!, birthYear: child.birthDate.year,
                        language: g.weighted([(7, .kazakh), (3, .russian)]), groupType: .general),
                    submittedAt: time(using: &g), tier: priority == nil ? .general : .firstPriority, priority: priority,
                    policy: policy,
                    kindergartens: kindergartens(count: Int.random(in: 1...4, using: &g), using: &g)))
        case .bulletinApplied:
            return .bulletinApplied(.init(application: application(using: &g), bulletin: bulletin(using: &g)))
        case .interestConfirmed:
            return .interestConfirmed(
                .init(application: application(using: &g), validUntil: time(using: &g), policy: policy))
        case .referralIssued:
            let issuedAt = time(using: &g)
            return .referralIssued(
                .init(
                    referral: ReferralNumber(rawValue: UInt64.random(in: 1...80_000, using: &g)),
                    application: application(using: &g), bulletin: bulletin(using: &g),
                    kindergarten: kindergarten(using: &g), issuedAt: issuedAt, confirmBy: issuedAt.adding(days: 2),
                    policy: policy))
        case .applicationWithdrawn:
            return .applicationWithdrawn(.init(application: application(using: &g)))
        case .priorityVerified:
            return .priorityVerified(
                .init(
                    application: application(using: &g), category: PriorityCategory.allCases.randomElement(using: &g)!,
                    reason: nil, policy: policy))
        default:
            preconditionFailure("\(type) is not part of the typical mix")
        }
    }

    static func application(using g: inout SeededGenerator) -> ApplicationNumber {
        ApplicationNumber(rawValue: UInt64.random(in: 150_000...900_000, using: &g))
    }

    static func bulletin(using g: inout SeededGenerator) -> BulletinNumber {
        BulletinNumber(rawValue: UInt64.random(in: 1...20_000, using: &g))
    }

    /// A time in 2024 to 2026, to the millisecond.
    static func time(using g: inout SeededGenerator) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: Int64.random(in: 1_704_067_200_000...1_798_761_600_000, using: &g))
    }

    static func kindergarten(using g: inout SeededGenerator) -> KindergartenID {
        try! KindergartenID(validating: "almaty-kg-\(Int.random(in: 1...950, using: &g))")
    }

    static func kindergartens(count: Int, using g: inout SeededGenerator) -> [KindergartenID] {
        var ids: [KindergartenID] = []
        while ids.count < count {
            let id = kindergarten(using: &g)
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// A priority claim on about one application in five.
    static func claim(using g: inout SeededGenerator) -> PriorityClaim? {
        guard Int.random(in: 0..<5, using: &g) == 0 else { return nil }
        let issuedOn = CivilDate(daysSinceEpoch: Int.random(in: 19_700...20_500, using: &g))
        return PriorityClaim(
            category: g.weighted([(6, .largeFamily), (2, .disabledChild), (1, .military), (1, .teacher)]),
            documents: [SupportingDocument(name: "certificate", issuedOn: issuedOn)])
    }

    /// A valid IIN of someone born in `years`.
    static func iin(bornIn years: ClosedRange<Int>, using g: inout SeededGenerator) -> IIN {
        while true {
            let year = Int.random(in: years, using: &g)
            let month = Int.random(in: 1...12, using: &g)
            let day = Int.random(in: 1...28, using: &g)
            let century = (year / 100 - 18) * 2 + Int.random(in: 1...2, using: &g)
            var digits = [year % 100 / 10, year % 10, month / 10, month % 10, day / 10, day % 10, century]
            for _ in 0..<4 { digits.append(Int.random(in: 0...9, using: &g)) }
            guard let check = IIN.checkDigit(forFirstEleven: digits) else { continue }
            digits.append(check)
            return try! IIN(parsing: digits.map(String.init).joined())
        }
    }
}
