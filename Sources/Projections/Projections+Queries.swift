public import Kezek

extension Projections {
    /// The queue number (1-based rank in its queue) of an application, `nil` when it is not in the queue;
    /// O(log n).
    public func queueNumber(of number: ApplicationNumber) -> Int? { queues.queueNumber(of: number) }

    /// The ordered queue of `key`: queue numbers `offset + 1 ... offset + limit`.
    public func queue(for key: QueueKey, offset: Int = 0, limit: Int = .max) -> [QueueEntry] {
        queues.entries(for: key, offset: offset, limit: limit)
    }

    /// The application card: its fields, stage, status, tier, queue number and history.
    public func card(of number: ApplicationNumber) -> ApplicationCard? {
        guard let row = applications.rowIndex[number] else { return nil }
        let record = applications.rows[Int(row)]
        return ApplicationCard(
            number: record.number, applicant: record.applicant, child: record.child, key: record.key.key,
            kindergartens: applications.kindergartens(of: number), submittedAt: record.submittedAt,
            originalTier: record.originalTier, tier: record.tier, priorityCategory: record.category,
            claimStatus: record.claimStatus, status: record.status, inactivity: record.inactivity,
            stage: record.stage, queueNumber: queueNumber(of: number),
            referral: record.referral == 0 ? nil : ReferralNumber(rawValue: record.referral),
            interestValidUntil: ApplicationRow.time(record.interestValidUntil),
            stopListedUntil: ApplicationRow.time(record.stopListedUntil),
            restorableUntil: ApplicationRow.time(record.restorableUntil),
            restorationsUsed: Int(record.restorationsUsed), history: applications.history(of: number))
    }

    /// What happened to an applicant's applications, newest first: at most `limit` notifications.
    public func notifications(for applicant: IIN, limit: Int = .max) -> [HistoryItem] {
        applications.notifications(for: applicant, limit: limit)
    }
}
