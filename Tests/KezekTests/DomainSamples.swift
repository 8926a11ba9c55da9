import KezekDomainTestSupport

@testable import Kezek

/// Random but valid domain values for the codec property tests, drawn from a `SeededGenerator`.
enum DomainSamples {
    static func iin(using generator: inout SeededGenerator, sex: Sex? = nil) -> IIN {
        while true {
            let year = Int.random(in: 0...99, using: &generator)
            let month = Int.random(in: 1...12, using: &generator)
            let day = Int.random(in: 1...28, using: &generator)
            let century: Int
            switch sex {
            case .male?: century = 5
            case .female?: century = 6
            case nil: century = Int.random(in: 3...6, using: &generator)
            }
            var digits = [year / 10, year % 10, month / 10, month % 10, day / 10, day % 10, century]
            for _ in 0..<4 {
                digits.append(Int.random(in: 0...9, using: &generator))
            }
            guard let check = IIN.checkDigit(forFirstEleven: digits) else { continue }
            digits.append(check)
            return try! IIN(parsing: digits.map(String.init).joined())
        }
    }

    static func phone(using generator: inout SeededGenerator) -> PhoneNumber {
        let operators = ["700", "701", "702", "705", "707", "747", "771", "775", "776", "777", "778"]
        let rest = (0..<7).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
        return try! PhoneNumber(parsing: "+7\(operators.randomElement(using: &generator)!)\(rest)")
    }

    static func locality(using generator: inout SeededGenerator) -> KATOCode {
        KATORegistry.standard.units.randomElement(using: &generator)!.code
    }

    static func language(using generator: inout SeededGenerator) -> LanguageCode {
        LanguageCode(rawValue: LanguageCode.known.randomElement(using: &generator)!.code)!
    }

    static func languages(using generator: inout SeededGenerator) -> [LanguageCode] {
        let all = LanguageCode.known.map { LanguageCode(rawValue: $0.code)! }.shuffled(using: &generator)
        return Array(all.prefix(Int.random(in: 1...3, using: &generator)))
    }

    static func groupType(using generator: inout SeededGenerator) -> GroupType {
        GroupType.allCases.randomElement(using: &generator)!
    }

    static func groupTypes(using generator: inout SeededGenerator) -> [GroupType] {
        Array(GroupType.allCases.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)))
    }

    static func category(using generator: inout SeededGenerator) -> PriorityCategory {
        PriorityCategory.allCases.randomElement(using: &generator)!
    }

    static func tier(using generator: inout SeededGenerator) -> Tier {
        Tier.allCases.randomElement(using: &generator)!
    }

    static func kindergarten(using generator: inout SeededGenerator) -> KindergartenID {
        let prefixes = ["almaty-kg-", "astana-", "балабақша-", "kg "]
        let prefix = prefixes.randomElement(using: &generator)!
        return try! KindergartenID(validating: "\(prefix)\(Int.random(in: 0...99_999, using: &generator))")
    }

    static func kindergartens(using generator: inout SeededGenerator) -> [KindergartenID] {
        var ids: [KindergartenID] = []
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            let id = kindergarten(using: &generator)
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// A time between 2019 and 2031, whole seconds or with milliseconds.
    static func time(using generator: inout SeededGenerator) -> Timestamp {
        var milliseconds = Int64.random(in: 1_546_300_800_000...1_924_992_000_000, using: &generator)
        if Bool.random(using: &generator) {
            milliseconds -= milliseconds % 1000
        }
        return Timestamp(millisecondsSinceEpoch: milliseconds)
    }

    static func date(using generator: inout SeededGenerator) -> CivilDate {
        CivilDate(daysSinceEpoch: Int.random(in: 17_000...22_000, using: &generator))
    }

    static func birthYear(using generator: inout SeededGenerator) -> Int {
        Int.random(in: 2018...2030, using: &generator)
    }

    static func number(using generator: inout SeededGenerator) -> UInt64 {
        Bool.random(using: &generator)
            ? UInt64.random(in: 1...1_000_000, using: &generator)
            : UInt64.random(in: 1...UInt64(Int64.max), using: &generator)
    }

    static func application(using generator: inout SeededGenerator) -> ApplicationNumber {
        ApplicationNumber(rawValue: number(using: &generator))
    }

    static func bulletin(using generator: inout SeededGenerator) -> BulletinNumber {
        BulletinNumber(rawValue: number(using: &generator))
    }

    static func referral(using generator: inout SeededGenerator) -> ReferralNumber {
        ReferralNumber(rawValue: number(using: &generator))
    }

    static func text(using generator: inout SeededGenerator) -> String {
        let words = ["certificate", "анықтама", "справка", "No. 17", "\"quoted\"", "line\nbreak", "😀", "tab\t"]
        return (0..<Int.random(in: 1...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            .joined(separator: " ")
    }

    static func optionalText(using generator: inout SeededGenerator) -> String? {
        Bool.random(using: &generator) ? text(using: &generator) : nil
    }

    static func claim(using generator: inout SeededGenerator) -> PriorityClaim {
        PriorityClaim(
            category: category(using: &generator),
            documents: (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                SupportingDocument(name: text(using: &generator), issuedOn: date(using: &generator))
            })
    }

    static func optionalClaim(using generator: inout SeededGenerator) -> PriorityClaim? {
        Bool.random(using: &generator) ? claim(using: &generator) : nil
    }

    static func name(using generator: inout SeededGenerator) -> KindergartenName {
        KindergartenName(
            kazakh: "№\(Int.random(in: 1...300, using: &generator)) «Балапан» бөбекжайы",
            russian: "Ясли-сад №\(Int.random(in: 1...300, using: &generator)) \"Балапан\"")
    }
}
