extension Event {
    /// `applicationSubmitted`: A child joined the queue. Version 2 added `kindergartens`; version 1 reads as an empty list.
    public struct ApplicationSubmitted: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// The applicant's IIN.
        public var applicant: IIN
        /// The child's IIN.
        public var child: IIN
        /// The queue: locality, birth year, language, group type.
        public var key: QueueKey
        /// Server time of submission: the order within a tier.
        public var submittedAt: Timestamp
        /// The tier the claim gives under `policy` (general without a claim).
        public var tier: Tier
        /// The priority claim, if any; it counts from submission until rejected.
        public var priority: PriorityClaim?
        /// The policy version the decision used.
        public var policy: PolicyVersion
        /// 0 to 4 ranked kindergartens, most wanted first (since version 2).
        public var kindergartens: [KindergartenID]

        /// The event from its fields.
        public init(
            application: ApplicationNumber, applicant: IIN, child: IIN, key: QueueKey, submittedAt: Timestamp,
            tier: Tier, priority: PriorityClaim? = nil, policy: PolicyVersion, kindergartens: [KindergartenID] = []
        ) {
            self.application = application
            self.applicant = applicant
            self.child = child
            self.key = key
            self.submittedAt = submittedAt
            self.tier = tier
            self.priority = priority
            self.policy = policy
            self.kindergartens = kindergartens
        }
    }

    /// `priorityVerified`: An operator confirmed an application's priority claim.
    public struct PriorityVerified: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// The category confirmed.
        public var category: PriorityCategory
        /// The operator's note, if any.
        public var reason: String?
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(
            application: ApplicationNumber, category: PriorityCategory, reason: String? = nil, policy: PolicyVersion
        ) {
            self.application = application
            self.category = category
            self.reason = reason
            self.policy = policy
        }
    }

    /// `priorityRejected`: An operator found a priority claim false: the application moves to `tier` at its original time.
    public struct PriorityRejected: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// The category claimed.
        public var category: PriorityCategory
        /// The operator's reason, if given.
        public var reason: String?
        /// The tier the application has from now on (general).
        public var tier: Tier
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(
            application: ApplicationNumber, category: PriorityCategory, reason: String? = nil, tier: Tier,
            policy: PolicyVersion
        ) {
            self.application = application
            self.category = category
            self.reason = reason
            self.tier = tier
            self.policy = policy
        }
    }

    /// `interestConfirmed`: The family confirmed it still wants a place (Мүдделі).
    public struct InterestConfirmed: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// When the next confirmation is due.
        public var validUntil: Timestamp
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(application: ApplicationNumber, validUntil: Timestamp, policy: PolicyVersion) {
            self.application = application
            self.validUntil = validUntil
            self.policy = policy
        }
    }

    /// `interestLapsed`: A confirmation of interest fell due unanswered: the application is inactive (skipped by allocation, keeps its place).
    public struct InterestLapsed: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// The end of the window in which confirming restores it.
        public var restorableUntil: Timestamp
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(application: ApplicationNumber, restorableUntil: Timestamp, policy: PolicyVersion) {
            self.application = application
            self.restorableUntil = restorableUntil
            self.policy = policy
        }
    }

    /// `applicationRestored`: A lapsed application was restored within its window.
    public struct ApplicationRestored: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// When the next confirmation is due.
        public var validUntil: Timestamp
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(application: ApplicationNumber, validUntil: Timestamp, policy: PolicyVersion) {
            self.application = application
            self.validUntil = validUntil
            self.policy = policy
        }
    }

    /// `applicationWithdrawn`: The family withdrew the application; it leaves the queue.
    public struct ApplicationWithdrawn: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber

        /// The event from its fields.
        public init(application: ApplicationNumber) {
            self.application = application
        }
    }

    /// `applicationAnnulled`: The engine ended the application; it leaves the queue.
    public struct ApplicationAnnulled: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// Which rule ended it.
        public var reason: AnnulmentReason
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(application: ApplicationNumber, reason: AnnulmentReason, policy: PolicyVersion) {
            self.application = application
            self.reason = reason
            self.policy = policy
        }
    }

    /// `stopListed`: An application was put on the stop list: allocation skips it until `until`.
    public struct StopListed: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// The end of the stop list.
        public var until: Timestamp
        /// Which rule put it there.
        public var reason: StopListReason
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(application: ApplicationNumber, until: Timestamp, reason: StopListReason, policy: PolicyVersion) {
            self.application = application
            self.until = until
            self.reason = reason
            self.policy = policy
        }
    }

    /// `queueRefreshed`: The yearly refresh ran: aged-out cohorts left, categories were re-checked.
    public struct QueueRefreshed: Hashable, Sendable {
        /// The year refreshed.
        public var year: Int
        /// Applications that left because the child is past queue age.
        public var agedOut: [ApplicationNumber]
        /// Applications whose tier changed.
        public var tierChanges: [TierChange]
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(year: Int, agedOut: [ApplicationNumber], tierChanges: [TierChange], policy: PolicyVersion) {
            self.year = year
            self.agedOut = agedOut
            self.tierChanges = tierChanges
            self.policy = policy
        }
    }
}

extension Event.ApplicationSubmitted: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("applicant", applicant)
        fields.write("child", child)
        fields.write("key", key)
        fields.write("submittedAt", submittedAt)
        fields.write("tier", tier)
        fields.write("priority", priority)
        fields.write("policy", policy)
        fields.write("kindergartens", kindergartens)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"), applicant: try fields.read("applicant"),
            child: try fields.read("child"), key: try fields.read("key"), submittedAt: try fields.read("submittedAt"),
            tier: try fields.read("tier"), priority: try fields.read("priority"), policy: try fields.read("policy"),
            kindergartens: version >= 2 ? try fields.read("kindergartens") : [])
    }
}

extension Event.PriorityVerified: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("category", category)
        fields.write("reason", reason)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"), category: try fields.read("category"),
            reason: try fields.read("reason"), policy: try fields.read("policy"))
    }
}

extension Event.PriorityRejected: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("category", category)
        fields.write("reason", reason)
        fields.write("tier", tier)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"), category: try fields.read("category"),
            reason: try fields.read("reason"), tier: try fields.read("tier"), policy: try fields.read("policy"))
    }
}

extension Event.InterestConfirmed: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("validUntil", validUntil)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"), validUntil: try fields.read("validUntil"),
            policy: try fields.read("policy"))
    }
}

extension Event.InterestLapsed: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("restorableUntil", restorableUntil)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"), restorableUntil: try fields.read("restorableUntil"),
            policy: try fields.read("policy"))
    }
}

extension Event.ApplicationRestored: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("validUntil", validUntil)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"), validUntil: try fields.read("validUntil"),
            policy: try fields.read("policy"))
    }
}

extension Event.ApplicationWithdrawn: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"))
    }
}

extension Event.ApplicationAnnulled: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("reason", reason)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"), reason: try fields.read("reason"),
            policy: try fields.read("policy"))
    }
}

extension Event.StopListed: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("until", until)
        fields.write("reason", reason)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"), until: try fields.read("until"),
            reason: try fields.read("reason"), policy: try fields.read("policy"))
    }
}

extension Event.QueueRefreshed: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("year", year)
        fields.write("agedOut", agedOut)
        fields.write("tierChanges", tierChanges)
        fields.write("policy", policy)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            year: try fields.read("year"), agedOut: try fields.read("agedOut"),
            tierChanges: try fields.read("tierChanges"), policy: try fields.read("policy"))
    }
}
