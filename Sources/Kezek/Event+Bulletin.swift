extension Event {
    /// `bulletinPublished`: A kindergarten published free seats for one queue key and a window.
    public struct BulletinPublished: Hashable, Sendable {
        /// The bulletin's number.
        public var bulletin: BulletinNumber
        /// The kindergarten.
        public var kindergarten: KindergartenID
        /// The queue whose applicants may apply (the kindergarten's locality).
        public var key: QueueKey
        /// The free seats.
        public var seats: Int
        /// When applying opens.
        public var opensAt: Timestamp
        /// When applying closes and the seats are allocated.
        public var closesAt: Timestamp

        /// The event from its fields.
        public init(
            bulletin: BulletinNumber, kindergarten: KindergartenID, key: QueueKey, seats: Int, opensAt: Timestamp,
            closesAt: Timestamp
        ) {
            self.bulletin = bulletin
            self.kindergarten = kindergarten
            self.key = key
            self.seats = seats
            self.opensAt = opensAt
            self.closesAt = closesAt
        }
    }

    /// `bulletinApplied`: An application applied to a bulletin.
    public struct BulletinApplied: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// The bulletin.
        public var bulletin: BulletinNumber

        /// The event from its fields.
        public init(application: ApplicationNumber, bulletin: BulletinNumber) {
            self.application = application
            self.bulletin = bulletin
        }
    }

    /// `bulletinClosed`: A bulletin closed and its seats were allocated, together with every bulletin
    /// closing in the same round. Version 2 added `algorithm`, `inputDigest` and `siblingPriority`;
    /// version 1 reads as serial dictatorship with no digest and no sibling priority.
    public struct BulletinClosed: Hashable, Sendable {
        /// The bulletin.
        public var bulletin: BulletinNumber
        /// The applications that won a seat, in the bulletin's priority order (queue order, except that
        /// sibling priority comes first within a tier); each gets a `referralIssued`.
        public var admitted: [ApplicationNumber]
        /// The last admitted in the bulletin's priority order; `nil` when nobody was. Applicants behind it
        /// that got no seat here found the bulletin full.
        public var cutOff: AllocationCutOff?
        /// Seats left over.
        public var unfilledSeats: Int
        /// Applicants skipped while a seat was left, each with the reason.
        public var passedOver: [PassedOver]
        /// The policy version the decision used.
        public var policy: PolicyVersion
        /// How the round matched applicants to seats (since version 2).
        public var algorithm: AllocationAlgorithm
        /// The SHA-256 digest of the round's inputs (``Allocation/Round/inputDigest(policy:)``), the same in
        /// every `bulletinClosed` of the round; `nil` in version 1 events.
        public var inputDigest: Digest256?
        /// The admitted applications that had sibling priority here, in the order of ``admitted`` (since
        /// version 2).
        public var siblingPriority: [ApplicationNumber]

        /// The event from its fields.
        public init(
            bulletin: BulletinNumber, admitted: [ApplicationNumber], cutOff: AllocationCutOff? = nil,
            unfilledSeats: Int, passedOver: [PassedOver], policy: PolicyVersion,
            algorithm: AllocationAlgorithm = .serialDictatorship, inputDigest: Digest256? = nil,
            siblingPriority: [ApplicationNumber] = []
        ) {
            self.bulletin = bulletin
            self.admitted = admitted
            self.cutOff = cutOff
            self.unfilledSeats = unfilledSeats
            self.passedOver = passedOver
            self.policy = policy
            self.algorithm = algorithm
            self.inputDigest = inputDigest
            self.siblingPriority = siblingPriority
        }
    }
}

extension Event.BulletinPublished: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("bulletin", bulletin)
        fields.write("kindergarten", kindergarten)
        fields.write("key", key)
        fields.write("seats", seats)
        fields.write("opensAt", opensAt)
        fields.write("closesAt", closesAt)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            bulletin: try fields.read("bulletin"), kindergarten: try fields.read("kindergarten"),
            key: try fields.read("key"), seats: try fields.read("seats"), opensAt: try fields.read("opensAt"),
            closesAt: try fields.read("closesAt"))
    }
}

extension Event.BulletinApplied: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("application", application)
        fields.write("bulletin", bulletin)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            application: try fields.read("application"), bulletin: try fields.read("bulletin"))
    }
}

extension Event.BulletinClosed: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("bulletin", bulletin)
        fields.write("admitted", admitted)
        fields.write("cutOff", cutOff)
        fields.write("unfilledSeats", unfilledSeats)
        fields.write("passedOver", passedOver)
        fields.write("policy", policy)
        fields.write("algorithm", algorithm)
        fields.write("inputDigest", inputDigest)
        fields.write("siblingPriority", siblingPriority)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            bulletin: try fields.read("bulletin"), admitted: try fields.read("admitted"),
            cutOff: try fields.read("cutOff"), unfilledSeats: try fields.read("unfilledSeats"),
            passedOver: try fields.read("passedOver"), policy: try fields.read("policy"))
        guard version >= 2 else { return }
        algorithm = try fields.read("algorithm")
        inputDigest = try fields.read("inputDigest")
        siblingPriority = try fields.read("siblingPriority")
    }
}
