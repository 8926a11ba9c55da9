extension Decider {
    /// Closes every open bulletin whose `closesAt` has passed, allocating their seats together.
    ///
    /// `changed` holds what this tick's earlier events did to applications (lapses, expiries): the round
    /// sees the applications as they stand after them.
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
        let round = Allocation.Round(
            bulletins: closing.map {
                Allocation.Bulletin(number: $0.number, kindergarten: $0.kindergarten, seats: $0.seats)
            },
            applicants: applicants(of: closing, current: current), siblingPriority: policy.siblingPriority)
        let result = round.allocate()
        let inputDigest = round.inputDigest(policy: policy.version)
        let cutOffs = cutOffs(of: zip(closing, result.outcomes).map { ($0.key, $1.cutOff) }, changed: changed)

        var events: [Event] = []
        var nextReferral = state.lastReferralNumber
        let confirmBy = policy.confirmationDeadline(referralIssuedAt: at)
        for ((bulletin, outcome), cutOff) in zip(zip(closing, result.outcomes), cutOffs) {
            events.append(
                .bulletinClosed(
                    Event.BulletinClosed(
                        bulletin: bulletin.number, admitted: outcome.admitted, cutOff: cutOff,
                        unfilledSeats: outcome.unfilledSeats, passedOver: outcome.passedOver, policy: policy.version,
                        algorithm: result.algorithm, inputDigest: inputDigest,
                        siblingPriority: outcome.siblingPriority)))
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

    /// Every application that applied to a closing bulletin, once, in application-number order: the
    /// numbers are gathered and radix-sorted, so no set of applications is built.
    private func applicants(
        of closing: [BulletinRecord], current: (ApplicationNumber) -> ApplicationRecord?
    ) -> Allocation.Applicants {
        var numbers: [UInt64] = []
        numbers.reserveCapacity(closing.reduce(0) { $0 + $1.applicants.count })
        for bulletin in closing {
            for number in bulletin.applicants { numbers.append(number.rawValue) }
        }
        var applicants = Allocation.Applicants(reservingRows: numbers.count)
        var previous: UInt64?
        for raw in RadixSort.sorted(numbers) where raw != previous {
            previous = raw
            let number = ApplicationNumber(rawValue: raw)
            guard let application = current(number) else { continue }
            applicants.append(
                application: number, position: application.queuePosition,
                ineligibility: state.ineligibility(of: application, at: at),
                rankedKindergartens: state.kindergartens(of: application), appliedTo: application.bulletins,
                siblingKindergartens: policy.siblingPriority ? siblingKindergartens(of: application) : [])
        }
        return applicants
    }

    /// The kindergartens where another child of the application's applicant is enrolled.
    private func siblingKindergartens(of application: ApplicationRecord) -> [KindergartenID] {
        state.children(of: application.applicant).compactMap { child in
            child == application.child ? nil : state.children[child]?.enrolment?.kindergarten
        }
    }

    /// The cut-off of each bulletin (its queue key and last admitted application) with its queue number
    /// as the queue stands after this tick's earlier events: one pass over each key's queue for all the
    /// cut-offs in it, each application counted against the cut-offs behind it by binary search.
    private func cutOffs(
        of lasts: [(key: QueueKey, application: ApplicationNumber?)],
        changed: [ApplicationNumber: (status: ApplicationStatus, inactivity: InactivityReason?)]
    ) -> [AllocationCutOff?] {
        var positions: [QueueKey: [(position: QueuePosition, slot: Int)]] = [:]
        for (slot, last) in lasts.enumerated() {
            guard let number = last.application, let application = state.applications[number] else { continue }
            positions[last.key, default: []].append((application.queuePosition, slot))
        }
        var cutOffs = [AllocationCutOff?](repeating: nil, count: lasts.count)
        for (key, unsorted) in positions {
            let sorted = unsorted.sorted { $0.position < $1.position }
            // ahead[i] counts the applications in the queue before sorted[i] but not before sorted[i - 1].
            var ahead = [Int](repeating: 0, count: sorted.count + 1)
            for number in state.applicationsByKey[key] ?? [] {
                guard let other = state.applications[number], (changed[number]?.status ?? other.status).isInQueue
                else { continue }
                let position = other.queuePosition
                var (low, high) = (0, sorted.count)
                while low < high {
                    let middle = (low + high) / 2
                    if position < sorted[middle].position { high = middle } else { low = middle + 1 }
                }
                ahead[low] += 1
            }
            var before = 0
            for (index, cutOff) in sorted.enumerated() {
                before += ahead[index]
                cutOffs[cutOff.slot] = AllocationCutOff(
                    queueNumber: before + 1, tier: cutOff.position.tier, submittedAt: cutOff.position.submittedAt,
                    application: cutOff.position.application)
            }
        }
        return cutOffs
    }
}
