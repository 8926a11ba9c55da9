/// The batch allocation of the seats of bulletins closing together, exactly as the contract says.
///
/// In queue order (tier, application time, application number) each eligible applicant takes the most
/// preferred closing bulletin it applied to that still has a seat (serial dictatorship). Preference:
/// bulletins of the application's ranked kindergartens first, in rank order; then the other bulletins, in
/// the order the applicant applied to them (which also breaks ties between two bulletins of one
/// kindergarten). With one shared queue order this is the outcome of applicant-proposing deferred
/// acceptance too.
///
/// Under a policy with sibling priority (``Policy/siblingPriority``) a bulletin ranks an applicant whose
/// sibling is enrolled at its kindergarten first within its tier. Bulletins then no longer share one
/// order, and the round runs applicant-proposing deferred acceptance (``Round``). Pure.
public enum Allocation {
    /// A closing bulletin.
    public struct Bulletin: Hashable, Sendable {
        /// Its number.
        public var number: BulletinNumber
        /// Its kindergarten.
        public var kindergarten: KindergartenID
        /// The seats it offers.
        public var seats: Int

        /// A closing bulletin from its parts.
        public init(number: BulletinNumber, kindergarten: KindergartenID, seats: Int) {
            self.number = number
            self.kindergarten = kindergarten
            self.seats = seats
        }
    }

    /// An applicant to at least one closing bulletin.
    public struct Candidate: Hashable, Sendable {
        /// The application.
        public var application: ApplicationNumber
        /// Its place in the queue.
        public var position: QueuePosition
        /// Why it cannot take a seat, or `nil` when it is eligible.
        public var ineligibility: PassOverReason?
        /// The application's ranked kindergartens, most wanted first.
        public var rankedKindergartens: [KindergartenID]
        /// The bulletins it applied to, in the order it applied (closing or not).
        public var appliedTo: [BulletinNumber]
        /// The kindergartens where a sibling (another child of the same applicant) is enrolled.
        public var siblingKindergartens: [KindergartenID]

        /// A candidate from its parts.
        public init(
            application: ApplicationNumber, position: QueuePosition, ineligibility: PassOverReason?,
            rankedKindergartens: [KindergartenID], appliedTo: [BulletinNumber],
            siblingKindergartens: [KindergartenID] = []
        ) {
            self.application = application
            self.position = position
            self.ineligibility = ineligibility
            self.rankedKindergartens = rankedKindergartens
            self.appliedTo = appliedTo
            self.siblingKindergartens = siblingKindergartens
        }
    }

    /// What one bulletin's close gave.
    public struct Outcome: Hashable, Sendable {
        /// The bulletin.
        public var bulletin: BulletinNumber
        /// The applications admitted, in the bulletin's priority order: queue order, except that under
        /// sibling priority an applicant with a sibling there comes first within its tier.
        public var admitted: [ApplicationNumber]
        /// Applicants that got no seat here although a seat was left at their turn (in the bulletin's
        /// priority order), with the reason: ineligible, or admitted at a bulletin they prefer.
        public var passedOver: [PassedOver]
        /// Seats nobody took.
        public var unfilledSeats: Int
        /// The admitted applications that had sibling priority here, in the order of ``admitted``.
        public var siblingPriority: [ApplicationNumber]

        /// An outcome from its parts.
        public init(
            bulletin: BulletinNumber, admitted: [ApplicationNumber], passedOver: [PassedOver], unfilledSeats: Int,
            siblingPriority: [ApplicationNumber] = []
        ) {
            self.bulletin = bulletin
            self.admitted = admitted
            self.passedOver = passedOver
            self.unfilledSeats = unfilledSeats
            self.siblingPriority = siblingPriority
        }

        /// The last application admitted in the bulletin's priority order (the cut-off), if any.
        public var cutOff: ApplicationNumber? { admitted.last }
    }

    /// What a round gave: the algorithm it ran and one outcome per bulletin, in the order given.
    public struct Result: Hashable, Sendable {
        /// Serial dictatorship, or deferred acceptance when sibling priority applied.
        public var algorithm: AllocationAlgorithm
        /// One outcome per bulletin, in the order the bulletins were given.
        public var outcomes: [Outcome]

        /// A result from its parts.
        public init(algorithm: AllocationAlgorithm, outcomes: [Outcome]) {
            self.algorithm = algorithm
            self.outcomes = outcomes
        }
    }

    /// The closing bulletins a candidate applied to, most preferred first.
    public static func preferences(
        of candidate: Candidate, among bulletins: [BulletinNumber: Bulletin]
    ) -> [BulletinNumber] {
        var seen: Set<BulletinNumber> = []
        let applied = candidate.appliedTo.filter { bulletins[$0] != nil && seen.insert($0).inserted }
        func rank(_ number: BulletinNumber) -> Int {
            let kindergarten = bulletins[number]!.kindergarten
            return candidate.rankedKindergartens.firstIndex(of: kindergarten) ?? candidate.rankedKindergartens.count
        }
        return applied.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }

    /// Allocates the seats of `bulletins` (all closing together) among `candidates` by serial
    /// dictatorship; one outcome per bulletin, in the order given.
    public static func allocate(bulletins: [Bulletin], candidates: [Candidate]) -> [Outcome] {
        Round(bulletins: bulletins, candidates: candidates).allocate().outcomes
    }
}
