extension Event {
    /// `referralIssued`: A seat won in an allocation became a referral (жолдама).
    public struct ReferralIssued: Hashable, Sendable {
        /// The referral.
        public var referral: ReferralNumber
        /// The application.
        public var application: ApplicationNumber
        /// The bulletin the seat came from.
        public var bulletin: BulletinNumber
        /// The kindergarten.
        public var kindergarten: KindergartenID
        /// When it was issued.
        public var issuedAt: Timestamp
        /// The deadline to confirm or refuse.
        public var confirmBy: Timestamp
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(
            referral: ReferralNumber, application: ApplicationNumber, bulletin: BulletinNumber,
            kindergarten: KindergartenID, issuedAt: Timestamp, confirmBy: Timestamp, policy: PolicyVersion
        ) {
            self.referral = referral
            self.application = application
            self.bulletin = bulletin
            self.kindergarten = kindergarten
            self.issuedAt = issuedAt
            self.confirmBy = confirmBy
            self.policy = policy
        }
    }

    /// `referralConfirmed`: The family accepted the referral.
    public struct ReferralConfirmed: Hashable, Sendable {
        /// The referral.
        public var referral: ReferralNumber
        /// The deadline to hand in documents (working days).
        public var registerBy: Timestamp
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(referral: ReferralNumber, registerBy: Timestamp, policy: PolicyVersion) {
            self.referral = referral
            self.registerBy = registerBy
            self.policy = policy
        }
    }

    /// `referralRefused`: The family refused the referral; the seat is free again.
    public struct ReferralRefused: Hashable, Sendable {
        /// The referral.
        public var referral: ReferralNumber
        /// The application.
        public var application: ApplicationNumber

        /// The event from its fields.
        public init(referral: ReferralNumber, application: ApplicationNumber) {
            self.referral = referral
            self.application = application
        }
    }

    /// `referralExpired`: A referral deadline passed; the seat is free again and the application comes back
    /// inactive, restorable until `restorableUntil`. Version 2 added `restorableUntil`; version 1 reads as
    /// `nil` (restorable with no window, as it was decided then).
    public struct ReferralExpired: Hashable, Sendable {
        /// The referral.
        public var referral: ReferralNumber
        /// The application.
        public var application: ApplicationNumber
        /// Which deadline passed.
        public var deadline: ReferralDeadline
        /// The deadline's time.
        public var dueAt: Timestamp
        /// The policy version the decision used.
        public var policy: PolicyVersion
        /// Confirming interest before this restores the application; at this time it is annulled (since
        /// version 2; equal to `dueAt` when no restoration was left).
        public var restorableUntil: Timestamp?

        /// The event from its fields.
        public init(
            referral: ReferralNumber, application: ApplicationNumber, deadline: ReferralDeadline, dueAt: Timestamp,
            policy: PolicyVersion, restorableUntil: Timestamp? = nil
        ) {
            self.referral = referral
            self.application = application
            self.deadline = deadline
            self.dueAt = dueAt
            self.policy = policy
            self.restorableUntil = restorableUntil
        }
    }

    /// `referralExtended`: The registration deadline was extended once.
    public struct ReferralExtended: Hashable, Sendable {
        /// The referral.
        public var referral: ReferralNumber
        /// The extra calendar days.
        public var days: Int
        /// The new deadline.
        public var registerBy: Timestamp
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(referral: ReferralNumber, days: Int, registerBy: Timestamp, policy: PolicyVersion) {
            self.referral = referral
            self.days = days
            self.registerBy = registerBy
            self.policy = policy
        }
    }

    /// `enrollmentRegistered`: Documents were handed in: electronic registration.
    public struct EnrollmentRegistered: Hashable, Sendable {
        /// The referral.
        public var referral: ReferralNumber

        /// The event from its fields.
        public init(referral: ReferralNumber) {
            self.referral = referral
        }
    }

    /// `admissionConfirmed`: The kindergarten confirmed admission: the child is enrolled and leaves the queue.
    public struct AdmissionConfirmed: Hashable, Sendable {
        /// The referral.
        public var referral: ReferralNumber
        /// The application.
        public var application: ApplicationNumber
        /// The child enrolled.
        public var child: IIN
        /// The kindergarten.
        public var kindergarten: KindergartenID

        /// The event from its fields.
        public init(referral: ReferralNumber, application: ApplicationNumber, child: IIN, kindergarten: KindergartenID)
        {
            self.referral = referral
            self.application = application
            self.child = child
            self.kindergarten = kindergarten
        }
    }

    /// `referralCancelled`: The engine cancelled a referral (e.g. its priority claim was rejected).
    public struct ReferralCancelled: Hashable, Sendable {
        /// The referral.
        public var referral: ReferralNumber
        /// The application.
        public var application: ApplicationNumber
        /// Which rule cancelled it.
        public var reason: ReferralCancellationReason
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(
            referral: ReferralNumber, application: ApplicationNumber, reason: ReferralCancellationReason,
            policy: PolicyVersion
        ) {
            self.referral = referral
            self.application = application
            self.reason = reason
            self.policy = policy
        }
    }
}

extension Event.ReferralIssued: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("referral", referral)
        fields.write("application", application)
        fields.write("bulletin", bulletin)
        fields.write("kindergarten", kindergarten)
        fields.write("issuedAt", issuedAt)
        fields.write("confirmBy", confirmBy)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            referral: try fields.read("referral"), application: try fields.read("application"),
            bulletin: try fields.read("bulletin"), kindergarten: try fields.read("kindergarten"),
            issuedAt: try fields.read("issuedAt"), confirmBy: try fields.read("confirmBy"),
            policy: try fields.read("policy"))
    }
}

extension Event.ReferralConfirmed: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("referral", referral)
        fields.write("registerBy", registerBy)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            referral: try fields.read("referral"), registerBy: try fields.read("registerBy"),
            policy: try fields.read("policy"))
    }
}

extension Event.ReferralRefused: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("referral", referral)
        fields.write("application", application)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            referral: try fields.read("referral"), application: try fields.read("application"))
    }
}

extension Event.ReferralExpired: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("referral", referral)
        fields.write("application", application)
        fields.write("deadline", deadline)
        fields.write("dueAt", dueAt)
        fields.write("policy", policy)
        fields.write("restorableUntil", restorableUntil)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            referral: try fields.read("referral"), application: try fields.read("application"),
            deadline: try fields.read("deadline"), dueAt: try fields.read("dueAt"), policy: try fields.read("policy"),
            restorableUntil: version >= 2 ? try fields.read("restorableUntil") : nil)
    }
}

extension Event.ReferralExtended: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("referral", referral)
        fields.write("days", days)
        fields.write("registerBy", registerBy)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            referral: try fields.read("referral"), days: try fields.read("days"),
            registerBy: try fields.read("registerBy"), policy: try fields.read("policy"))
    }
}

extension Event.EnrollmentRegistered: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("referral", referral)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            referral: try fields.read("referral"))
    }
}

extension Event.AdmissionConfirmed: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("referral", referral)
        fields.write("application", application)
        fields.write("child", child)
        fields.write("kindergarten", kindergarten)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            referral: try fields.read("referral"), application: try fields.read("application"),
            child: try fields.read("child"), kindergarten: try fields.read("kindergarten"))
    }
}

extension Event.ReferralCancelled: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("referral", referral)
        fields.write("application", application)
        fields.write("reason", reason)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            referral: try fields.read("referral"), application: try fields.read("application"),
            reason: try fields.read("reason"), policy: try fields.read("policy"))
    }
}
