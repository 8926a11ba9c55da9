public import Kezek

/// A small random world for command-sequence tests: a few kindergartens, parents and children, and a
/// generator of commands that are mostly valid, often not.
public struct RandomWorld {
    typealias H = DomainFixtures

    /// The world's random source.
    public var g: SeededGenerator
    /// The applicants; the last is unknown to the registry.
    public let parents: [IIN]
    /// The children; the last is unknown to the registry.
    public let children: [IIN]
    /// The kindergartens and their localities.
    public let kindergartens: [(KindergartenID, KATOCode)]
    /// The person registry of the world.
    public let registry: InMemoryPersonRegistry

    /// The world drawn from `seed`.
    public init(seed: UInt64) {
        g = SeededGenerator(seed: seed)
        parents = (1...6).map {
            H.iin(born: try! CivilDate(year: 1990, month: 1, day: $0), sex: $0 % 2 == 0 ? .female : .male)
        }
        var children: [IIN] = []
        for serial in 1...36 {
            let born = try! CivilDate(year: 2020 + serial % 8, month: 1 + serial % 12, day: 1 + serial % 28)
            children.append(H.iin(born: born, sex: serial % 2 == 0 ? .female : .male, serial: serial))
        }
        self.children = children
        kindergartens = [("kg-a", H.almaty), ("kg-b", H.almaty), ("kg-c", H.almaty), ("kg-astana", H.astana)].map {
            (H.id($0.0), $0.1)
        }
        // The last parent and child are unknown to the registry.
        registry = InMemoryPersonRegistry(
            (parents.dropLast() + children.dropLast()).map {
                PersonRecord(iin: $0, surname: "Surname", name: "Name", birthDate: $0.birthDate)
            })
    }

