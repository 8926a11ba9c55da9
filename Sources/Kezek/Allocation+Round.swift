extension Allocation {
    /// The inputs of one round (the bulletins closing together, their applicants, whether sibling
    /// priority applies), prepared once for allocation and for the digest of the round's inputs.
    ///
    /// Preparing puts the applicants in queue order (a counting sort by tier when they come in number
    /// order, as the tick gives them; one radix sort of packed (tier, time, number) keys otherwise) and
    /// turns each applicant's bulletins into a short list of dense bulletin indices, most preferred first:
    /// allocating then touches flat arrays only, no sets, dictionaries or per-applicant sorts. Bulletin
    /// numbers should be unique (a repeated number gets no applicants), and so should applications.
    public struct Round: Sendable {
        /// The closing bulletins, in the order outcomes are given.
        public let bulletins: [Bulletin]
        /// The applicants.
        public let applicants: Applicants
        /// Whether bulletins rank an applicant with a sibling enrolled at their kindergarten first within
        /// its tier.
        public let siblingPriority: Bool
        /// Whether some applicant has sibling priority at a bulletin it applied to (always `false` without
        /// ``siblingPriority``).
        public var hasSiblingCases: Bool { siblingPreferences?.hasSiblingCases ?? false }

        /// The seats of each bulletin, by index in `bulletins` (never negative).
        let seats: [Int32]
        /// Rows in queue order.
        let order: [Int32]
        /// Each row's preference list, made up front under sibling priority (to know whether it applies
        /// to someone); serial dictatorship reads the lists as it goes instead.
        let siblingPreferences: Preferences?

        /// Each row's preference list.
        var preferences: Preferences {
            siblingPreferences
                ?? Self.preferences(bulletins: bulletins, applicants: applicants, siblingPriority: siblingPriority)
        }

        /// Set in a preference when the candidate has sibling priority at that bulletin.
        static let siblingFlag: UInt32 = 1 << 31

        /// Prepares a round.
        public init(bulletins: [Bulletin], applicants: Applicants, siblingPriority: Bool = false) {
            precondition(bulletins.count < Int(Int32.max), "a round too large to index")
            self.bulletins = bulletins
            self.applicants = applicants
            self.siblingPriority = siblingPriority
            seats = bulletins.map { Int32(clamping: Swift.max(0, $0.seats)) }
            siblingPreferences =
                siblingPriority
                ? Self.preferences(bulletins: bulletins, applicants: applicants, siblingPriority: true) : nil
            order = Self.queueOrder(tiers: applicants.tiers, times: applicants.times, numbers: applicants.applications)
        }

        /// Prepares a round of `candidates`.
        public init(bulletins: [Bulletin], candidates: [Candidate], siblingPriority: Bool = false) {
            self.init(bulletins: bulletins, applicants: Applicants(candidates), siblingPriority: siblingPriority)
        }

        /// Serial dictatorship, or deferred acceptance when sibling priority applies to someone.
        public var algorithm: AllocationAlgorithm {
            hasSiblingCases ? .deferredAcceptance : .serialDictatorship
        }

        /// Allocates the seats with ``algorithm``.
        public func allocate() -> Result {
            allocate(using: algorithm)
        }

        /// Allocates the seats with `algorithm`; deferred acceptance gives the serial-dictatorship result
        /// when nobody has sibling priority.
        public func allocate(using algorithm: AllocationAlgorithm) -> Result {
            switch algorithm {
            case .serialDictatorship: Result(algorithm: algorithm, outcomes: serialDictatorship())
            case .deferredAcceptance: Result(algorithm: algorithm, outcomes: deferredAcceptance())
            }
        }
    }
}
