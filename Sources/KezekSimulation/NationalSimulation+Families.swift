import Kezek

extension NationalSimulation {
    /// A family comes to apply: a new parent (or, one time in four, a parent with an older child already
    /// in the queue), registers, adds the child and submits. Returns the first of these commands and
    /// schedules the others minutes later.
    mutating func arrive() -> Command? {
        let place = geography.randomLocality(using: &random)
        let today = now.almatyDate
        var first: Command?
        let parent: IIN
        if !parents[place].isEmpty, chance(25) {
            parent = parents[place][Int.random(in: 0..<parents[place].count, using: &random)]
        } else {
            let born = today.adding(days: -Int.random(in: 20 * 365...42 * 365, using: &random))
            parent = people.iin(born: born, sex: chance(85) ? .female : .male)
            first = .registerApplicant(Command.RegisterApplicant(applicant: parent, phone: people.phone()))
            if parents[place].count < 2_000 {
                parents[place].append(parent)
            } else {
                parents[place][Int.random(in: 0..<parents[place].count, using: &random)] = parent
            }
        }
        // Families apply soon after birth: most children are under two.
        let roll = Int.random(in: 0..<100, using: &random)
        let ageDays =
            switch roll {
            case 0..<55: Int.random(in: 10...365, using: &random)
            case 55..<80: Int.random(in: 366...730, using: &random)
            case 80..<92: Int.random(in: 731...1_095, using: &random)
            default: Int.random(in: 1_096...1_600, using: &random)
            }
        let born = today.adding(days: -ageDays)
        let sex: Sex = chance(51) ? .male : .female
        let child = people.iin(born: born, sex: sex)
        let addChild = Command.addChild(Command.AddChild(applicant: parent, child: child, gender: sex))
        let language = geography.randomLanguage(at: place, using: &random)
        let groupRoll = Int.random(in: 0..<1000, using: &random)
        let groupType: GroupType = groupRoll < 950 ? .general : groupRoll < 985 ? .special : .sanatorium
        let offering = catalog.offering(locality: place, language: language, groupType: groupType)
        var ranked: [KindergartenID] = []
        let maximum = policies.policy(at: now).maximumRankedKindergartens
        if maximum > 0, !offering.isEmpty, chance(75) {
            let wanted = min(offering.count, Int.random(in: 1...maximum, using: &random))
            var picked: Set<Int> = []
            while picked.count < wanted { picked.insert(offering[Int.random(in: 0..<offering.count, using: &random)]) }
            ranked = picked.sorted().map { catalog.kindergartens[$0].id }
            ranked.shuffle(using: &random)
        }
        let submission = Command.SubmitApplication(
            applicant: parent, child: child, locality: geography.localities[place].code, language: language,
            groupType: groupType, kindergartens: ranked, priority: claim(today: today))
        agenda.schedule(.command(addChild), at: now.adding(seconds: Int64.random(in: 20...180, using: &random)))
        agenda.schedule(.submit(submission), at: now.adding(seconds: Int64.random(in: 200...900, using: &random)))
        return first
    }

    /// A priority claim, for about one application in six: 3% out of turn, 15% first priority, with a
    /// certificate issued in the last three weeks.
    mutating func claim(today: CivilDate) -> PriorityClaim? {
        let roll = Int.random(in: 0..<1000, using: &random)
        let category: PriorityCategory
        switch roll {
        case 0..<20: category = .military
        case 20..<30: category = .specialStateBody
        case 30..<75: category = .largeFamily
        case 75..<100: category = .disabledChild
        case 100..<120: category = .disabledParent
        case 120..<135: category = .orphan
        case 135..<150: category = .specialNeeds
        case 150..<180: category = .teacher
        default: return nil
        }
        let issued = today.adding(days: -Int.random(in: 0...20, using: &random))
        return PriorityClaim(
            category: category,
            documents: [SupportingDocument(name: "\(category.rawValue)-certificate", issuedOn: issued)])
    }

    /// The life of a new application: its claim checked within days (one in fourteen found false), its
    /// interest confirmed each year (or let lapse), sometimes withdrawn.
    mutating func admitted(_ number: ApplicationNumber, _ submission: Command.SubmitApplication) {
        let key = QueueKey(
            locality: submission.locality, birthYear: submission.child.birthDate.year, language: submission.language,
            groupType: submission.groupType)
        if queues[key] == nil { queueKeys.append(key) }
        queues[key, default: []].append(number)
        if submission.priority != nil {
            agenda.schedule(.verify(number, chance(93) ? .confirmed : .rejected), at: later(hours: 4...24 * 5))
        }
        scheduleInterest(of: number)
        if chance(4) { agenda.schedule(.withdraw(number), at: later(hours: 24...24 * 300)) }
    }

    /// The next confirmation of interest: within the twelve months, usually in the eleventh; one family in
    /// twelve forgets (the application lapses) and a third of those restore it within the 28 days.
    mutating func scheduleInterest(of number: ApplicationNumber) {
        if chance(92) {
            agenda.schedule(.confirmInterest(number), at: later(hours: 24 * 300...24 * 355))
        } else if chance(35) {
            agenda.schedule(.confirmInterest(number), at: later(hours: 24 * 370...24 * 390))
        }
    }

    /// Whether a `percent` chance came true.
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
}
