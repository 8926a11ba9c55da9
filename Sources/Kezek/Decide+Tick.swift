extension Decider {
    /// What fell due by `at`, in this order: referral deadlines (the application comes back inactive at its
    /// place, restorable once within the window, the seat is free), restoration windows that ended (annulled), confirmations of interest that
    /// fell due (inactive), then the bulletins whose window closed, allocated together, each seat won
    /// becoming a referral. Stop lists need no event: they end by time.
    func tick() -> [Event] {
        var events: [Event] = []
        var changed: [ApplicationNumber: (status: ApplicationStatus, inactivity: InactivityReason?)] = [:]

        let dueReferrals = state.referralsDue(by: at).compactMap {
            referral -> (ReferralRecord, ReferralDeadline, Timestamp)? in
            guard let deadline = referral.currentDeadline, deadline.dueAt <= at else { return nil }
            return (referral, deadline.kind, deadline.dueAt)
        }
        for (referral, kind, dueAt) in dueReferrals {
            let restorableUntil = restorationWindowEnd(
                lapsedAt: dueAt, restorationsUsed: state.applications[referral.application]?.restorationsUsed ?? 0)
            events.append(
                .referralExpired(
                    Event.ReferralExpired(
                        referral: referral.number, application: referral.application, deadline: kind, dueAt: dueAt,
                        policy: policy.version, restorableUntil: restorableUntil)))
            changed[referral.application] = (.inactive, .referralExpired)
            if restorableUntil <= at {
                events.append(annulment(of: referral.application))
                changed[referral.application] = (.annulled, nil)
            }
        }

        let windowsEnded = state.restorationWindowsEnded(by: at)
        for application in windowsEnded where changed[application.number] == nil {
            events.append(annulment(of: application.number))
            changed[application.number] = (.annulled, nil)
        }

        func interestDue(_ application: ApplicationRecord) -> Timestamp {
            application.interestValidUntil ?? policy.interestDeadline(confirmedAt: application.submittedAt)
        }
        for application in state.interestDue(by: at, policy: policy) where changed[application.number] == nil {
            let due = interestDue(application)
            let restorableUntil = restorationWindowEnd(lapsedAt: due, restorationsUsed: application.restorationsUsed)
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

    /// When an application that became inactive at `lapsedAt` is annulled unless restored: the end of the
    /// restoration window, or `lapsedAt` itself when it has no restoration left.
    private func restorationWindowEnd(lapsedAt: Timestamp, restorationsUsed: Int) -> Timestamp {
        restorationsUsed < policy.maximumRestorations ? policy.restorationDeadline(lapsedAt: lapsedAt) : lapsedAt
    }

    private func annulment(of number: ApplicationNumber) -> Event {
        .applicationAnnulled(
            Event.ApplicationAnnulled(application: number, reason: .restorationExpired, policy: policy.version))
    }
}
