extension KezekState {
    /// Applies `change` to the record of kindergarten `id`, in place (one lookup, no copy of the record);
    /// does nothing for a kindergarten that was never registered.
    mutating func changeKindergarten(_ id: KindergartenID, _ change: (inout KindergartenRecord) -> Void) {
        guard let index = kindergartens.index(forKey: id) else { return }
        change(&kindergartens.values[index])
    }

    mutating func publish(_ event: Event.BulletinPublished) {
        guard bulletins[event.bulletin] == nil else { return }
        bulletins[event.bulletin] = BulletinRecord(event)
        changeKindergarten(event.kindergarten) { $0.offered += event.seats }
        lastBulletinNumber = Swift.max(lastBulletinNumber, event.bulletin.rawValue)
    }

    mutating func closeBulletin(_ event: Event.BulletinClosed) {
        guard let bulletin = bulletins[event.bulletin], !bulletin.isClosed else { return }
        bulletins[event.bulletin]?.isClosed = true
        bulletins[event.bulletin]?.admitted = event.admitted
        changeKindergarten(bulletin.kindergarten) { $0.offered -= bulletin.seats }
    }

    mutating func issue(_ event: Event.ReferralIssued) {
        guard referrals[event.referral] == nil else { return }
        referrals[event.referral] = ReferralRecord(event)
        lastReferralNumber = Swift.max(lastReferralNumber, event.referral.rawValue)
        changeKindergarten(event.kindergarten) { $0.referred += 1 }
        guard applications[event.application] != nil else { return }
        applications[event.application]?.status = .referred
        applications[event.application]?.inactivity = nil
        applications[event.application]?.referral = event.referral
    }

    /// Ends a referral that held a seat: the seat is free, the application is back in the queue (restorable
    /// until `restorableUntil` when it comes back inactive).
    mutating func endReferral(
        _ number: ReferralNumber, as status: ReferralStatus, application applicationStatus: ApplicationStatus,
        inactivity: InactivityReason?, restorableUntil: Timestamp? = nil
    ) {
        guard let referral = referrals[number], referral.status.holdsSeat else { return }
        referrals[number]?.status = status
        changeKindergarten(referral.kindergarten) { $0.referred -= 1 }
        guard applications[referral.application]?.referral == number else { return }
        applications[referral.application]?.referral = nil
        applications[referral.application]?.status = applicationStatus
        applications[referral.application]?.inactivity = inactivity
        applications[referral.application]?.restorableUntil = restorableUntil
    }

    mutating func admit(_ event: Event.AdmissionConfirmed) {
        guard let referral = referrals[event.referral], referral.status.holdsSeat else { return }
        referrals[event.referral]?.status = .admitted
        changeKindergarten(referral.kindergarten) {
            $0.referred -= 1
            $0.enrolled += 1
        }
        applications[event.application]?.referral = nil
        close(event.application, as: .enrolled)
        children[event.child]?.enrolment = Enrolment(application: event.application, kindergarten: event.kindergarten)
    }
}
