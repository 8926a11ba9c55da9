/// One version of the queue rules: tiers, ages, deadlines and limits, as a value.
///
/// Rules change (2019, 2022, 2024): decisions look up the policy in force (``PolicyBook``) and record its
/// ``version``. Nothing here reads a clock: callers pass the times.
public struct Policy: Hashable, Sendable {
    /// Interleaving of first-priority and general applicants some cities used in 2019: after every
    /// ``firstPriority`` first-priority applicants, ``general`` general ones.
    public struct Interleave: Hashable, Sendable {
        /// First-priority applicants per cycle.
        public var firstPriority: Int
        /// General applicants per cycle.
        public var general: Int

        /// Describes a ratio, such as 1 : 3.
        public init(firstPriority: Int, general: Int) {
            self.firstPriority = firstPriority
            self.general = general
        }
    }

    /// The version name recorded in decisions.
    public var version: PolicyVersion
    /// The first day (Asia/Almaty) the policy governs.
    public var effectiveFrom: CivilDate
    /// The tier each category gives once verified; a category missing here gives ``Tier/general``.
    public var tiers: [PriorityCategory: Tier]
    /// The cohort age (calendar year minus birth year) from which a child is no longer placed: 6.
    public var placementAgeLimit: Int
    /// How long a supporting certificate stays valid after issue, in calendar months.
    public var documentValidityMonths: Int
    /// Calendar days to confirm or refuse a referral after it is issued.
    public var referralConfirmationDays: Int
    /// Working days to hand in documents (electronic registration) after confirming a referral.
    public var registrationWorkingDays: Int
    /// How many times a referral may be extended.
    public var maximumExtensions: Int
    /// The longest extension, in calendar days.
    public var maximumExtensionDays: Int
    /// Calendar days within which an inactive application (interest lapsed) may be restored.
    public var restorationWindowDays: Int
    /// How many times an application may be restored.
    public var maximumRestorations: Int
    /// Months a confirmation of interest (or a submission, which counts as the first) stays valid: 12.
    public var interestValidityMonths: Int
    /// Calendar days a family is stop-listed after a priority claim is found false.
    public var stopListDays: Int
    /// The most kindergartens an application may rank (0 before ranking existed).
    public var maximumRankedKindergartens: Int
    /// Seconds an SMS confirmation code stays valid.
    public var smsCodeLifetimeSeconds: Int
    /// The yearly queue refresh is due by this month and day (30 June).
    public var queueRefreshDeadline: (month: Int, day: Int) {
        get { (queueRefreshMonth, queueRefreshDay) }
        set { (queueRefreshMonth, queueRefreshDay) = newValue }
    }
    private var queueRefreshMonth: Int
    private var queueRefreshDay: Int
    /// First-priority : general interleaving, or `nil` for strict tier order (the current rule).
    public var interleave: Interleave?
    /// Whether a bulletin ranks an applicant whose sibling (another child of the same applicant) is
    /// enrolled at its kindergarten first within its tier; allocation then runs deferred acceptance.
    public var siblingPriority: Bool

    /// Builds a policy; the defaults are the current (2024) rules.
    public init(
        version: PolicyVersion, effectiveFrom: CivilDate, tiers: [PriorityCategory: Tier] = Policy.standardTiers,
        placementAgeLimit: Int = 6, documentValidityMonths: Int = 1, referralConfirmationDays: Int = 2,
        registrationWorkingDays: Int = 5, maximumExtensions: Int = 1, maximumExtensionDays: Int = 30,
        restorationWindowDays: Int = 28, maximumRestorations: Int = 1, interestValidityMonths: Int = 12,
        stopListDays: Int = 10,
        maximumRankedKindergartens: Int = 4, smsCodeLifetimeSeconds: Int = 88,
        queueRefreshDeadline: (month: Int, day: Int) = (6, 30), interleave: Interleave? = nil,
        siblingPriority: Bool = false
    ) {
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.tiers = tiers
        self.placementAgeLimit = placementAgeLimit
        self.documentValidityMonths = documentValidityMonths
        self.referralConfirmationDays = referralConfirmationDays
        self.registrationWorkingDays = registrationWorkingDays
        self.maximumExtensions = maximumExtensions
        self.maximumExtensionDays = maximumExtensionDays
        self.restorationWindowDays = restorationWindowDays
        self.maximumRestorations = maximumRestorations
        self.interestValidityMonths = interestValidityMonths
        self.stopListDays = stopListDays
        self.maximumRankedKindergartens = maximumRankedKindergartens
        self.smsCodeLifetimeSeconds = smsCodeLifetimeSeconds
        self.queueRefreshMonth = queueRefreshDeadline.month
        self.queueRefreshDay = queueRefreshDeadline.day
        self.interleave = interleave
        self.siblingPriority = siblingPriority
    }

    /// The categories by tier under Order No. 254: military and special state bodies out of turn, the
    /// social categories first priority.
    public static let standardTiers: [PriorityCategory: Tier] = [
        .military: .outOfTurn,
        .specialStateBody: .outOfTurn,
        .disabledParent: .firstPriority,
        .orphan: .firstPriority,
        .largeFamily: .firstPriority,
        .specialNeeds: .firstPriority,
        .disabledChild: .firstPriority,
        .teacher: .firstPriority,
    ]

    /// The tier of a verified (or pending) claim of `category`; ``Tier/general`` without a claim.
    public func tier(for category: PriorityCategory?) -> Tier {
        guard let category else { return .general }
        return tiers[category] ?? .general
    }
}
