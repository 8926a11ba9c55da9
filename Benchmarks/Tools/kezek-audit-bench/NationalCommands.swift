import Kezek
import KezekDomainTestSupport

/// A seeded stream of `apply` lines shaped like the national queue: families registering, adding a
/// child and applying (a fifth with a priority claim) across 70 localities, interest confirmations,
/// and every 2,000 commands a round of bulletins that applicants of the same queue key apply to, a
/// tick that allocates them, and confirmed referrals. Reads the engine's state to pick real numbers.
struct NationalCommands {
    static let localities: [String] = """
        101000000 102000000 103400000 111000000 113600000 114200000 151010000 151011100 151013100 155600000 \
        191000000 195200000 196200000 231010000 233600000 271010000 273600000 311010000 311011100 311013100 \
        314800000 331000000 331800000 334600000 351010000 351011100 351013100 352400000 391010000 392400000 \
        394400000 431010000 433200000 471010000 471800000 473600000 551010000 552200000 553600000 591010000 \
        593200000 611000000 611600000 612000000 615600000 621010000 621800000 623200000 631010000 632400000 \
        634200000 711110000 711210000 711310000 711410000 711510000 711610000 751110000 751210000 751310000 \
        751410000 751510000 751710000 751810000 751910000 791110000 791310000 791510000 791710000 791910000
        """.split(separator: " ").map(String.init)
    static let kindergartensPerLocality = 20

    private var random: SeededGenerator
    private var now = Timestamp(millisecondsSinceEpoch: 1_767_582_000_000)  // 2026-01-05T08:00:00+05:00
    private var serial = 0
    private var commands = 0
    private var pending: [String] = []

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        for (index, locality) in Self.localities.enumerated() {
            for number in 0..<Self.kindergartensPerLocality {
                pending.append(
                    line(
                        "registerKindergarten",
                        #""id":"kg-\#(index)-\#(number)","name":{"kk":"Балапан \#(number)","ru":"Балапан \#(number)"},"locality":"\#(locality)","languages":["kk","ru"],"groupTypes":["general"],"capacity":120"#
                    ))
            }
        }
    }

    /// The next line, chosen with an eye on `state`.
    mutating func next(in state: KezekState) -> String {
        if pending.isEmpty { plan(in: state) }
        commands += 1
        return pending.removeFirst()
    }

    private mutating func plan(in state: KezekState) {
        if commands > 0 && commands % 2_000 < 4 && state.lastApplicationNumber > 1_000 {
            bulletinRound(in: state)
            return
        }
        if Int.random(in: 0..<100, using: &random) < 30, state.lastApplicationNumber > 0 {
            let application = UInt64.random(in: 1...state.lastApplicationNumber, using: &random)
            pending.append(line("confirmInterest", #""application":\#(application)"#))
            return
        }
        family()
    }

    private mutating func family() {
        let parent = iin(bornIn: 1982...1998)
        let child = iin(bornIn: 2021...2024)
        let phone = "+7 701 \(100 + serial % 900) \(10 + serial % 90) \(10 + serial / 90 % 90)"
        let gender = Int(child.rawValue.utf8.dropFirst(6).first! - 48) % 2 == 1 ? "male" : "female"
        let localityIndex = Int.random(in: 0..<Self.localities.count, using: &random)
        let gardens = (0..<Int.random(in: 1...3, using: &random)).map { _ in
            "\"kg-\(localityIndex)-\(Int.random(in: 0..<Self.kindergartensPerLocality, using: &random))\""
        }
        let ranked = Array(Set(gardens)).sorted().joined(separator: ",")
        let language = Int.random(in: 0..<10, using: &random) < 7 ? "kk" : "ru"
        var priority = ""
        if Int.random(in: 0..<5, using: &random) == 0 {
            let category = ["largeFamily", "largeFamily", "largeFamily", "disabledChild", "military", "teacher"]
                .randomElement(using: &random)!
            let issuedOn = now.almatyDate.adding(days: -Int.random(in: 1...20, using: &random))
            priority =
                #","priority":{"category":"\#(category)","documents":[{"name":"certificate","issuedOn":"\#(issuedOn)"}]}"#
        }
        pending.append(line("registerApplicant", #""iin":"\#(parent)","phone":"\#(phone)""#))
        pending.append(line("addChild", #""applicant":"\#(parent)","child":"\#(child)","gender":"\#(gender)""#))
        pending.append(
            line(
                "submitApplication",
                #""applicant":"\#(parent)","child":"\#(child)","locality":"\#(Self.localities[localityIndex])","language":"\#(language)","groupType":"general","kindergartens":[\#(ranked)]\#(priority),"consent":true"#
            ))
    }

    /// Ten bulletins for the keys of random applications, thirty applicants of each key applying, the
    /// tick that allocates them a day later, and most referrals confirmed.
    private mutating func bulletinRound(in state: KezekState) {
        let opensAt = now
        let closesAt = now.adding(seconds: 86_400)
        var published = 0
        for _ in 0..<10 {
            let number = ApplicationNumber(rawValue: UInt64.random(in: 1...state.lastApplicationNumber, using: &random))
            guard let application = state.applications[number],
                let localityIndex = Self.localities.firstIndex(of: "\(application.key.locality)")
            else { continue }
            let garden = "kg-\(localityIndex)-\(Int.random(in: 0..<Self.kindergartensPerLocality, using: &random))"
            let key = application.key
            pending.append(
                line(
                    "publishBulletin",
                    #""kindergarten":"\#(garden)","birthYear":\#(key.birthYear),"language":"\#(key.language)","groupType":"general","seats":\#(Int.random(in: 5...15, using: &random)),"opensAt":"\#(opensAt)","closesAt":"\#(closesAt)""#
                ))
            published += 1
            let bulletin = state.lastBulletinNumber + UInt64(published)
            for applicant in (state.applicationsByKey[key] ?? []).shuffled(using: &random).prefix(30) {
                pending.append(
                    line("applyToBulletin", #""application":\#(applicant.rawValue),"bulletin":\#(bulletin)"#))
            }
        }
        now = closesAt
        pending.append(line("tick", ""))
        if state.lastReferralNumber > 0 {
            let first = state.lastReferralNumber > 150 ? state.lastReferralNumber - 150 : 1
            for referral in first...state.lastReferralNumber where Int.random(in: 0..<10, using: &random) < 3 {
                pending.append(line("confirmReferral", #""referral":\#(referral)"#))
            }
        }
    }

    /// A command line at the next moment.
    private mutating func line(_ type: String, _ fields: String) -> String {
        now = now.adding(seconds: Int64.random(in: 1...20, using: &random))
        let separator = fields.isEmpty ? "" : ","
        return #"{"type":"\#(type)","at":"\#(now)"\#(separator)\#(fields)}"#
    }

    /// A new valid IIN born in `years` (a fresh serial each time, so every person is new).
    private mutating func iin(bornIn years: ClosedRange<Int>) -> IIN {
        while true {
            serial += 1
            let year = Int.random(in: years, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...28, using: &random)
            let century = (year >= 2000 ? 5 : 3) + Int.random(in: 0...1, using: &random)
            let number = serial % 10_000
            let digits = [
                year % 100 / 10, year % 10, month / 10, month % 10, day / 10, day % 10, century, number / 1000,
                number / 100 % 10, number / 10 % 10, number % 10,
            ]
            guard let check = IIN.checkDigit(forFirstEleven: digits) else { continue }
            if let iin = IIN(rawValue: (digits + [check]).map(String.init).joined()) { return iin }
        }
    }
}
