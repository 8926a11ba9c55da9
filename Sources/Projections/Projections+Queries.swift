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

    /// An applicant's personal cabinet: the children in the order added, each with their applications
    /// (the archive included); `nil` for an unknown applicant.
    public func family(of applicant: IIN) -> Family? {
        guard let phone = families.phone(of: applicant) else { return nil }
        let children = families.children(of: applicant).compactMap { families.child($0) }.map { child in
            Family.Child(
                child: child,
                applications: applications.applications(ofChild: child.iin).map { summary(of: $0) })
        }
        return Family(applicant: applicant, phone: phone, children: children)
    }

    /// What happened to an applicant's applications, newest first: at most `limit` notifications.
    public func notifications(for applicant: IIN, limit: Int = .max) -> [HistoryItem] {
        applications.notifications(for: applicant, limit: limit)
    }

    private func summary(of number: ApplicationNumber) -> Family.Application {
        let record = applications.rows[Int(applications.rowIndex[number]!)]
        return Family.Application(
            number: number, key: record.key.key, status: record.status, stage: record.stage, tier: record.tier,
            queueNumber: queueNumber(of: number))
    }
}

/// An applicant's children and their applications.
public struct Family: Hashable, Sendable {
    /// The applicant's IIN.
    public var applicant: IIN
    /// The applicant's phone.
    public var phone: PhoneNumber
    /// The children, in the order they were added.
    public var children: [Child]

    /// A child with their applications.
    public struct Child: Hashable, Sendable {
        /// The child.
        public var child: ChildSummary
        /// Every application of the child, in submission order.
        public var applications: [Application]
    }

    /// One line of the applications list.
    public struct Application: Hashable, Sendable {
        /// The application's number.
        public var number: ApplicationNumber
        /// Its queue.
        public var key: QueueKey
        /// Where it is in its life.
        public var status: ApplicationStatus
        /// The furthest of the five stages it stands at.
        public var stage: ApplicationStage
        /// Its tier.
        public var tier: Tier
        /// Its queue number while in the queue.
        public var queueNumber: Int?
    }
}
