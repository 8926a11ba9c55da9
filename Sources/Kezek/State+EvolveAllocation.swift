extension KezekState {
    /// Applies `change` to the record of kindergarten `id`, in place (one lookup, no copy of the record);
    /// does nothing for a kindergarten that was never registered.
    mutating func changeKindergarten(_ id: KindergartenID, _ change: (inout KindergartenRecord) -> Void) {
        guard let index = kindergartens.index(forKey: id) else { return }
        change(&kindergartens.values[index])
    }

    mutating func publish(_ event: Event.BulletinPublished) {
        guard !bulletins.contains(event.bulletin) else { return }
        bulletins[event.bulletin] = BulletinRecord(event)
        changeKindergarten(event.kindergarten) { $0.offered += event.seats }
        lastBulletinNumber = Swift.max(lastBulletinNumber, event.bulletin.rawValue)
    }

    mutating func closeBulletin(_ event: Event.BulletinClosed) {
        let closed = bulletins.update(event.bulletin) { bulletin -> (KindergartenID, Int)? in
            guard !bulletin.isClosed else { return nil }
            bulletin.isClosed = true
            bulletin.admitted = event.admitted
            return (bulletin.kindergarten, bulletin.seats)
        }
        guard let (kindergarten, seats) = closed ?? nil else { return }
        changeKindergarten(kindergarten) { $0.offered -= seats }
    }

    mutating func issue(_ event: Event.ReferralIssued) {
        guard !referrals.contains(event.referral) else { return }
        referrals[event.referral] = ReferralRecord(event)
        lastReferralNumber = Swift.max(lastReferralNumber, event.referral.rawValue)
        changeKindergarten(event.kindergarten) { $0.referred += 1 }
        applications.update(event.application) { application in
            application.status = .referred
            application.inactivity = nil
            application.referral = event.referral
        }
    }

    /// Ends a referral that held a seat: the seat is free, the application is back in the queue (restorable
    /// until `restorableUntil` when it comes back inactive).
    mutating func endReferral(
        _ number: ReferralNumber, as status: ReferralStatus, application applicationStatus: ApplicationStatus,
        inactivity: InactivityReason?, restorableUntil: Timestamp? = nil
    ) {
        guard let (kindergarten, application) = endSeat(number, as: status) else { return }
        changeKindergarten(kindergarten) { $0.referred -= 1 }
        applications.update(application) { application in
            guard application.referral == number else { return }
            application.referral = nil
            application.status = applicationStatus
            application.inactivity = inactivity
            application.restorableUntil = restorableUntil
        }
    }

    /// Gives referral `number` the status `status` when it holds a seat, and returns its kindergarten and
    /// application then; `nil` (nothing changed) when it holds none or does not exist.
    private mutating func endSeat(
        _ number: ReferralNumber, as status: ReferralStatus
    ) -> (KindergartenID, ApplicationNumber)? {
        let ended = referrals.update(number) { referral -> (KindergartenID, ApplicationNumber)? in
            guard referral.status.holdsSeat else { return nil }
            referral.status = status
            return (referral.kindergarten, referral.application)
        }
        return ended ?? nil
    }

    mutating func admit(_ event: Event.AdmissionConfirmed) {
        guard let (kindergarten, _) = endSeat(event.referral, as: .admitted) else { return }
        changeKindergarten(kindergarten) {
            $0.referred -= 1
            $0.enrolled += 1
        }
        applications.update(event.application) { $0.referral = nil }
        close(event.application, as: .enrolled)
        children.update(event.child) {
            $0.enrolment = Enrolment(application: event.application, kindergarten: event.kindergarten)
        }
    }
}