    /// Whether a `percent` chance came true.
    public mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &g) < percent }
    /// One of `elements`, at random.
    public mutating func pick<T>(_ elements: [T]) -> T { elements.randomElement(using: &g)! }

    /// Moves the clock forward by a random step (seconds to weeks).
    public mutating func advance(_ now: inout Timestamp) {
        let roll = Int.random(in: 0..<100, using: &g)
        let seconds: Int64 =
            switch roll {
            case 0..<2: -Int64.random(in: 1...100, using: &g)
            case 2..<72: Int64.random(in: 1...600, using: &g)
            case 72..<92: Int64.random(in: 3600...86_400, using: &g)
            default: Int64.random(in: 86_400...5 * 86_400, using: &g)
            }
        now = now.adding(seconds: seconds)
    }

    /// An application number, usually an existing one.
    public mutating func application(in state: KezekState) -> ApplicationNumber {
        let active = state.applications.values.filter(\.status.isActive).map(\.number).sorted()
        if !active.isEmpty, chance(80) { return pick(active) }
        return ApplicationNumber(rawValue: UInt64.random(in: 1...state.lastApplicationNumber + 2, using: &g))
    }

    /// A referral number, usually an existing one.
    public mutating func referral(in state: KezekState) -> ReferralNumber {
        let running = state.referrals.values.filter(\.status.holdsSeat).map(\.number).sorted()
        if !running.isEmpty, chance(85) { return pick(running) }
        return ReferralNumber(rawValue: UInt64.random(in: 1...state.lastReferralNumber + 2, using: &g))
    }

    /// A bulletin number, usually an existing one.
    public mutating func bulletin(in state: KezekState) -> BulletinNumber {
        let open = state.bulletins.values.filter { !$0.isClosed }.map(\.number).sorted()
        if !open.isEmpty, chance(85) { return pick(open) }
        return BulletinNumber(rawValue: UInt64.random(in: 1...state.lastBulletinNumber + 2, using: &g))
    }

    /// The next command, mostly valid, often not; advances `now`.
    public mutating func command(in state: KezekState, now: inout Timestamp) -> Command {
        advance(&now)
        let roll = Int.random(in: 0..<100, using: &g)
        switch roll {
        case 0..<3:
            let (id, locality) = pick(kindergartens)
            return .registerKindergarten(
                Command.RegisterKindergarten(
                    id: id, name: KindergartenName(kazakh: "бөбекжай", russian: "детсад"), locality: locality,
                    languages: chance(80) ? [.kazakh, .russian] : [.russian], groupTypes: [.general],
                    capacity: Int.random(in: 1...8, using: &g)))
        case 3..<7:
            return .registerApplicant(
                Command.RegisterApplicant(applicant: pick(parents), phone: try! PhoneNumber(parsing: "+77011234567")))
        case 7..<14:
            let child = pick(children)
            let owner = state.children[child]?.applicant ?? pick(parents)
            return .addChild(
                Command.AddChild(
                    applicant: chance(90) ? owner : pick(parents), child: child,
                    gender: chance(95) ? child.sex : (child.sex == .male ? .female : .male)))
        case 14..<26:
            return submission(in: state, now: now)
        case 26..<30:
            return .verifyPriority(
                Command.VerifyPriority(
                    application: application(in: state), verdict: chance(60) ? .confirmed : .rejected, reason: "checked"
                ))
        case 30..<31:
            return .confirmInterest(application(in: state))
        case 31..<33:
            // Any number, archived or not: withdrawals stay rare enough for interest to lapse.
            return .withdrawApplication(
                ApplicationNumber(rawValue: UInt64.random(in: 1...state.lastApplicationNumber + 1, using: &g)))
        case 33..<37:
            return .tick
        case 37..<43:
            var (id, _) = pick(kindergartens)
            var birthYear = Int.random(in: 2021...2027, using: &g)
            var language: LanguageCode = chance(80) ? .kazakh : .russian
            let queued = state.applications.values.filter { $0.status == .queued }.sorted { $0.number < $1.number }
            if chance(75), !queued.isEmpty {
                let target = pick(queued)
                let local = kindergartens.filter { $0.1 == target.key.locality }
                if !local.isEmpty { id = pick(local).0 }
                birthYear = target.key.birthYear
                language = target.key.language
            }
            let opensAt = now.adding(seconds: chance(80) ? -60 : 3600)
            return .publishBulletin(
                Command.PublishBulletin(
                    kindergarten: id, birthYear: birthYear, language: language, groupType: .general,
                    seats: Int.random(in: 1...3, using: &g), opensAt: opensAt,
                    closesAt: opensAt.adding(seconds: Int64.random(in: 3600...3 * 86_400, using: &g))))
        case 43..<60:
            if chance(85), let (number, bulletin) = matchingPair(in: state, now: now) {
                return .applyToBulletin(Command.ApplyToBulletin(application: number, bulletin: bulletin))
            }
            return .applyToBulletin(
                Command.ApplyToBulletin(application: application(in: state), bulletin: bulletin(in: state)))
        case 60..<75:
            return .tick
        case 75..<81:
            return .confirmReferral(referral(in: state))
        case 81..<83:
            return .refuseReferral(referral(in: state))
        case 83..<86:
            return .extendReferral(
                Command.ExtendReferral(referral: referral(in: state), days: Int.random(in: 1...30, using: &g)))
        case 86..<92:
            return .registerEnrollment(referral(in: state))
        case 92..<98:
            return .confirmAdmission(referral(in: state))
        default:
            return .refreshQueue(year: now.almatyDate.year - Int.random(in: 0...1, using: &g))
        }
    }

    /// An active application and an open bulletin of its key, if there is such a pair.
    public mutating func matchingPair(in state: KezekState, now: Timestamp) -> (ApplicationNumber, BulletinNumber)? {
        let pairs = state.bulletins.values.filter { $0.isOpen(at: now) }.sorted { $0.number < $1.number }.flatMap {
            bulletin in
            (state.applicationsByKey[bulletin.key] ?? []).filter { state.applications[$0]?.status == .queued }.map {
                ($0, bulletin.number)
            }
        }
        return pairs.isEmpty ? nil : pick(pairs)
    }

    /// A `submitApplication` command for a random child.
    public mutating func submission(in state: KezekState, now: Timestamp) -> Command {
        let child = pick(children)
        let owner = state.children[child]?.applicant ?? pick(parents)
        let locality = chance(85) ? H.almaty : (chance(50) ? H.astana : KATOCode(rawValue: 999_999_999)!)
        var ranked: [KindergartenID] = []
        for (id, _) in kindergartens where chance(30) { ranked.append(id) }
        if chance(5) { ranked += kindergartens.map(\.0) + [H.id("ghost")] }
        var priority: PriorityClaim?
        if chance(30) {
            let issued = now.almatyDate.adding(days: -Int.random(in: 0...35, using: &g))
            priority = PriorityClaim(
                category: pick(PriorityCategory.allCases),
                documents: chance(95) ? [SupportingDocument(name: "certificate", issuedOn: issued)] : [])
        }
        return H.submission(
            child, applicant: chance(92) ? owner : pick(parents), locality: locality,
            language: chance(85) ? .kazakh : .russian, groupType: .general, kindergartens: ranked, priority: priority)
    }
}
