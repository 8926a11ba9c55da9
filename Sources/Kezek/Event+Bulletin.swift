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

    /// `bulletinClosed`: A bulletin closed and its seats were allocated by queue order.
    public struct BulletinClosed: Hashable, Sendable {
        /// The bulletin.
        public var bulletin: BulletinNumber
        /// The applications that won a seat, in queue order; each gets a `referralIssued`.
        public var admitted: [ApplicationNumber]
        /// The last queue position admitted; `nil` when nobody was.
        public var cutOff: AllocationCutOff?
        /// Seats left over.
        public var unfilledSeats: Int
        /// Applicants that were skipped, each with the reason.
        public var passedOver: [PassedOver]
        /// The policy version the decision used.
        public var policy: PolicyVersion

        /// The event from its fields.
        public init(
            bulletin: BulletinNumber, admitted: [ApplicationNumber], cutOff: AllocationCutOff? = nil,
            unfilledSeats: Int, passedOver: [PassedOver], policy: PolicyVersion
        ) {
            self.bulletin = bulletin
            self.admitted = admitted
            self.cutOff = cutOff
            self.unfilledSeats = unfilledSeats
            self.passedOver = passedOver
            self.policy = policy
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
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            bulletin: try fields.read("bulletin"), admitted: try fields.read("admitted"),
            cutOff: try fields.read("cutOff"), unfilledSeats: try fields.read("unfilledSeats"),
            passedOver: try fields.read("passedOver"), policy: try fields.read("policy"))
    }
}
