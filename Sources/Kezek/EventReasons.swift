// The reasons and records that events give for their decisions. Enum tags are append only.

/// Why the engine ended an application.
public enum AnnulmentReason: String, CaseIterable, Hashable, Sendable {
    /// The family refused its referral.
    case referralRefused
    /// The child aged out of the queue at the yearly refresh.
    case agedOut
    /// The application lapsed and was not restored within its window.
    case restorationExpired
}

/// Why an application was put on the stop list.
public enum StopListReason: String, CaseIterable, Hashable, Sendable {
    /// Its priority claim was found false.
    case priorityRejected
}

/// Which referral deadline passed.
public enum ReferralDeadline: String, CaseIterable, Hashable, Sendable {
    /// The deadline to confirm or refuse (2 days).
    case confirmation
    /// The deadline to hand in documents (5 working days, plus any extension).
    case registration
}

/// Why the engine cancelled a referral.
public enum ReferralCancellationReason: String, CaseIterable, Hashable, Sendable {
    /// The application's priority claim was rejected.
    case priorityRejected
    /// The application was withdrawn.
    case applicationWithdrawn
}

/// Why an applicant to a bulletin got no seat from it although seats were left at its turn.
public enum PassOverReason: String, CaseIterable, Hashable, Sendable {
    /// Its confirmation of interest lapsed.
    case interestLapsed
    /// It is on the stop list.
    case stopListed
    /// It already holds a referral.
    case holdsReferral
    /// It left the queue (withdrawn, annulled, enrolled).
    case notInQueue
    /// It won a seat at a bulletin it prefers, closing in the same round.
    case admittedElsewhere
    /// It is inactive because its referral expired (until the family confirms interest again).
    case referralExpired
}

/// The last queue position admitted by a bulletin: everyone before it in queue order who applied and was
/// eligible got a seat.
public struct AllocationCutOff: Hashable, Sendable {
    /// The queue number (rank within the key) at allocation time.
    public var queueNumber: Int
    /// The tier of the last admitted application.
    public var tier: Tier
    /// Its application time.
    public var submittedAt: Timestamp
    /// Its number.
    public var application: ApplicationNumber

    /// A cut-off from its parts.
    public init(queueNumber: Int, tier: Tier, submittedAt: Timestamp, application: ApplicationNumber) {
        self.queueNumber = queueNumber
        self.tier = tier
        self.submittedAt = submittedAt
        self.application = application
    }
}

/// An applicant skipped by an allocation, with the reason.
public struct PassedOver: Hashable, Sendable {
    /// The application.
    public var application: ApplicationNumber
    /// Why it got no seat here.
    public var reason: PassOverReason

    /// A skipped applicant.
    public init(application: ApplicationNumber, reason: PassOverReason) {
        self.application = application
        self.reason = reason
    }
}

/// A tier change made by the yearly refresh.
public struct TierChange: Hashable, Sendable {
    /// The application.
    public var application: ApplicationNumber
    /// Its tier before.
    public var from: Tier
    /// Its tier after.
    public var to: Tier

    /// A change from one tier to another.
    public init(application: ApplicationNumber, from: Tier, to: Tier) {
        self.application = application
        self.from = from
        self.to = to
    }
}

extension AnnulmentReason: EventEnum {
    static let binaryOrder: [AnnulmentReason] = [.referralRefused, .agedOut, .restorationExpired]
}

extension StopListReason: EventEnum {
    static let binaryOrder: [StopListReason] = [.priorityRejected]
}

extension ReferralDeadline: EventEnum {
    static let binaryOrder: [ReferralDeadline] = [.confirmation, .registration]
}

extension ReferralCancellationReason: EventEnum {
    static let binaryOrder: [ReferralCancellationReason] = [.priorityRejected, .applicationWithdrawn]
}

extension PassOverReason: EventEnum {
    static let binaryOrder: [PassOverReason] = [
        .interestLapsed, .stopListed, .holdsReferral, .notInQueue, .admittedElsewhere, .referralExpired,
    ]
}

extension AllocationCutOff: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("queueNumber", queueNumber)
        fields.write("tier", tier)
        fields.write("submittedAt", submittedAt)
        fields.write("application", application)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            queueNumber: try fields.read("queueNumber"), tier: try fields.read("tier"),
            submittedAt: try fields.read("submittedAt"), application: try fields.read("application"))
    }
}

extension PassedOver: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("reason", reason)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(application: try fields.read("application"), reason: try fields.read("reason"))
    }
}

extension TierChange: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("from", from)
        fields.write("to", to)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(application: try fields.read("application"), from: try fields.read("from"), to: try fields.read("to"))
    }
}
