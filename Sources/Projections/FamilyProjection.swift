public import Kezek

/// Applicants and their children: who belongs to whom, each child's active application and enrolment.
///
/// Children of one applicant are a linked list through the child entries (no array per applicant).
public struct FamilyProjection: Equatable, Sendable {
    var applicants = IINTable<ApplicantEntry>()
    var children = IINTable<ChildEntry>()

    /// No one registered.
    public init() {}

    /// How many applicants registered.
    public var applicantCount: Int { applicants.count }

    /// How many children were added.
    public var childCount: Int { children.count }

    /// An applicant's phone, if registered.
    public func phone(of applicant: IIN) -> PhoneNumber? { applicants[applicant]?.phone }

    /// An applicant's children, in the order they were added.
    public func children(of applicant: IIN) -> [IIN] {
        children.list(endingAt: applicants[applicant]?.lastChild, previous: \.previousSibling)
    }

    /// A child's record: owner, gender, active application, enrolment.
    public func child(_ iin: IIN) -> ChildSummary? {
        guard let entry = children[iin] else { return nil }
        return ChildSummary(
            iin: iin, applicant: entry.applicant, gender: entry.gender, activeApplication: entry.activeApplication,
            enrolment: entry.enrolment)
    }

    // MARK: Updating, as `KezekState.evolve` does

    mutating func register(_ event: Event.ApplicantRegistered) {
        // As `evolve` does: registering again starts a new record.
        applicants[event.applicant] = ApplicantEntry(phone: event.phone, lastChild: nil)
    }

    mutating func add(_ event: Event.ChildAdded) {
        guard children[event.child] == nil else { return }
        let previous = applicants[event.applicant]?.lastChild
        if applicants[event.applicant] != nil { applicants[event.applicant]?.lastChild = event.child }
        children[event.child] = ChildEntry(
            applicant: event.applicant, gender: event.gender,
            previousSibling: applicants[event.applicant] == nil ? nil : previous)
    }

    /// Writes applicants and children in IIN order.
    public func canonicalBytes(into bytes: inout [UInt8]) {
        var writer = BinaryWriter()
        writer.writeRaw("families".utf8)
        writer.writeVarint(UInt64(applicants.count))
        for iin in applicants.keys.sorted() {
            writer.write(iin.rawValue)
            writer.write(applicants[iin]!.phone.rawValue)
            let children = children(of: iin)
            writer.writeVarint(UInt64(children.count))
            for child in children { writer.write(child.rawValue) }
        }
        writer.writeVarint(UInt64(children.count))
        for iin in children.keys.sorted() {
            let entry = children[iin]!
            writer.write(iin.rawValue)
            writer.write(entry.applicant.rawValue)
            writer.write(entry.gender == .male)
            writer.writeVarint(entry.activeApplication?.rawValue ?? 0)
            writer.writeVarint(entry.enrolment?.application.rawValue ?? 0)
            writer.write(entry.enrolment?.kindergarten.rawValue ?? "")
        }
        bytes += writer.bytes
    }
}

/// A registered applicant.
struct ApplicantEntry: Equatable, Sendable {
    var phone: PhoneNumber
    /// The child added last; earlier ones follow `ChildEntry.previousSibling`.
    var lastChild: IIN?
}

/// A child added by an applicant.
struct ChildEntry: Equatable, Sendable {
    var applicant: IIN
    var gender: Sex
    var previousSibling: IIN?
    var activeApplication: ApplicationNumber?
    var enrolment: Enrolment?
}

/// A child as the family pages show it.
public struct ChildSummary: Hashable, Sendable {
    /// The child's IIN.
    public var iin: IIN
    /// The applicant the child belongs to.
    public var applicant: IIN
    /// The gender the parent set.
    public var gender: Sex
    /// The queued, inactive or referred application, if any.
    public var activeApplication: ApplicationNumber?
    /// Where the child was enrolled, if they were.
    public var enrolment: Enrolment?
}
