/// The batch allocation of the seats of bulletins closing together, exactly as the contract says.
///
/// In queue order (tier, application time, application number) each eligible applicant takes the most
/// preferred closing bulletin it applied to that still has a seat. Preference: bulletins of the
/// application's ranked kindergartens first, in rank order; then the other bulletins, in the order the
/// applicant applied to them (which also breaks ties between two bulletins of one kindergarten). Pure.
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

        /// A candidate from its parts.
        public init(
            application: ApplicationNumber, position: QueuePosition, ineligibility: PassOverReason?,
            rankedKindergartens: [KindergartenID], appliedTo: [BulletinNumber]
        ) {
            self.application = application
            self.position = position
            self.ineligibility = ineligibility
            self.rankedKindergartens = rankedKindergartens
            self.appliedTo = appliedTo
        }
    }

    /// What one bulletin's close gave.
    public struct Outcome: Hashable, Sendable {
        /// The bulletin.
        public var bulletin: BulletinNumber
        /// The applications admitted, in queue order.
        public var admitted: [ApplicationNumber]
        /// Applicants that got no seat here although a seat was left at their turn, with the reason.
        public var passedOver: [PassedOver]
        /// Seats nobody took.
        public var unfilledSeats: Int

        /// The last application admitted (the cut-off), if any.
        public var cutOff: ApplicationNumber? { admitted.last }
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

    /// Allocates the seats of `bulletins` (all closing together) among `candidates`; one outcome per
    /// bulletin, in the order given.
    public static func allocate(bulletins: [Bulletin], candidates: [Candidate]) -> [Outcome] {
        var byNumber: [BulletinNumber: Bulletin] = [:]
        for bulletin in bulletins { byNumber[bulletin.number] = bulletin }
        var remaining = byNumber.mapValues(\.seats)
        var admitted: [BulletinNumber: [ApplicationNumber]] = [:]
        var passedOver: [BulletinNumber: [PassedOver]] = [:]
        for candidate in candidates.sorted(by: { $0.position < $1.position }) {
            var won = false
            for number in preferences(of: candidate, among: byNumber) where remaining[number, default: 0] > 0 {
                if let reason = candidate.ineligibility {
                    passedOver[number, default: []].append(
                        PassedOver(application: candidate.application, reason: reason))
                } else if won {
                    passedOver[number, default: []].append(
                        PassedOver(application: candidate.application, reason: .admittedElsewhere))
                } else {
                    won = true
                    remaining[number]! -= 1
                    admitted[number, default: []].append(candidate.application)
                }
            }
        }
        return bulletins.map { bulletin in
            Outcome(
                bulletin: bulletin.number, admitted: admitted[bulletin.number] ?? [],
                passedOver: passedOver[bulletin.number] ?? [], unfilledSeats: remaining[bulletin.number] ?? 0)
        }
    }
}
