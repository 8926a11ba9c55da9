extension KezekState {
    mutating func publish(_ event: Event.BulletinPublished) {
        guard bulletins[event.bulletin] == nil else { return }
        bulletins[event.bulletin] = BulletinRecord(event)
        kindergartens[event.kindergarten]?.offered += event.seats
        lastBulletinNumber = Swift.max(lastBulletinNumber, event.bulletin.rawValue)
    }

    mutating func closeBulletin(_ event: Event.BulletinClosed) {
        guard let bulletin = bulletins[event.bulletin], !bulletin.isClosed else { return }
        bulletins[event.bulletin]?.isClosed = true
        bulletins[event.bulletin]?.admitted = event.admitted
        kindergartens[bulletin.kindergarten]?.offered -= bulletin.seats
    }

    mutating func issue(_ event: Event.ReferralIssued) {
        guard referrals[event.referral] == nil else { return }
        referrals[event.referral] = ReferralRecord(event)
        lastReferralNumber = Swift.max(lastReferralNumber, event.referral.rawValue)
        kindergartens[event.kindergarten]?.referred += 1
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
        kindergartens[referral.kindergarten]?.referred -= 1
        guard applications[referral.application]?.referral == number else { return }
        applications[referral.application]?.referral = nil
        applications[referral.application]?.status = applicationStatus
        applications[referral.application]?.inactivity = inactivity
        applications[referral.application]?.restorableUntil = restorableUntil
    }

    mutating func admit(_ event: Event.AdmissionConfirmed) {
        guard let referral = referrals[event.referral], referral.status.holdsSeat else { return }
        referrals[event.referral]?.status = .admitted
        kindergartens[referral.kindergarten]?.referred -= 1
        kindergartens[referral.kindergarten]?.enrolled += 1
        applications[event.application]?.referral = nil
        close(event.application, as: .enrolled)
        children[event.child]?.enrolment = Enrolment(application: event.application, kindergarten: event.kindergarten)
    }
}
