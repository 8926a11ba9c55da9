extension Allocation {
    /// The inputs of one round (the bulletins closing together, their applicants, whether sibling
    /// priority applies), prepared once for allocation and for the digest of the round's inputs.
    ///
    /// Preparing puts the candidates in queue order with one radix sort of packed (tier, time, number)
    /// keys and turns each candidate's bulletins into a short list of dense bulletin indices, most
    /// preferred first: allocating then touches flat arrays only, no sets, dictionaries or per-candidate
    /// sorts. Bulletin numbers should be unique (a repeated number gets no applicants), and so should
    /// applications.
    public struct Round: Sendable {
        /// The closing bulletins, in the order outcomes are given.
        public let bulletins: [Bulletin]
        /// The applicants.
        public let candidates: [Candidate]
        /// Whether bulletins rank an applicant with a sibling enrolled at their kindergarten first within
        /// its tier.
        public let siblingPriority: Bool
        /// Whether some applicant has sibling priority at a bulletin it applied to (always `false` without
        /// ``siblingPriority``).
        public let hasSiblingCases: Bool

        /// The seats of each bulletin, by index in `bulletins` (never negative).
        let seats: [Int]
        /// Candidate indices in queue order.
        let order: [Int32]
        /// The tier of each candidate (its raw value).
        let tiers: [UInt8]
        /// Whether each candidate is ineligible.
        let ineligible: [Bool]
        /// Candidate `c`'s preferences are `preferences[preferenceStart[c]..<preferenceStart[c + 1]]`.
        let preferenceStart: [Int32]
        /// Bulletin indices, most preferred first; ``siblingFlag`` marks sibling priority there.
        let preferences: [UInt32]

        /// Set in a preference when the candidate has sibling priority at that bulletin.
        static let siblingFlag: UInt32 = 1 << 31

        /// Prepares a round.
        public init(bulletins: [Bulletin], candidates: [Candidate], siblingPriority: Bool = false) {
            precondition(
                candidates.count < Int(Int32.max) && bulletins.count < Int(Int32.max), "a round too large to index")
            self.bulletins = bulletins
            self.candidates = candidates
            self.siblingPriority = siblingPriority
            seats = bulletins.map { Swift.max(0, $0.seats) }
            let table = NumberTable(bulletins.map(\.number.rawValue))
            let kindergartens = bulletins.map(\.kindergarten)

            var tiers = [UInt8](repeating: 0, count: candidates.count)
            var ineligible = [Bool](repeating: false, count: candidates.count)
            var preferenceStart: [Int32] = []
            preferenceStart.reserveCapacity(candidates.count + 1)
            preferenceStart.append(0)
            var preferences: [UInt32] = []
            preferences.reserveCapacity(candidates.count * 4)
            var ranks: [Int] = []
            var hasSiblingCases = false
            for index in candidates.indices {
                let candidate = candidates[index]
                tiers[index] = UInt8(truncatingIfNeeded: candidate.position.tier.rawValue)
                ineligible[index] = candidate.ineligibility != nil
                let start = preferences.count
                ranks.removeAll(keepingCapacity: true)
                let ranked = candidate.rankedKindergartens
                let checksSiblings = siblingPriority && !candidate.siblingKindergartens.isEmpty
                applied: for number in candidate.appliedTo {
                    let bulletin = table.index(of: number.rawValue)
                    guard bulletin >= 0 else { continue }
                    var entry = UInt32(truncatingIfNeeded: bulletin)
                    for earlier in preferences[start...] where earlier & ~Self.siblingFlag == entry { continue applied }
                    let kindergarten = kindergartens[bulletin]
                    var rank = ranked.count
                    for (position, wanted) in ranked.enumerated() where wanted == kindergarten {
                        rank = position
                        break
                    }
                    if checksSiblings, candidate.siblingKindergartens.contains(kindergarten) {
                        entry |= Self.siblingFlag
                        hasSiblingCases = true
                    }
                    // Insert after every earlier preference of the same or a better rank: applied order
                    // breaks ties.
                    preferences.append(entry)
                    ranks.append(rank)
                    var slot = ranks.count - 1
                    while slot > 0, ranks[slot - 1] > rank {
                        ranks.swapAt(slot, slot - 1)
                        preferences.swapAt(start + slot, start + slot - 1)
                        slot -= 1
                    }
                }
                preferenceStart.append(Int32(truncatingIfNeeded: preferences.count))
            }
            self.tiers = tiers
            self.ineligible = ineligible
            self.preferenceStart = preferenceStart
            self.preferences = preferences
            self.hasSiblingCases = hasSiblingCases
            order = Self.queueOrder(of: candidates)
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

        /// The candidates' indices sorted by (tier, application time, application number): one radix sort
        /// of the three packed into 64 bits when they fit (they do unless times or numbers spread over
        /// astronomical ranges), a comparison sort otherwise.
        static func queueOrder(of candidates: [Candidate]) -> [Int32] {
            guard let first = candidates.first else { return [] }
            var (lowTime, highTime) = (first.position.submittedAt.millisecondsSinceEpoch, Int64.min)
            var (lowNumber, highNumber) = (first.position.application.rawValue, UInt64.min)
            for candidate in candidates {
                let time = candidate.position.submittedAt.millisecondsSinceEpoch
                let number = candidate.position.application.rawValue
                lowTime = Swift.min(lowTime, time)
                highTime = Swift.max(highTime, time)
                lowNumber = Swift.min(lowNumber, number)
                highNumber = Swift.max(highNumber, number)
            }
            let timeBits = UInt64(UInt64.bitWidth - UInt64(bitPattern: highTime &- lowTime).leadingZeroBitCount)
            let numberBits = UInt64(UInt64.bitWidth - (highNumber - lowNumber).leadingZeroBitCount)
            guard 2 + timeBits + numberBits <= 64 else {
                return candidates.indices.sorted { candidates[$0].position < candidates[$1].position }.map {
                    Int32(truncatingIfNeeded: $0)
                }
            }
            let keys = candidates.map { candidate in
                let position = candidate.position
                let tier = UInt64(truncatingIfNeeded: position.tier.rawValue)
                let time = UInt64(bitPattern: position.submittedAt.millisecondsSinceEpoch &- lowTime)
                return tier << (timeBits + numberBits) | time << numberBits
                    | (position.application.rawValue - lowNumber)
            }
            return RadixSort.order(of: keys)
        }
    }
}
