public import Kezek

extension Projections {
    /// An applicant's personal cabinet: the children in the order added (from the decision state, which
    /// keeps applicants and children), each with their applications (the archive included: which ones
    /// from the read models, their fields from the state's records); `nil` for an unknown applicant.
    ///
    /// `state` must be the decision state folded by the same events as these projections.
    public func family(of applicant: IIN, in state: KezekState) -> Family? {
        guard let phone = state.applicants[applicant]?.phone else { return nil }
        let children = state.children(of: applicant).compactMap { iin -> Family.Child? in
            guard let record = state.children[iin] else { return nil }
            let child = ChildSummary(
                iin: iin, applicant: record.applicant, gender: record.gender,
                activeApplication: record.activeApplication, enrolment: record.enrolment)
            return Family.Child(
                child: child,
                applications: applications.applications(ofChild: iin).compactMap { summary(of: $0, in: state) })
        }
        return Family(applicant: applicant, phone: phone, children: children)
    }

    private func summary(of number: ApplicationNumber, in state: KezekState) -> Family.Application? {
        guard let record = state.applications[number] else { return nil }
        return Family.Application(
            number: number, key: record.key, status: record.status, stage: applications.stage(of: number) ?? .queue,
            tier: record.tier, queueNumber: queueNumber(of: number))
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

/// A child as the family pages show it.
public struct ChildSummary: Hashable, Sendable {
    /// The child's IIN.
    public var iin: IIN
    /// The applicant the child belongs to.
    public var applicant: IIN
    /// The gender the parent set.
    public var gender: Sex
    /// The queued, inactive or referred application, if any.
    public var activeApplication: ApplicationNumber?
    /// Where the child was enrolled, if they were.
    public var enrolment: Enrolment?
}
