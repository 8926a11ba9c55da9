extension Decider {
    /// What fell due by `at`, in this order: referral deadlines (the application comes back inactive at its
    /// place, the seat is free), restoration windows that ended (annulled), confirmations of interest that
    /// fell due (inactive), then the bulletins whose window closed, allocated together, each seat won
    /// becoming a referral. Stop lists need no event: they end by time.
    func tick() -> [Event] {
        var events: [Event] = []
        var changed: [ApplicationNumber: (status: ApplicationStatus, inactivity: InactivityReason?)] = [:]

        let dueReferrals = state.referrals.values.compactMap {
            referral -> (ReferralRecord, ReferralDeadline, Timestamp)? in
            guard let deadline = referral.currentDeadline, deadline.dueAt <= at else { return nil }
            return (referral, deadline.kind, deadline.dueAt)
        }
        for (referral, kind, dueAt) in dueReferrals.sorted(by: { $0.0.number < $1.0.number }) {
            events.append(
                .referralExpired(
                    Event.ReferralExpired(
                        referral: referral.number, application: referral.application, deadline: kind, dueAt: dueAt,
                        policy: policy.version)))
            changed[referral.application] = (.inactive, .referralExpired)
        }

        let windowsEnded = sortedApplications {
            $0.status == .inactive && $0.inactivity == .interestLapsed && ($0.restorableUntil.map { $0 <= at } ?? false)
        }
        for application in windowsEnded where changed[application.number] == nil {
            events.append(annulment(of: application.number))
            changed[application.number] = (.annulled, nil)
        }

        func interestDue(_ application: ApplicationRecord) -> Timestamp {
            application.interestValidUntil ?? policy.interestDeadline(confirmedAt: application.submittedAt)
        }
        for application in sortedApplications(where: { $0.status == .queued && interestDue($0) <= at })
        where changed[application.number] == nil {
            let due = interestDue(application)
            let canRestore = application.restorationsUsed < policy.maximumRestorations
            let restorableUntil = canRestore ? policy.restorationDeadline(lapsedAt: due) : due
            events.append(
                .interestLapsed(
                    Event.InterestLapsed(
                        application: application.number, restorableUntil: restorableUntil, policy: policy.version)))
            changed[application.number] = (.inactive, .interestLapsed)
            if restorableUntil <= at {
                events.append(annulment(of: application.number))
                changed[application.number] = (.annulled, nil)
            }
        }

        events += closeBulletins(after: changed)
        return events
    }

    private func annulment(of number: ApplicationNumber) -> Event {
        .applicationAnnulled(
            Event.ApplicationAnnulled(application: number, reason: .restorationExpired, policy: policy.version))
    }

    private func sortedApplications(where include: (ApplicationRecord) -> Bool) -> [ApplicationRecord] {
        state.applications.values.filter(include).sorted { $0.number < $1.number }
    }
}
