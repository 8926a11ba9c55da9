/// A published bulletin: free seats of one kindergarten for one queue key and a window.
public struct BulletinRecord: Hashable, Sendable {
    /// Its number.
    public var number: BulletinNumber
    /// The kindergarten.
    public var kindergarten: KindergartenID
    /// The queue whose applicants may apply.
    public var key: QueueKey
    /// The seats offered.
    public var seats: Int
    /// When applying opens.
    public var opensAt: Timestamp
    /// When applying closes and the seats are allocated.
    public var closesAt: Timestamp
    /// The applications that applied, in the order they applied.
    public var applicants: [ApplicationNumber] = []
    /// Whether it closed (its seats were allocated).
    public var isClosed = false
    /// The applications admitted at close, in queue order.
    public var admitted: [ApplicationNumber] = []

    /// A bulletin as published.
    public init(_ event: Event.BulletinPublished) {
        number = event.bulletin
        kindergarten = event.kindergarten
        key = event.key
        seats = event.seats
        opensAt = event.opensAt
        closesAt = event.closesAt
    }

    /// Whether applying is possible at `time`: opened, not yet closed.
    public func isOpen(at time: Timestamp) -> Bool {
        !isClosed && opensAt <= time && time < closesAt
    }
}

/// Where a referral is in its life.
public enum ReferralStatus: String, CaseIterable, Hashable, Sendable {
    /// Issued; the family has until `confirmBy` to confirm or refuse.
    case issued
    /// Confirmed; documents are due by `registerBy`.
    case confirmed
    /// Documents handed in (electronic registration); admission pending.
    case registered
    /// The child was admitted.
    case admitted
    /// The family refused it.
    case refused
    /// A deadline passed.
    case expired
    /// The engine cancelled it.
    case cancelled

    /// Whether the referral still holds its seat.
    public var holdsSeat: Bool { self == .issued || self == .confirmed || self == .registered }
}

/// A referral (жолдама): the right to a seat won at a bulletin's close, with its deadlines.
public struct ReferralRecord: Hashable, Sendable {
    /// Its number.
    public var number: ReferralNumber
    /// The application that won the seat.
    public var application: ApplicationNumber
    /// The bulletin the seat came from.
    public var bulletin: BulletinNumber
    /// The kindergarten.
    public var kindergarten: KindergartenID
    /// When it was issued.
    public var issuedAt: Timestamp
    /// The deadline to confirm or refuse.
    public var confirmBy: Timestamp
    /// The deadline to hand in documents, once confirmed.
    public var registerBy: Timestamp?
    /// Where it is in its life.
    public var status: ReferralStatus = .issued
    /// How many times its registration deadline was extended.
    public var extensionsUsed = 0

    /// A referral as issued.
    public init(_ event: Event.ReferralIssued) {
        number = event.referral
        application = event.application
        bulletin = event.bulletin
        kindergarten = event.kindergarten
        issuedAt = event.issuedAt
        confirmBy = event.confirmBy
    }

    /// The deadline that applies now: `confirmBy` while issued, `registerBy` while confirmed, none after.
    public var currentDeadline: (kind: ReferralDeadline, dueAt: Timestamp)? {
        switch status {
        case .issued: (.confirmation, confirmBy)
        case .confirmed: registerBy.map { (.registration, $0) }
        default: nil
        }
    }
}
