extension Decider {
    func submitApplication(_ payload: Command.SubmitApplication) throws(Rejection) -> [Event] {
        try requireApplicant(payload.applicant)
        guard let child = state.children[payload.child], child.applicant == payload.applicant else {
            throw .unknownChild(child: payload.child, applicant: payload.applicant)
        }
        if let enrolment = child.enrolment {
            throw .childEnrolled(child: payload.child, application: enrolment.application)
        }
        if let existing = child.activeApplication {
            throw .duplicateApplication(child: payload.child, existing: existing)
        }
        try requirePlaceable(child: payload.child, birthDate: payload.child.birthDate)
        try requireLocality(payload.locality)
        try requireRankable(payload)
        var tier = Tier.general
        if let claim = payload.priority {
            try requireValid(claim)
            tier = policy.tier(for: claim.category)
        }
        let key = QueueKey(
            locality: payload.locality, birthYear: payload.child.birthDate.year, language: payload.language,
            groupType: payload.groupType)
        return [
            .applicationSubmitted(
                Event.ApplicationSubmitted(
                    application: state.nextApplicationNumber, applicant: payload.applicant, child: payload.child,
                    key: key, submittedAt: at, tier: tier, priority: payload.priority, policy: policy.version,
                    kindergartens: payload.kindergartens))
        ]
    }

    /// Ranked kindergartens: at most the policy's number, no repeats, each registered, in the application's
    /// locality, teaching its language and offering its group type.
    private func requireRankable(_ payload: Command.SubmitApplication) throws(Rejection) {
        guard payload.kindergartens.count <= policy.maximumRankedKindergartens else {
            throw .tooManyKindergartens(count: payload.kindergartens.count, maximum: policy.maximumRankedKindergartens)
        }
        var seen: Set<KindergartenID> = []
        for id in payload.kindergartens {
            guard seen.insert(id).inserted else { throw .kindergartenListedTwice(id) }
            let kindergarten = try kindergarten(id)
            guard kindergarten.locality == payload.locality else {
                throw .kindergartenNotInLocality(id, locality: payload.locality)
            }
            guard kindergarten.languages.contains(payload.language) else {
                throw .languageNotOffered(id, payload.language)
            }
            guard kindergarten.groupTypes.contains(payload.groupType) else {
                throw .groupTypeNotOffered(id, payload.groupType)
            }
        }
    }

    /// A claim: a category the policy in force knows, and documents, each still valid at the command's date.
    private func requireValid(_ claim: PriorityClaim) throws(Rejection) {
        guard policy.tiers[claim.category] != nil else { throw .unknownCategory(.unknown(claim.category.rawValue)) }
        guard !claim.documents.isEmpty else { throw .documentsRequired(category: claim.category) }
        for document in claim.documents where !policy.isDocumentValid(issuedOn: document.issuedOn, at: at) {
            throw .documentExpired(
                name: document.name, issuedOn: document.issuedOn,
                validUntil: policy.lastValidDay(ofDocumentIssuedOn: document.issuedOn))
        }
    }

    func verifyPriority(_ payload: Command.VerifyPriority) throws(Rejection) -> [Event] {
        let application = try application(payload.application)
        try requireActive(application)
        guard let claim = application.claim, application.claimStatus == .pending else {
            throw .noPendingPriorityClaim(application.number)
        }
        switch payload.verdict {
        case .confirmed:
            return [
                .priorityVerified(
                    Event.PriorityVerified(
                        application: application.number, category: claim.category, reason: payload.reason,
                        policy: policy.version))
            ]
        case .rejected:
            var events: [Event] = []
            if let referral = application.referral {
                events.append(
                    .referralCancelled(
                        Event.ReferralCancelled(
                            referral: referral, application: application.number, reason: .priorityRejected,
                            policy: policy.version)))
            }
            events.append(
                .priorityRejected(
                    Event.PriorityRejected(
                        application: application.number, category: claim.category, reason: payload.reason,
                        tier: .general, policy: policy.version)))
            events.append(
                .stopListed(
                    Event.StopListed(
                        application: application.number, until: policy.stopListEnd(startedAt: at),
                        reason: .priorityRejected, policy: policy.version)))
            return events
        }
    }

    func confirmInterest(_ number: ApplicationNumber) throws(Rejection) -> [Event] {
        let application = try application(number)
        try requireActive(application)
        let validUntil = policy.interestDeadline(confirmedAt: at)
        switch application.status {
        case .referred:
            throw .notEligible(number, reason: .holdsReferral)
        case .inactive:
            // A referral that expired with no window (event version 1) is restorable as it was decided then.
            let hasNoWindow = application.inactivity == .referralExpired && application.restorableUntil == nil
            if !hasNoWindow {
                guard let until = application.restorableUntil, at < until,
                    application.restorationsUsed < policy.maximumRestorations
                else {
                    let expired = application.inactivity == .referralExpired
                    throw .notEligible(number, reason: expired ? .restorationWindowClosed : .interestLapsed)
                }
            }
            return [
                .applicationRestored(
                    Event.ApplicationRestored(application: number, validUntil: validUntil, policy: policy.version))
            ]
        default:
            return [
                .interestConfirmed(
                    Event.InterestConfirmed(application: number, validUntil: validUntil, policy: policy.version))
            ]
        }
    }

    func withdrawApplication(_ number: ApplicationNumber) throws(Rejection) -> [Event] {
        let application = try application(number)
        try requireActive(application)
        var events: [Event] = []
        if let referral = application.referral {
            events.append(
                .referralCancelled(
                    Event.ReferralCancelled(
                        referral: referral, application: number, reason: .applicationWithdrawn,
                        policy: policy.version)))
        }
        events.append(.applicationWithdrawn(Event.ApplicationWithdrawn(application: number)))
        return events
    }
}
