extension Allocation.Round {
    /// Reads one applicant's preference list straight from the table's columns: its closing bulletins
    /// (each once) as dense bulletin indices, those of ranked kindergartens first in rank order, ties in
    /// the order applied; ``siblingFlag`` set where it has sibling priority.
    ///
    /// Valid only inside ``withPreferenceReader(_:)``, which lends it the columns.
    struct PreferenceReader {
        /// Each bulletin number's word: the bulletin's index, and above it its kindergarten's number in
        /// the table (all ones when no row names it), so that one lookup gives both.
        let table: NumberTable
        let applicants: Allocation.Applicants
        let siblingPriority: Bool
        let applied: UnsafeBufferPointer<BulletinNumber>
        let ranked: UnsafeBufferPointer<Int32>
        /// Room for the ranks of the longest list.
        let ranks: UnsafeMutableBufferPointer<Int>

        /// The most bulletins a row applied to.
        var longestList: Int { ranks.count }

        /// Writes row `row`'s list at `entries` (room for ``longestList``); returns its length and whether
        /// it has sibling priority somewhere.
        @inline(__always)
        func write(row: Int, into entries: UnsafeMutablePointer<UInt32>) -> (count: Int, hasSibling: Bool) {
            let rankedRange = Int(applicants.rankedOffsets[row])..<Int(applicants.rankedOffsets[row + 1])
            let siblingRange = Int(applicants.siblingOffsets[row])..<Int(applicants.siblingOffsets[row + 1])
            let checksSiblings = siblingPriority && !siblingRange.isEmpty
            var count = 0
            var hasSibling = false
            applied: for position in Int(applicants.appliedOffsets[row])..<Int(applicants.appliedOffsets[row + 1]) {
                let word = table.word(of: applied[position].rawValue)
                guard word != NumberTable.missing else { continue }
                var entry = UInt32(truncatingIfNeeded: word)
                for earlier in 0..<count where entries[earlier] & ~siblingFlag == entry { continue applied }
                let kindergarten = Int32(truncatingIfNeeded: word >> 32)
                var rank = rankedRange.count
                for wanted in rankedRange where ranked[wanted] == kindergarten {
                    rank = wanted - rankedRange.lowerBound
                    break
                }
                if checksSiblings, applicants.siblings[siblingRange].contains(kindergarten) {
                    entry |= siblingFlag
                    hasSibling = true
                }
                // After every earlier preference of the same or a better rank: the order applied breaks ties.
                var slot = count
                while slot > 0, ranks[slot - 1] > rank {
                    ranks[slot] = ranks[slot - 1]
                    entries[slot] = entries[slot - 1]
                    slot -= 1
                }
                ranks[slot] = rank
                entries[slot] = entry
                count += 1
            }
            return (count, hasSibling)
        }

        /// Whether any bulletin row `row` applied to is one of the round's and `isOpen` (looked up by index):
        /// when none is, its preference list does not matter.
        @inline(__always)
        func appliedToAny(row: Int, where isOpen: (Int) -> Bool) -> Bool {
            for position in Int(applicants.appliedOffsets[row])..<Int(applicants.appliedOffsets[row + 1]) {
                let word = table.word(of: applied[position].rawValue)
                if word != NumberTable.missing, isOpen(Int(UInt32(truncatingIfNeeded: word))) { return true }
            }
            return false
        }
    }

    /// Lends `body` a reader of this round's preference lists.
    func withPreferenceReader<Result>(_ body: (PreferenceReader) -> Result) -> Result {
        Self.withPreferenceReader(
            bulletins: bulletins, applicants: applicants, siblingPriority: siblingPriority, body)
    }

    /// Lends `body` a reader of the preference lists of `applicants` among `bulletins`.
    static func withPreferenceReader<Result>(
        bulletins: [Allocation.Bulletin], applicants: Allocation.Applicants, siblingPriority: Bool,
        _ body: (PreferenceReader) -> Result
    ) -> Result {
        let table = NumberTable(
            bulletins.map(\.number.rawValue),
            words: bulletins.indices.map { index in
                let kindergarten = applicants.kindergartenIndex[bulletins[index].kindergarten] ?? -1
                return UInt64(UInt32(bitPattern: kindergarten)) << 32 | UInt64(index)
            })
        var longest = 0
        for row in 0..<applicants.count {
            longest = Swift.max(longest, Int(applicants.appliedOffsets[row + 1] - applicants.appliedOffsets[row]))
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: longest) { ranks in
            applicants.applied.withUnsafeBufferPointer { applied in
                applicants.ranked.withUnsafeBufferPointer { ranked in
                    body(
                        PreferenceReader(
                            table: table, applicants: applicants, siblingPriority: siblingPriority, applied: applied,
                            ranked: ranked, ranks: ranks))
                }
            }
        }
    }

