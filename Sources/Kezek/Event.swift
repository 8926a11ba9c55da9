/// Everything that happens in the queue, as stored in the log: a closed, versioned set of facts.
///
/// Each case has a stable `EventType` code and a schema version; `encode(into:)` writes the newest layout
/// and `decode(type:version:from:)` reads every version ever written. Events carry IINs and ids, never
/// names: personal data stays in the person registry, so erasing a person does not break the hash chain.
/// Decisions record the policy version they used and their reason.
public enum Event: Hashable, Sendable {
    /// A kindergarten (preschool organisation) was registered with what it offers.
    case kindergartenRegistered(KindergartenRegistered)
    /// A parent or legal representative registered. Names stay in the person registry.
    case applicantRegistered(ApplicantRegistered)
    /// An applicant added a child. Names and nationality stay out of the log.
    case childAdded(ChildAdded)
    /// A child joined the queue. Version 2 added `kindergartens`; version 1 reads as an empty list.
    case applicationSubmitted(ApplicationSubmitted)
    /// An operator confirmed an application's priority claim.
    case priorityVerified(PriorityVerified)
    /// An operator found a priority claim false: the application moves to `tier` at its original time.
    case priorityRejected(PriorityRejected)
    /// The family confirmed it still wants a place (Мүдделі).
    case interestConfirmed(InterestConfirmed)
    /// A confirmation of interest fell due unanswered: the application is inactive (skipped by allocation, keeps its place).
    case interestLapsed(InterestLapsed)
    /// A lapsed application was restored within its window.
    case applicationRestored(ApplicationRestored)
    /// The family withdrew the application; it leaves the queue.
    case applicationWithdrawn(ApplicationWithdrawn)
    /// The engine ended the application; it leaves the queue.
    case applicationAnnulled(ApplicationAnnulled)
    /// An application was put on the stop list: allocation skips it until `until`.
    case stopListed(StopListed)
    /// A kindergarten published free seats for one queue key and a window.
    case bulletinPublished(BulletinPublished)
    /// An application applied to a bulletin.
    case bulletinApplied(BulletinApplied)
    /// A bulletin closed and its seats were allocated by queue order. Kept in a box of its own: its
    /// payload (136 bytes, with the cut-off and the input digest) is half again as large as any other,
    /// and every event is as large as the largest payload inline, so boxing the rare closing keeps each of
    /// the millions of other events at 88 bytes and their copies short.
    indirect case bulletinClosed(BulletinClosed)
    /// A seat won in an allocation became a referral (жолдама).
    case referralIssued(ReferralIssued)
    /// The family accepted the referral.
    case referralConfirmed(ReferralConfirmed)
    /// The family refused the referral; the seat is free again.
    case referralRefused(ReferralRefused)
    /// A referral deadline passed; the seat is free again and the application comes back inactive.
    case referralExpired(ReferralExpired)
    /// The registration deadline was extended once.
    case referralExtended(ReferralExtended)
    /// Documents were handed in: electronic registration.
    case enrollmentRegistered(EnrollmentRegistered)
    /// The kindergarten confirmed admission: the child is enrolled and leaves the queue.
    case admissionConfirmed(AdmissionConfirmed)
    /// The engine cancelled a referral (e.g. its priority claim was rejected).
    case referralCancelled(ReferralCancelled)
    /// The yearly refresh ran: aged-out cohorts left, categories were re-checked.
    case queueRefreshed(QueueRefreshed)

    /// The event's type code.
    public var type: EventType {
        switch self {
        case .kindergartenRegistered: .kindergartenRegistered
        case .applicantRegistered: .applicantRegistered
        case .childAdded: .childAdded
        case .applicationSubmitted: .applicationSubmitted
        case .priorityVerified: .priorityVerified
        case .priorityRejected: .priorityRejected
        case .interestConfirmed: .interestConfirmed
        case .interestLapsed: .interestLapsed
        case .applicationRestored: .applicationRestored
        case .applicationWithdrawn: .applicationWithdrawn
        case .applicationAnnulled: .applicationAnnulled
        case .stopListed: .stopListed
        case .bulletinPublished: .bulletinPublished
        case .bulletinApplied: .bulletinApplied
        case .bulletinClosed: .bulletinClosed
        case .referralIssued: .referralIssued
        case .referralConfirmed: .referralConfirmed
        case .referralRefused: .referralRefused
        case .referralExpired: .referralExpired
        case .referralExtended: .referralExtended
        case .enrollmentRegistered: .enrollmentRegistered
        case .admissionConfirmed: .admissionConfirmed
        case .referralCancelled: .referralCancelled
        case .queueRefreshed: .queueRefreshed
        }
    }
}
