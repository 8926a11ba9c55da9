/// Decides a command against the state: the events it causes, or why it is refused.
///
/// Pure: no I/O, no clock, no randomness. Time comes in with the envelope (`at`), the rules, calendar,
/// classifier and person-registry answers with `context`. A rejection means nothing happened: fold the
/// returned events with ``KezekState/evolve(_:at:)-(Sequence<Event>,_)`` at `envelope.at` only on
/// success. Every command is refused with `timeWentBackwards` when `at` is before the state's last time.
public func decide(
    _ envelope: CommandEnvelope, in state: KezekState, context: DecisionContext
) -> Result<[Event], Rejection> {
    Result { () throws(Rejection) -> [Event] in
        if let last = state.lastTime, envelope.at < last {
            throw .timeWentBackwards(at: envelope.at, last: last)
        }
        return try Decider(state: state, context: context, at: envelope.at).decide(envelope.command)
    }
}

/// One decision: the state, the context, the time and the policy in force at that time.
struct Decider {
    let state: KezekState
    let context: DecisionContext
    let at: Timestamp
    let policy: Policy

    init(state: KezekState, context: DecisionContext, at: Timestamp) {
        self.state = state
        self.context = context
        self.at = at
        self.policy = context.policies.policy(at: at)
    }

    func decide(_ command: Command) throws(Rejection) -> [Event] {
        switch command {
        case .registerKindergarten(let payload): try registerKindergarten(payload)
        case .registerApplicant(let payload): try registerApplicant(payload)
        case .addChild(let payload): try addChild(payload)
        case .submitApplication(let payload): try submitApplication(payload)
        case .verifyPriority(let payload): try verifyPriority(payload)
        case .confirmInterest(let number): try confirmInterest(number)
        case .withdrawApplication(let number): try withdrawApplication(number)
        case .publishBulletin(let payload): try publishBulletin(payload)
        case .applyToBulletin(let payload): try applyToBulletin(payload)
        case .tick: tick()
        case .confirmReferral(let number): try confirmReferral(number)
        case .refuseReferral(let number): try refuseReferral(number)
        case .extendReferral(let payload): try extendReferral(payload)
        case .registerEnrollment(let number): try registerEnrollment(number)
        case .confirmAdmission(let number): try confirmAdmission(number)
        case .refreshQueue(let year): try refreshQueue(year: year)
        }
    }

    // MARK: Lookups shared by the deciders

    func application(_ number: ApplicationNumber) throws(Rejection) -> ApplicationRecord {
        guard let application = state.applications[number] else { throw .unknownApplication(number) }
        return application
    }

    func bulletin(_ number: BulletinNumber) throws(Rejection) -> BulletinRecord {
        guard let bulletin = state.bulletins[number] else { throw .unknownBulletin(number) }
        return bulletin
    }

    func referral(_ number: ReferralNumber) throws(Rejection) -> ReferralRecord {
        guard let referral = state.referrals[number] else { throw .unknownReferral(number) }
        return referral
    }

    func kindergarten(_ id: KindergartenID) throws(Rejection) -> KindergartenRecord {
        guard let kindergarten = state.kindergartens[id] else { throw .unknownKindergarten(id) }
        return kindergarten
    }

    func requireApplicant(_ iin: IIN) throws(Rejection) {
        guard state.applicants[iin] != nil else { throw .unknownApplicant(iin) }
    }

    func requireLocality(_ code: KATOCode) throws(Rejection) {
        guard context.localities.contains(code) else {
            throw .unknownLocality(code, registryVersion: context.localities.version)
        }
    }

    /// Refuses archived applications: `childEnrolled` once enrolled, `applicationNotActive` otherwise.
    func requireActive(_ application: ApplicationRecord) throws(Rejection) {
        switch application.status {
        case .enrolled: throw .childEnrolled(child: application.child, application: application.number)
        case .withdrawn, .annulled: throw .applicationNotActive(application.number)
        case .queued, .inactive, .referred: break
        }
    }

    /// Refuses a child not yet born at the command's date, or past queue age in its calendar year.
    func requirePlaceable(child: IIN, birthDate: CivilDate) throws(Rejection) {
        let today = at.almatyDate
        guard birthDate <= today else { throw .childNotBorn(child: child, birthDate: birthDate) }
        guard policy.isPlaceable(birthYear: birthDate.year, in: today.year) else {
            throw .childTooOld(child: child, birthYear: birthDate.year, year: today.year)
        }
    }
}