    /// Every applicant's preference list, end to end.
    struct Preferences {
        /// Row `r`'s list is `entries[start[r]..<start[r + 1]]`.
        var start: [Int32]
        var entries: [UInt32]
        /// Whether some entry has ``siblingFlag``.
        var hasSiblingCases = false
    }

    /// Every applicant's preference list, made in one sweep over the table's columns.
    static func preferences(
        bulletins: [Allocation.Bulletin], applicants: Allocation.Applicants, siblingPriority: Bool
    ) -> Preferences {
        withPreferenceReader(bulletins: bulletins, applicants: applicants, siblingPriority: siblingPriority) { reader in
            let rows = applicants.count
            var start = [Int32](repeating: 0, count: rows + 1)
            var hasSiblingCases = false
            let entries = [UInt32](unsafeUninitializedCapacity: applicants.applied.count) { entries, initialized in
                var count = 0
                if let base = entries.baseAddress {
                    for row in 0..<rows {
                        let list = reader.write(row: row, into: base + count)
                        count += list.count
                        hasSiblingCases = hasSiblingCases || list.hasSibling
                        start[row + 1] = Int32(truncatingIfNeeded: count)
                    }
                }
                initialized = count
            }
            return Preferences(start: start, entries: entries, hasSiblingCases: hasSiblingCases)
        }
    }

    /// The candidates' indices sorted by (tier, application time, application number).
    ///
    /// Candidates usually come in application-number order, and application times do not go back as
    /// numbers grow: each tier is then in order already, and a counting sort by tier suffices. Otherwise
    /// one radix sort of the three packed into 64 bits (they fit unless times or numbers spread over
    /// astronomical ranges), or a comparison sort.
    static func queueOrder(tiers: [UInt8], times: [Int64], numbers: [UInt64]) -> [Int32] {
        let count = tiers.count
        guard count > 0 else { return [] }
        var tierSizes = [Int](repeating: 0, count: 256)
        var lastTime = [Int64](repeating: .min, count: 256)
        var lastNumber = [UInt64?](repeating: nil, count: 256)
        var inOrder = true
        var (lowTime, highTime) = (times[0], times[0])
        var (lowNumber, highNumber) = (numbers[0], numbers[0])
        for index in 0..<count {
            let tier = Int(tiers[index])
            let (time, number) = (times[index], numbers[index])
            if let previous = lastNumber[tier], time < lastTime[tier] || (time == lastTime[tier] && number <= previous)
            {
                inOrder = false
            }
            (lastTime[tier], lastNumber[tier]) = (time, number)
            tierSizes[tier] += 1
            lowTime = Swift.min(lowTime, time)
            highTime = Swift.max(highTime, time)
            lowNumber = Swift.min(lowNumber, number)
            highNumber = Swift.max(highNumber, number)
        }
        if inOrder {
            var next = [Int](repeating: 0, count: 256)
            for tier in 1..<256 { next[tier] = next[tier - 1] + tierSizes[tier - 1] }
            var order = [Int32](repeating: 0, count: count)
            for index in 0..<count {
                let tier = Int(tiers[index])
                order[next[tier]] = Int32(truncatingIfNeeded: index)
                next[tier] += 1
            }
            return order
        }
        let timeBits = UInt64(UInt64.bitWidth - UInt64(bitPattern: highTime &- lowTime).leadingZeroBitCount)
        let numberBits = UInt64(UInt64.bitWidth - (highNumber - lowNumber).leadingZeroBitCount)
        let tierBits = UInt64(UInt64.bitWidth - UInt64(tiers.max()!).leadingZeroBitCount)
        guard tierBits + timeBits + numberBits <= 64 else {
            return (0..<count).sorted {
                (tiers[$0], times[$0], numbers[$0]) < (tiers[$1], times[$1], numbers[$1])
            }.map { Int32(truncatingIfNeeded: $0) }
        }
        let keys = (0..<count).map { index in
            let time = UInt64(bitPattern: times[index] &- lowTime)
            return UInt64(tiers[index]) << (timeBits + numberBits) | time << numberBits | (numbers[index] - lowNumber)
        }
        return RadixSort.order(of: keys)
    }
}
