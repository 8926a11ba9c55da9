/// A registered kindergarten: what it offers and how its places are used.
public struct KindergartenRecord: Hashable, Sendable {
    /// Its id.
    public var id: KindergartenID
    /// Its name in Kazakh and Russian.
    public var name: KindergartenName
    /// Its KATO code, as registered.
    public var locality: KATOCode
    /// Its languages of instruction.
    public var languages: [LanguageCode]
    /// Its group types.
    public var groupTypes: [GroupType]
    /// Its total places.
    public var capacity: Int
    /// Children admitted through the queue (the contingent the engine knows of).
    public var enrolled: Int = 0
    /// Seats held by referrals that are issued, confirmed or registered.
    public var referred: Int = 0
    /// Seats offered by bulletins that have not closed yet.
    public var offered: Int = 0

    /// Seats taken: enrolled children and outstanding referrals.
    public var seatsInUse: Int { enrolled + referred }
    /// Places a new bulletin may still offer: capacity less the seats in use and those already offered.
    public var freeSeats: Int { capacity - seatsInUse - offered }

    /// A kindergarten as registered, with no seats used.
    public init(_ event: Event.KindergartenRegistered) {
        id = event.id
        name = event.name
        locality = event.locality
        languages = event.languages
        groupTypes = event.groupTypes
        capacity = event.capacity
    }
}

/// A registered parent or legal representative.
public struct ApplicantRecord: Hashable, Sendable {
    /// The applicant's IIN.
    public var iin: IIN
    /// The mobile phone.
    public var phone: PhoneNumber
    /// The child the applicant added last; the earlier ones follow ``ChildRecord/previousSibling``
    /// (``KezekState/children(of:)`` lists them in order). A list through the records, so that a million
    /// applicants cost no allocation each.
    public var lastChild: IIN?

    /// An applicant without children.
    public init(iin: IIN, phone: PhoneNumber) {
        self.iin = iin
        self.phone = phone
    }
}

/// A child added by an applicant: belongs to exactly one applicant, has at most one active application
/// and at most one enrolment.
///
/// Its fields are laid out so that the optional ones pack: 64 bytes (a million children live in the state).
public struct ChildRecord: Hashable, Sendable {
    /// The child's IIN.
    public var iin: IIN
    /// The one applicant the child belongs to.
    public var applicant: IIN
    /// The application through which the child was enrolled, if it was.
    public var enrolment: Enrolment?
    /// The previous sibling's IIN, or the child's own when there is none.
    private var previous: IIN
    /// The application that is queued, inactive or referred, if any.
    public var activeApplication: ApplicationNumber?
    /// The gender the parent set (agrees with the IIN).
    public var gender: Sex

    /// The child the same applicant added before this one, if any.
    public var previousSibling: IIN? {
        get { previous == iin ? nil : previous }
        set { previous = newValue ?? iin }
    }

    /// A child with no applications, added after `previousSibling`.
    public init(iin: IIN, applicant: IIN, gender: Sex, previousSibling: IIN? = nil) {
        self.iin = iin
        self.applicant = applicant
        self.gender = gender
        previous = previousSibling ?? iin
    }
}

extension KezekState {
    /// The children `applicant` added, in the order added (none for an unknown applicant).
    public func children(of applicant: IIN) -> [IIN] {
        children.list(endingAt: applicants[applicant]?.lastChild, previous: \.previousSibling)
    }
}

/// Where and through which application a child was enrolled.
public struct Enrolment: Hashable, Sendable {
    /// The application that ended in the enrolment.
    public var application: ApplicationNumber
    /// The kindergarten.
    public var kindergarten: KindergartenID

    /// An enrolment from its parts.
    public init(application: ApplicationNumber, kindergarten: KindergartenID) {
        self.application = application
        self.kindergarten = kindergarten
    }
}
