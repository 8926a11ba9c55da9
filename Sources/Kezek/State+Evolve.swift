extension KezekState {
    /// Folds one event, recorded at `time`, into the state. Total: any event in any order is absorbed
    /// without trapping (references to unknown records are ignored), and nothing is read but the event.
    public mutating func evolve(_ event: Event, at time: Timestamp) {
        evolveRecords(event, at: time)
        indexDeadlines(after: event)
    }

    /// Folds one event into the records alone, leaving the deadline index as it was: for a long
    /// replay, which calls ``rebuildDeadlines()`` once after its last event instead of keeping the index
    /// event by event. Until then the index may miss deadlines or hold stale ones; every record is as
    /// ``evolve(_:at:)`` leaves it.
    public mutating func evolveRecords(_ event: Event, at time: Timestamp) {
        switch event {
        case .kindergartenRegistered(let e): kindergartens[e.id] = KindergartenRecord(e)
        case .applicantRegistered(let e): applicants[e.applicant] = ApplicantRecord(iin: e.applicant, phone: e.phone)
        case .childAdded(let e): addChild(e)
        case .applicationSubmitted(let e): submit(e)
        case .priorityVerified(let e): applications[e.application]?.claimStatus = .verified
        case .priorityRejected(let e):
            applications[e.application]?.claimStatus = .rejected
            applications[e.application]?.tier = e.tier
        case .interestConfirmed(let e): applications[e.application]?.interestValidUntil = e.validUntil
        case .interestLapsed(let e): lapse(e)
        case .applicationRestored(let e): restore(e)
        case .applicationWithdrawn(let e): close(e.application, as: .withdrawn)
        case .applicationAnnulled(let e): close(e.application, as: .annulled)
        case .stopListed(let e): applications[e.application]?.stopListedUntil = e.until
        case .bulletinPublished(let e): publish(e)
        case .bulletinApplied(let e):
            guard bulletins.contains(e.bulletin), applications.contains(e.application) else { break }
            bulletins[e.bulletin]?.applicants.append(e.application)
            applications[e.application]?.bulletins.append(e.bulletin)
        case .bulletinClosed(let e): closeBulletin(e)
        case .referralIssued(let e): issue(e)
        case .referralConfirmed(let e):
            referrals[e.referral]?.status = .confirmed
            referrals[e.referral]?.registerBy = e.registerBy
        case .referralRefused(let e): endReferral(e.referral, as: .refused, application: .queued, inactivity: nil)
        case .referralExpired(let e):
            endReferral(
                e.referral, as: .expired, application: .inactive, inactivity: .referralExpired,
                restorableUntil: e.restorableUntil)
        case .referralExtended(let e):
            referrals[e.referral]?.registerBy = e.registerBy
            referrals[e.referral]?.extensionsUsed += 1
        case .enrollmentRegistered(let e): referrals[e.referral]?.status = .registered
        case .admissionConfirmed(let e): admit(e)
        case .referralCancelled(let e):
            endReferral(e.referral, as: .cancelled, application: .queued, inactivity: nil)
        case .queueRefreshed(let e):
            for change in e.tierChanges { applications[change.application]?.tier = change.to }
            lastRefreshYear = Swift.max(lastRefreshYear ?? e.year, e.year)
        }
        if let lastTime, lastTime > time { return }
        lastTime = time
    }

    /// Folds events recorded together at `time`, in order.
    public mutating func evolve(_ events: some Sequence<Event>, at time: Timestamp) {
        for event in events { evolve(event, at: time) }
    }

    private mutating func addChild(_ event: Event.ChildAdded) {
        guard !children.contains(event.child) else { return }
        let previous = applicants[event.applicant]?.lastChild
        children[event.child] = ChildRecord(
            iin: event.child, applicant: event.applicant, gender: event.gender, previousSibling: previous)
        applicants[event.applicant]?.lastChild = event.child
    }

    private mutating func submit(_ event: Event.ApplicationSubmitted) {
        guard !applications.contains(event.application) else { return }
        let numbers = event.kindergartens.map { rankedKindergartenIDs.intern($0) }
        keepLongRanking(numbers, of: event.application)
        applications[event.application] = ApplicationRecord(event, ranked: RankedKindergartens(numbers))
        applicationsByKey[event.key, default: []].append(event.application)
        lastApplicationNumber = Swift.max(lastApplicationNumber, event.application.rawValue)
        children[event.child]?.activeApplication = event.application
    }

    private mutating func lapse(_ event: Event.InterestLapsed) {
        guard applications[event.application]?.status == .queued else { return }
        applications[event.application]?.status = .inactive
        applications[event.application]?.inactivity = .interestLapsed
        applications[event.application]?.restorableUntil = event.restorableUntil
    }

    private mutating func restore(_ event: Event.ApplicationRestored) {
        guard applications[event.application]?.status == .inactive else { return }
        // Every restoration within a window counts; a referral that expired with no window (event version 1)
        // came back without using one.
        if applications[event.application]?.inactivity == .interestLapsed
            || applications[event.application]?.restorableUntil != nil
        {
            applications[event.application]?.restorationsUsed += 1
        }
        applications[event.application]?.status = .queued
        applications[event.application]?.inactivity = nil
        applications[event.application]?.restorableUntil = nil
        applications[event.application]?.interestValidUntil = event.validUntil
    }

    /// Moves an application to the archive and frees its child for a new one.
    mutating func close(_ number: ApplicationNumber, as status: ApplicationStatus) {
        guard let child = applications[number]?.child else { return }
        applications[number]?.status = status
        applications[number]?.inactivity = nil
        if children[child]?.activeApplication == number {
            children[child]?.activeApplication = nil
        }
    }
}
