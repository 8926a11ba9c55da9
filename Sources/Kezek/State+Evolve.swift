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
        withUnsafePointer(to: event) { foldRecords(at: $0, time: time) }
    }

    /// The body of ``evolveRecords(_:at:)``, on the event at `event`: the loops over a batch call it on
    /// the events where they lie, where passing an event from the batch's memory would copy the whole
    /// event first (the fold changes memory the compiler cannot tell apart from the batch's); a case
    /// copies only the payload it binds.
    mutating func foldRecords(at event: UnsafePointer<Event>, time: Timestamp) {
        switch event.pointee {
        case .kindergartenRegistered(let e): kindergartens[e.id] = KindergartenRecord(e)
        case .applicantRegistered(let e): applicants[e.applicant] = ApplicantRecord(iin: e.applicant, phone: e.phone)
        case .childAdded(let e): addChild(e)
        case .applicationSubmitted(let e): submit(e)
        case .priorityVerified(let e): applications.update(e.application) { $0.claimStatus = .verified }
        case .priorityRejected(let e):
            applications.update(e.application) { application in
                application.claimStatus = .rejected
                application.tier = e.tier
            }
        case .interestConfirmed(let e): applications.update(e.application) { $0.interestValidUntil = e.validUntil }
        case .interestLapsed(let e): lapse(e)
        case .applicationRestored(let e): restore(e)
        case .applicationWithdrawn(let e): close(e.application, as: .withdrawn)
        case .applicationAnnulled(let e): close(e.application, as: .annulled)
        case .stopListed(let e): applications.update(e.application) { $0.stopListedUntil = e.until }
        case .bulletinPublished(let e): publish(e)
        case .bulletinApplied(let e):
            guard bulletins.contains(e.bulletin), applications.contains(e.application) else { break }
            bulletins.update(e.bulletin) { $0.applicants.append(e.application) }
            applications.update(e.application) { $0.bulletins.append(e.bulletin) }
        case .bulletinClosed(let e): closeBulletin(e)
        case .referralIssued(let e): issue(e)
        case .referralConfirmed(let e):
            referrals.update(e.referral) { referral in
                referral.status = .confirmed
                referral.registerBy = e.registerBy
            }
        case .referralRefused(let e): endReferral(e.referral, as: .refused, application: .queued, inactivity: nil)
        case .referralExpired(let e):
            endReferral(
                e.referral, as: .expired, application: .inactive, inactivity: .referralExpired,
                restorableUntil: e.restorableUntil)
        case .referralExtended(let e):
            referrals.update(e.referral) { referral in
                referral.registerBy = e.registerBy
                referral.extensionsUsed += 1
            }
        case .enrollmentRegistered(let e): referrals.update(e.referral) { $0.status = .registered }
        case .admissionConfirmed(let e): admit(e)
        case .referralCancelled(let e):
            endReferral(e.referral, as: .cancelled, application: .queued, inactivity: nil)
        case .queueRefreshed(let e):
            for change in e.tierChanges { applications.update(change.application) { $0.tier = change.to } }
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
        let previous = applicants.update(event.applicant) { applicant in
            defer { applicant.lastChild = event.child }
            return applicant.lastChild
        }
        children[event.child] = ChildRecord(
            iin: event.child, applicant: event.applicant, gender: event.gender, previousSibling: previous ?? nil)
    }

    private mutating func submit(_ event: Event.ApplicationSubmitted) {
        guard !applications.contains(event.application) else { return }
        let numbers = event.kindergartens.map { rankedKindergartenIDs.intern($0) }
        keepLongRanking(numbers, of: event.application)
        applications[event.application] = ApplicationRecord(event, ranked: RankedKindergartens(numbers))
        applicationsByKey[event.key, default: []].append(event.application)
        lastApplicationNumber = Swift.max(lastApplicationNumber, event.application.rawValue)
        children.update(event.child) { $0.activeApplication = event.application }
    }

    private mutating func lapse(_ event: Event.InterestLapsed) {
        applications.update(event.application) { application in
            guard application.status == .queued else { return }
            application.status = .inactive
            application.inactivity = .interestLapsed
            application.restorableUntil = event.restorableUntil
        }
    }

    private mutating func restore(_ event: Event.ApplicationRestored) {
        applications.update(event.application) { application in
            guard application.status == .inactive else { return }
            // Every restoration within a window counts; a referral that expired with no window (event
            // version 1) came back without using one.
            if application.inactivity == .interestLapsed || application.restorableUntil != nil {
                application.restorationsUsed += 1
            }
            application.status = .queued
            application.inactivity = nil
            application.restorableUntil = nil
            application.interestValidUntil = event.validUntil
        }
    }

    /// Moves an application to the archive and frees its child for a new one.
    mutating func close(_ number: ApplicationNumber, as status: ApplicationStatus) {
        let closed = applications.update(number) { application in
            application.status = status
            application.inactivity = nil
            return application.child
        }
        guard let child = closed else { return }
        children.update(child) { record in
            if record.activeApplication == number { record.activeApplication = nil }
        }
    }
}
