/// Where an application is in its life.
public enum ApplicationStatus: String, CaseIterable, Hashable, Sendable {
    /// In the queue and taking part in allocations.
    case queued
    /// In the queue at its place, but skipped by allocation (interest lapsed, or a referral expired).
    case inactive
    /// Holds a referral: out of the queue while the referral runs.
    case referred
    /// The child was admitted (archive).
    case enrolled
    /// The family withdrew it (archive).
    case withdrawn
    /// The engine ended it (archive).
    case annulled

    /// Queued or inactive: the application counts for queue numbers.
    public var isInQueue: Bool { self == .queued || self == .inactive }
    /// Queued, inactive or referred: the child's one active application.
    public var isActive: Bool { isInQueue || self == .referred }
    /// Enrolled, withdrawn or annulled: the application is in the archive.
    public var isArchived: Bool { !isActive }
}

/// Why an application is inactive.
public enum InactivityReason: String, CaseIterable, Hashable, Sendable {
    /// The yearly confirmation of interest fell due unanswered.
    case interestLapsed
    /// Its referral expired unanswered or unregistered.
    case referralExpired
}

/// Where a priority claim stands.
public enum ClaimStatus: String, CaseIterable, Hashable, Sendable {
    /// Submitted, not yet verified: it already counts in the queue.
    case pending
    /// An operator confirmed it.
    case verified
    /// An operator found it false: the application is in the general tier.
    case rejected
}

/// An application (a child's place in a queue) with everything decisions need.
///
/// Stored compactly (a million of them live in the state): the word-sized fields first, the optional
/// times as milliseconds with `Int64.min` for "none" behind properties of the usual types, the one-byte
/// fields last.
public struct ApplicationRecord: Hashable, Sendable {
    /// Its number.
    public var number: ApplicationNumber
    /// The applicant.
    public var applicant: IIN
    /// The child.
    public var child: IIN
    /// Server time of submission: the order within a tier, kept for ever.
    public var submittedAt: Timestamp
    /// 0 to 4 ranked kindergartens, most wanted first, as numbers in the state's table; the ids are
    /// `KezekState.kindergartens(of:)`.
    public internal(set) var rankedKindergartens: RankedKindergartens
    /// The bulletins it applied to, in order.
    public var bulletins: [BulletinNumber] = []
    /// The policy version of the submission.
    public var policy: PolicyVersion
    /// The priority claim, if any.
    public var claim: PriorityClaim?
    private var interestValidUntilMilliseconds = Self.noTime
    private var restorableUntilMilliseconds = Self.noTime
    private var stopListedUntilMilliseconds = Self.noTime
    /// Its queue.
    public var key: QueueKey
    /// The referral it holds (issued, confirmed or registered), if any.
    public var referral: ReferralNumber?
    /// The tier it had at submission.
    public var originalTier: Tier
    /// Its tier now (general after a rejected claim).
    public var tier: Tier
    /// Where the claim stands; `nil` without a claim.
    public var claimStatus: ClaimStatus?
    /// Where the application is in its life.
    public var status: ApplicationStatus = .queued
    /// Why it is inactive, when it is.
    public var inactivity: InactivityReason?
    private var restorations: UInt32 = 0

    /// "No time" in the stored milliseconds.
    private static let noTime = Int64.min

    /// The next confirmation of interest is due then; `nil` until first confirmed (then the policy's
    /// period after submission applies).
    public var interestValidUntil: Timestamp? {
        get { Self.time(interestValidUntilMilliseconds) }
        set { interestValidUntilMilliseconds = Self.milliseconds(newValue) }
    }
    /// After a lapse of interest, confirming before this restores it.
    public var restorableUntil: Timestamp? {
        get { Self.time(restorableUntilMilliseconds) }
        set { restorableUntilMilliseconds = Self.milliseconds(newValue) }
    }
    /// Allocation skips it before this time.
    public var stopListedUntil: Timestamp? {
        get { Self.time(stopListedUntilMilliseconds) }
        set { stopListedUntilMilliseconds = Self.milliseconds(newValue) }
    }
    /// How many times it was restored after a lapse of interest (counted up to 2^32 - 1).
    public var restorationsUsed: Int {
        get { Int(restorations) }
        set { restorations = UInt32(clamping: newValue) }
    }

    private static func time(_ milliseconds: Int64) -> Timestamp? {
        milliseconds == noTime ? nil : Timestamp(millisecondsSinceEpoch: milliseconds)
    }

    private static func milliseconds(_ time: Timestamp?) -> Int64 {
        time?.millisecondsSinceEpoch ?? noTime
    }

    /// A record with every field given (reading the state's image): the references it holds move in.
    init(
        number: ApplicationNumber, applicant: IIN, child: IIN, submittedAt: Timestamp,
        ranked: RankedKindergartens, policy: PolicyVersion, claim: consuming PriorityClaim?, key: QueueKey,
        referral: ReferralNumber?, originalTier: Tier, tier: Tier, claimStatus: ClaimStatus?,
        status: ApplicationStatus, inactivity: InactivityReason?, restorationsUsed: UInt32,
        interestValidUntil: Timestamp?, restorableUntil: Timestamp?, stopListedUntil: Timestamp?,
        bulletins: consuming [BulletinNumber]
    ) {
        self.number = number
        self.applicant = applicant
        self.child = child
        self.submittedAt = submittedAt
        rankedKindergartens = ranked
        self.bulletins = bulletins
        self.policy = policy
        self.claim = claim
        interestValidUntilMilliseconds = Self.milliseconds(interestValidUntil)
        restorableUntilMilliseconds = Self.milliseconds(restorableUntil)
        stopListedUntilMilliseconds = Self.milliseconds(stopListedUntil)
        self.key = key
        self.referral = referral
        self.originalTier = originalTier
        self.tier = tier
        self.claimStatus = claimStatus
        self.status = status
        self.inactivity = inactivity
        restorations = restorationsUsed
    }

    /// The application as submitted, its ranked kindergartens numbered in the state's table.
    init(_ event: Event.ApplicationSubmitted, ranked: RankedKindergartens) {
        number = event.application
        applicant = event.applicant
        child = event.child
        key = event.key
        rankedKindergartens = ranked
        submittedAt = event.submittedAt
        originalTier = event.tier
        tier = event.tier
        claim = event.priority
        claimStatus = event.priority == nil ? nil : .pending
        policy = event.policy
    }

    /// The queue order: tier, then application time, then number.
    public var queuePosition: QueuePosition {
        QueuePosition(tier: tier, submittedAt: submittedAt, application: number)
    }

    /// Whether the stop list still holds it at `time`.
    public func isStopListed(at time: Timestamp) -> Bool {
        guard let stopListedUntil else { return false }
        return time < stopListedUntil
    }
}

/// A place in a queue: ordered by tier, then application time, then application number.
public struct QueuePosition: Hashable, Comparable, Sendable {
    /// The tier (out-of-turn first).
    public var tier: Tier
    /// The application time.
    public var submittedAt: Timestamp
    /// The application number, the last tie-break.
    public var application: ApplicationNumber

    /// A position from its parts.
    public init(tier: Tier, submittedAt: Timestamp, application: ApplicationNumber) {
        self.tier = tier
        self.submittedAt = submittedAt
        self.application = application
    }

    /// Queue order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.tier.rawValue, lhs.submittedAt, lhs.application) < (rhs.tier.rawValue, rhs.submittedAt, rhs.application)
    }
}
