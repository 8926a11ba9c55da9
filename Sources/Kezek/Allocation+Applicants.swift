extension Allocation {
    /// The applicants of a round as a table: one row per application, in columns, each row's lists
    /// (ranked kindergartens, bulletins applied to, sibling kindergartens) stored end to end.
    ///
    /// A national round has a million rows: flat columns are read in one sweep, where a million
    /// ``Candidate`` values would each hold three separately allocated arrays, and kindergartens are
    /// numbered once as rows are added, so that allocation compares numbers, not strings. Rows should
    /// name distinct applications.
    public struct Applicants: Sendable {
        /// The number of rows.
        public var count: Int { applications.count }

        /// Each row's application number.
        private(set) var applications: [UInt64] = []
        /// Each row's tier (its raw value).
        private(set) var tiers: [UInt8] = []
        /// Each row's application time, milliseconds since the epoch.
        private(set) var times: [Int64] = []
        /// Why each row cannot take a seat, or `nil`.
        private(set) var ineligibilities: [PassOverReason?] = []
        /// The kindergartens the rows name, each once; rows refer to them by index.
        private(set) var kindergartens: [KindergartenID] = []
        /// The index of each kindergarten in ``kindergartens``.
        private(set) var kindergartenIndex: [KindergartenID: Int32] = [:]
        /// Row `r`'s ranked kindergartens are `ranked[rankedOffsets[r]..<rankedOffsets[r + 1]]`.
        private(set) var rankedOffsets: [Int32] = [0]
        private(set) var ranked: [Int32] = []
        /// Row `r`'s bulletins are `applied[appliedOffsets[r]..<appliedOffsets[r + 1]]`, in the order applied.
        private(set) var appliedOffsets: [Int32] = [0]
        private(set) var applied: [BulletinNumber] = []
        /// Row `r`'s sibling kindergartens are `siblings[siblingOffsets[r]..<siblingOffsets[r + 1]]`.
        private(set) var siblingOffsets: [Int32] = [0]
        private(set) var siblings: [Int32] = []

        /// An empty table with room for `rows` rows of about four ranked kindergartens and bulletins.
        public init(reservingRows rows: Int = 0) {
            applications.reserveCapacity(rows)
            tiers.reserveCapacity(rows)
            times.reserveCapacity(rows)
            ineligibilities.reserveCapacity(rows)
            rankedOffsets.reserveCapacity(rows + 1)
            ranked.reserveCapacity(rows * 4)
            appliedOffsets.reserveCapacity(rows + 1)
            applied.reserveCapacity(rows * 4)
            siblingOffsets.reserveCapacity(rows + 1)
        }

        /// The candidates as a table, in the order given.
        public init(_ candidates: [Candidate]) {
            self.init(reservingRows: candidates.count)
            for candidate in candidates { append(candidate) }
        }

        /// Appends a row; the row's number is `application` (the number inside `position` is not read).
        public mutating func append(
            application: ApplicationNumber, position: QueuePosition, ineligibility: PassOverReason?,
            rankedKindergartens: [KindergartenID], appliedTo: [BulletinNumber],
            siblingKindergartens: [KindergartenID] = []
        ) {
            precondition(
                applied.count + appliedTo.count < Int(Int32.max)
                    && ranked.count + rankedKindergartens.count < Int(Int32.max)
                    && siblings.count + siblingKindergartens.count < Int(Int32.max),
                "a round too large to index")
            applications.append(application.rawValue)
            tiers.append(UInt8(truncatingIfNeeded: position.tier.rawValue))
            times.append(position.submittedAt.millisecondsSinceEpoch)
            ineligibilities.append(ineligibility)
            for kindergarten in rankedKindergartens { ranked.append(index(of: kindergarten)) }
            rankedOffsets.append(Int32(truncatingIfNeeded: ranked.count))
            applied.append(contentsOf: appliedTo)
            appliedOffsets.append(Int32(truncatingIfNeeded: applied.count))
            for kindergarten in siblingKindergartens { siblings.append(index(of: kindergarten)) }
            siblingOffsets.append(Int32(truncatingIfNeeded: siblings.count))
        }

        /// The number of `kindergarten`, given on first sight.
        private mutating func index(of kindergarten: KindergartenID) -> Int32 {
            if let index = kindergartenIndex[kindergarten] { return index }
            let index = Int32(truncatingIfNeeded: kindergartens.count)
            kindergartens.append(kindergarten)
            kindergartenIndex[kindergarten] = index
            return index
        }

        /// Appends a candidate as a row.
        public mutating func append(_ candidate: Candidate) {
            append(
                application: candidate.application, position: candidate.position,
                ineligibility: candidate.ineligibility, rankedKindergartens: candidate.rankedKindergartens,
                appliedTo: candidate.appliedTo, siblingKindergartens: candidate.siblingKindergartens)
        }

        /// Row `row` as a candidate.
        public subscript(row: Int) -> Candidate {
            let application = ApplicationNumber(rawValue: applications[row])
            return Candidate(
                application: application,
                position: QueuePosition(
                    tier: Tier(rawValue: Int(tiers[row]))!,
                    submittedAt: Timestamp(millisecondsSinceEpoch: times[row]), application: application),
                ineligibility: ineligibilities[row],
                rankedKindergartens: ranked[Int(rankedOffsets[row])..<Int(rankedOffsets[row + 1])].map {
                    kindergartens[Int($0)]
                },
                appliedTo: Array(applied[Int(appliedOffsets[row])..<Int(appliedOffsets[row + 1])]),
                siblingKindergartens: siblings[Int(siblingOffsets[row])..<Int(siblingOffsets[row + 1])].map {
                    kindergartens[Int($0)]
                })
        }
    }
}
