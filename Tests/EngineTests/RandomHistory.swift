import Kezek
import KezekTestSupport

/// A seeded generator of command histories for engine tests: a few kindergartens, parents and children,
/// commands that are mostly valid and often not (unknown numbers, wrong owners, time going back).
struct RandomHistory {
    var random: SeededGenerator
    var now = Timestamp(millisecondsSinceEpoch: 1_781_000_000_000)
    let parents: [IIN]
    let children: [IIN]
    let kindergartens: [(id: KindergartenID, locality: KATOCode)]

    static let almaty = KATOCode(rawValue: 750_000_000)!
    static let astana = KATOCode(rawValue: 710_000_000)!

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        parents = (1...6).map { Self.iin(year: 1990, month: 1, day: $0, female: $0 % 2 == 0, serial: 1) }
        children = (1...30).map {
            Self.iin(year: 2021 + $0 % 5, month: 1 + $0 % 12, day: 1 + $0 % 28, female: $0 % 2 == 0, serial: $0)
        }
        kindergartens = [("kg-a", Self.almaty), ("kg-b", Self.almaty), ("kg-c", Self.almaty), ("kg-d", Self.astana)]
            .map { (KindergartenID(rawValue: $0.0)!, $0.1) }
    }

    /// A valid IIN for the date and sex: the check digit computed as the IIN rules say.
    static func iin(year: Int, month: Int, day: Int, female: Bool, serial: Int) -> IIN {
        var serial = serial
        while true {
            let century = (year >= 2000 ? 5 : 3) + (female ? 1 : 0)
            let yy = year % 100
            let digits = [
                yy / 10, yy % 10, month / 10, month % 10, day / 10, day % 10, century, serial / 1000 % 10,
                serial / 100 % 10, serial / 10 % 10, serial % 10,
            ]
            var check = zip(digits, 1...11).map { $0 * $1 }.reduce(0, +) % 11
            if check == 10 {
                check = zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]).map { $0 * $1 }.reduce(0, +) % 11
            }
            if check < 10 { return IIN(rawValue: (digits + [check]).map(String.init).joined())! }
            serial += 1
        }
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func pick<T>(_ elements: [T]) -> T { elements[Int.random(in: 0..<elements.count, using: &random)] }

    mutating func advance() {
        let seconds: Int64 =
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<2: -Int64.random(in: 1...100, using: &random)
            case 2..<70: Int64.random(in: 1...600, using: &random)
            case 70..<92: Int64.random(in: 3600...86_400, using: &random)
            default: Int64.random(in: 86_400...5 * 86_400, using: &random)
            }
        now = now.adding(seconds: seconds)
    }

    mutating func number(upTo last: UInt64) -> UInt64 { UInt64.random(in: 1...last + 2, using: &random) }

    /// The next command, chosen with an eye on `state` so that most commands can succeed.
    mutating func next(in state: KezekState) -> CommandEnvelope {
        advance()
        return CommandEnvelope(command(in: state), at: now)
    }

    private mutating func command(in state: KezekState) -> Command {
        let applications = state.applications.values.filter(\.status.isActive).map(\.number).sorted()
        let referrals = state.referrals.values.filter(\.status.holdsSeat).map(\.number).sorted()
        func application(_ history: inout RandomHistory) -> ApplicationNumber {
            if !applications.isEmpty, history.chance(85) { return history.pick(applications) }
            return ApplicationNumber(rawValue: history.number(upTo: state.lastApplicationNumber))
        }
        func referral(_ history: inout RandomHistory) -> ReferralNumber {
            if !referrals.isEmpty, history.chance(85) { return history.pick(referrals) }
            return ReferralNumber(rawValue: history.number(upTo: state.lastReferralNumber))
        }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<4:
            let kindergarten = pick(kindergartens)
            return .registerKindergarten(
                Command.RegisterKindergarten(
                    id: kindergarten.id, name: KindergartenName(kazakh: "Балапан", russian: "Балапан"),
                    locality: kindergarten.locality, languages: [.kazakh, .russian], groupTypes: [.general],
                    capacity: Int.random(in: 1...6, using: &random)))
        case 4..<9:
            return .registerApplicant(
                Command.RegisterApplicant(applicant: pick(parents), phone: PhoneNumber(rawValue: "+77011234567")!))
        case 9..<17:
            let child = pick(children)
            let owner = state.children[child]?.applicant ?? pick(parents)
            return .addChild(
                Command.AddChild(applicant: chance(90) ? owner : pick(parents), child: child, gender: child.sex))
        case 17..<32:
            return submission(in: state)
        case 32..<36:
            return .verifyPriority(
                Command.VerifyPriority(
                    application: application(&self), verdict: chance(60) ? .confirmed : .rejected, reason: "checked"))
        case 36..<38:
            return .confirmInterest(application(&self))
        case 38..<40:
            return .withdrawApplication(application(&self))
        case 40..<47:
            return publication(in: state)
        case 47..<62:
            let open = state.bulletins.values.filter { $0.isOpen(at: now) }.map(\.number).sorted()
            let bulletin =
                !open.isEmpty && chance(85)
                ? pick(open) : BulletinNumber(rawValue: number(upTo: state.lastBulletinNumber))
            var candidates = applications
            if let key = state.bulletins[bulletin]?.key {
                candidates = (state.applicationsByKey[key] ?? []).filter { state.applications[$0]?.status == .queued }
            }
            let chosen = !candidates.isEmpty && chance(85) ? pick(candidates) : application(&self)
            return .applyToBulletin(Command.ApplyToBulletin(application: chosen, bulletin: bulletin))
        case 62..<76:
            return .tick
        case 76..<82:
            return .confirmReferral(referral(&self))
        case 82..<84:
            return .refuseReferral(referral(&self))
        case 84..<87:
            return .extendReferral(
                Command.ExtendReferral(referral: referral(&self), days: Int.random(in: 1...30, using: &random)))
        case 87..<92:
            return .registerEnrollment(referral(&self))
        case 92..<98:
            return .confirmAdmission(referral(&self))
        default:
            return .refreshQueue(year: now.almatyDate.year - Int.random(in: 0...1, using: &random))
        }
    }

    private mutating func submission(in state: KezekState) -> Command {
        let child = pick(children)
        let owner = state.children[child]?.applicant ?? pick(parents)
        var ranked: [KindergartenID] = []
        for kindergarten in kindergartens where chance(30) { ranked.append(kindergarten.id) }
        var priority: PriorityClaim?
        if chance(30) {
            let issued = now.almatyDate.adding(days: -Int.random(in: 0...35, using: &random))
            priority = PriorityClaim(
                category: pick(PriorityCategory.allCases),
                documents: [SupportingDocument(name: "certificate", issuedOn: issued)])
        }
        return .submitApplication(
            Command.SubmitApplication(
                applicant: chance(92) ? owner : pick(parents), child: child,
                locality: chance(85) ? Self.almaty : Self.astana, language: chance(85) ? .kazakh : .russian,
                groupType: .general, kindergartens: ranked, priority: priority))
    }

    private mutating func publication(in state: KezekState) -> Command {
        var kindergarten = pick(kindergartens).id
        var birthYear = Int.random(in: 2021...2026, using: &random)
        var language: LanguageCode = chance(80) ? .kazakh : .russian
        let queued = state.applications.values.filter { $0.status == .queued }.sorted { $0.number < $1.number }
        if chance(80), !queued.isEmpty {
            let target = pick(queued)
            let local = kindergartens.filter { $0.locality == target.key.locality }
            if !local.isEmpty { kindergarten = pick(local).id }
            birthYear = target.key.birthYear
            language = target.key.language
        }
        let opensAt = now.adding(seconds: chance(85) ? -60 : 3600)
        return .publishBulletin(
            Command.PublishBulletin(
                kindergarten: kindergarten, birthYear: birthYear, language: language, groupType: .general,
                seats: Int.random(in: 1...3, using: &random), opensAt: opensAt,
                closesAt: opensAt.adding(seconds: Int64.random(in: 3600...3 * 86_400, using: &random))))
    }
}
