extension Decider {
    /// Closes every open bulletin whose `closesAt` has passed, allocating their seats together.
    func closeBulletins(
        after changed: [ApplicationNumber: (status: ApplicationStatus, inactivity: InactivityReason?)]
    ) -> [Event] {
        let closing = state.bulletins.values.filter { !$0.isClosed && $0.closesAt <= at }.sorted {
            $0.number < $1.number
        }
        guard !closing.isEmpty else { return [] }
        /// The application as it stands after this tick's earlier events.
        func current(_ number: ApplicationNumber) -> ApplicationRecord? {
            guard var application = state.applications[number] else { return nil }
            if let change = changed[number] {
                application.status = change.status
                application.inactivity = change.inactivity
            }
            return application
        }
        var candidates: [Allocation.Candidate] = []
        var seen: Set<ApplicationNumber> = []
        for bulletin in closing {
            for number in bulletin.applicants where seen.insert(number).inserted {
                guard let application = current(number) else { continue }
                candidates.append(
                    Allocation.Candidate(
                        application: number, position: application.queuePosition,
                        ineligibility: state.ineligibility(of: application, at: at),
                        rankedKindergartens: application.kindergartens, appliedTo: application.bulletins))
            }
        }
        let outcomes = Allocation.allocate(
            bulletins: closing.map {
                Allocation.Bulletin(number: $0.number, kindergarten: $0.kindergarten, seats: $0.seats)
            },
            candidates: candidates)
        var events: [Event] = []
        var nextReferral = state.lastReferralNumber
        let confirmBy = policy.confirmationDeadline(referralIssuedAt: at)
        for (bulletin, outcome) in zip(closing, outcomes) {
            let cutOff = outcome.cutOff.flatMap(current).map { last in
                AllocationCutOff(
                    queueNumber: state.queueNumber(of: last.queuePosition, in: bulletin.key) {
                        (current($0.number) ?? $0).status.isInQueue
                    },
                    tier: last.tier, submittedAt: last.submittedAt, application: last.number)
            }
            events.append(
                .bulletinClosed(
                    Event.BulletinClosed(
                        bulletin: bulletin.number, admitted: outcome.admitted, cutOff: cutOff,
                        unfilledSeats: outcome.unfilledSeats, passedOver: outcome.passedOver, policy: policy.version)))
            for application in outcome.admitted {
                nextReferral += 1
                events.append(
                    .referralIssued(
                        Event.ReferralIssued(
                            referral: ReferralNumber(rawValue: nextReferral), application: application,
                            bulletin: bulletin.number, kindergarten: bulletin.kindergarten, issuedAt: at,
                            confirmBy: confirmBy, policy: policy.version)))
            }
        }
        return events
    }
}
