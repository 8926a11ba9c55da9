extension KezekState {
    /// The applications in the queue of `key` (queued or inactive), in queue order.
    public func queue(for key: QueueKey) -> [ApplicationRecord] {
        (applicationsByKey[key] ?? []).lazy.compactMap { applications[$0] }.filter(\.status.isInQueue)
            .sorted { $0.queuePosition < $1.queuePosition }
    }

    /// The 1-based rank of an application among those in the queue of its key, or `nil` when it is not
    /// in the queue.
    public func queueNumber(of number: ApplicationNumber) -> Int? {
        guard let application = applications[number], application.status.isInQueue else { return nil }
        return queueNumber(of: application.queuePosition, in: application.key) { $0.status.isInQueue }
    }

    /// The rank `position` has in the queue of `key` when `isInQueue` says who counts.
    func queueNumber(
        of position: QueuePosition, in key: QueueKey, counting isInQueue: (ApplicationRecord) -> Bool
    ) -> Int {
        var ahead = 0
        for number in applicationsByKey[key] ?? [] {
            guard let other = applications[number], isInQueue(other), other.queuePosition < position else {
                continue
            }
            ahead += 1
        }
        return ahead + 1
    }

    /// Why allocation at `time` would skip the application, or `nil` when it is eligible.
    public func ineligibility(of application: ApplicationRecord, at time: Timestamp) -> PassOverReason? {
        switch application.status {
        case .queued: application.isStopListed(at: time) ? .stopListed : nil
        case .inactive: application.inactivity == .referralExpired ? .referralExpired : .interestLapsed
        case .referred: .holdsReferral
        case .enrolled, .withdrawn, .annulled: .notInQueue
        }
    }
}
