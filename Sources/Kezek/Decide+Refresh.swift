extension Decider {
    /// The yearly refresh for `year`: applications in the queue whose cohort turns the placement age limit
    /// (6) or more in `year` leave (annulled, `agedOut`); the tiers of claims not rejected are re-checked
    /// against the policy in force. `queueRefreshed` says what moved. A year after the command's is refused.
    func refreshQueue(year: Int) throws(Rejection) -> [Event] {
        guard year <= at.almatyDate.year else { throw .invalidYear(year) }
        var agedOut: [ApplicationNumber] = []
        for (key, numbers) in state.applicationsByKey
        where policy.cohortAge(birthYear: key.birthYear, in: year) >= policy.placementAgeLimit {
            agedOut += numbers.filter { state.applications[$0]?.status.isInQueue == true }
        }
        agedOut.sort()
        let leaving = Set(agedOut)
        var tierChanges: [TierChange] = []
        for application in state.applications.values
        where application.status.isActive && !leaving.contains(application.number) {
            guard let claim = application.claim, application.claimStatus != .rejected else { continue }
            let tier = policy.tier(for: claim.category)
            if tier != application.tier {
                tierChanges.append(TierChange(application: application.number, from: application.tier, to: tier))
            }
        }
        tierChanges.sort { $0.application < $1.application }
        var events: [Event] = agedOut.map {
            .applicationAnnulled(Event.ApplicationAnnulled(application: $0, reason: .agedOut, policy: policy.version))
        }
        events.append(
            .queueRefreshed(
                Event.QueueRefreshed(year: year, agedOut: agedOut, tierChanges: tierChanges, policy: policy.version)))
        return events
    }
}
