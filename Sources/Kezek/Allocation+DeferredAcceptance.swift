extension Allocation.Round {
    /// A bulletin during deferred acceptance: where its held applicants' priorities sit in the shared heap
    /// storage, and the priority an applicant must beat to be held (all the proposal loop reads).
    private struct Holder {
        /// A proposal with a priority below this is held: `UInt64.max` while a seat is free, the weakest
        /// held priority once full, 0 for a bulletin without seats.
        var threshold: UInt64
        /// The start of its max-heap in the shared storage.
        var base: Int32
        var seats: Int32
        var held: Int32 = 0
    }

    /// Applicant-proposing deferred acceptance. Each bulletin ranks its applicants by (tier, sibling
    /// priority first, application time, application number) and tentatively holds the best ones up to
    /// its seats; an applicant it lets go proposes to its next choice. The result is the stable matching
    /// every applicant likes best; when no applicant has sibling priority every bulletin ranks in queue
    /// order and the result is the serial dictatorship's.
    ///
    /// A priority is one word: tier, then 0 with sibling priority (1 without), then the rank in queue
    /// order. Held priorities sit in a max-heap per bulletin, the weakest on top.
    func deferredAcceptance() -> [Allocation.Outcome] {
        let rows = applicants.count
        let preferences = self.preferences
        // Each row's priority without the sibling bit, which depends on the bulletin.
        var base = [UInt64](repeating: 0, count: rows)
        for (rank, row) in order.enumerated() {
            base[Int(row)] = UInt64(applicants.tiers[Int(row)]) << 33 | 1 << 32 | UInt64(rank)
        }
        var holders: [Holder] = []
        holders.reserveCapacity(bulletins.count)
        var total: Int32 = 0
        for seats in seats {
            holders.append(Holder(threshold: seats > 0 ? .max : 0, base: total, seats: seats))
            total += seats
        }
        var heap = [UInt64](repeating: 0, count: Int(total))
        var assignment = [Int32](repeating: -1, count: rows)
        var next = preferences.start
        base.withUnsafeBufferPointer { base in
            holders.withUnsafeMutableBufferPointer { holders in
                heap.withUnsafeMutableBufferPointer { heap in
                    assignment.withUnsafeMutableBufferPointer { assignment in
                        next.withUnsafeMutableBufferPointer { next in
                            preferences.start.withUnsafeBufferPointer { start in
                                preferences.entries.withUnsafeBufferPointer { entries in
                                    for first in order where applicants.ineligibilities[Int(first)] == nil {
                                        var proposer = Int(first)
                                        while next[proposer] < start[proposer + 1] {
                                            let entry = entries[Int(next[proposer])]
                                            next[proposer] += 1
                                            let bulletin = Int(entry & ~Self.siblingFlag)
                                            let key =
                                                entry & Self.siblingFlag != 0
                                                ? base[proposer] & ~(1 << 32) : base[proposer]
                                            guard key < holders[bulletin].threshold else { continue }
                                            assignment[proposer] = Int32(truncatingIfNeeded: bulletin)
                                            let released = Self.hold(key, at: &holders[bulletin], in: heap)
                                            guard let released else { break }
                                            proposer = Int(order[Int(truncatingIfNeeded: released & 0xFFFF_FFFF)])
                                            assignment[proposer] = -1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return outcomes(
            preferences: preferences, assignment: assignment, base: base, holders: holders, heap: heap)
    }

    /// Holds `key` at a bulletin below its threshold; returns the priority it lets go, if it was full.
    @inline(__always)
    private static func hold(_ key: UInt64, at holder: inout Holder, in heap: UnsafeMutableBufferPointer<UInt64>)
        -> UInt64?
    {
        let base = Int(holder.base)
        let count = Int(holder.held)
        let full = holder.held == holder.seats
        let weakest = heap[base]
        // Sift down from the top (replacing the weakest) or up from the end (a free seat).
        if full {
            var parent = 0
            while true {
                var child = 2 * parent + 1
                guard child < count else { break }
                if child + 1 < count, heap[base + child + 1] > heap[base + child] { child += 1 }
                guard heap[base + child] > key else { break }
                heap[base + parent] = heap[base + child]
                parent = child
            }
            heap[base + parent] = key
        } else {
            var child = count
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[base + parent] < key else { break }
                heap[base + child] = heap[base + parent]
                child = parent
            }
            heap[base + child] = key
            holder.held += 1
        }
        if holder.held == holder.seats { holder.threshold = heap[base] }
        return full ? weakest : nil
    }

    /// Each bulletin's outcome from the final assignment. Admitted: what it holds, in its priority
    /// order. Passed over: the applicants it ranks before its last admitted (or all, with a seat left)
    /// that it does not hold, ineligible or held by a bulletin they prefer (stability leaves no other
    /// case), in its priority order.
    private func outcomes(
        preferences: Preferences, assignment: [Int32], base: [UInt64], holders: [Holder], heap: [UInt64]
    ) -> [Allocation.Outcome] {
        // Each pass-over with its priority there, to sort where sibling priority reorders a bulletin.
        var gathered = BulletinLists<(key: UInt64, passed: PassedOver)>()
        for row in order {
            let row = Int(row)
            for choice in Int(preferences.start[row])..<Int(preferences.start[row + 1]) {
                let entry = preferences.entries[choice]
                let bulletin = Int(entry & ~Self.siblingFlag)
                guard assignment[row] != Int32(truncatingIfNeeded: bulletin) else { continue }
                let holder = holders[bulletin]
                let key = entry & Self.siblingFlag != 0 ? base[row] & ~(1 << 32) : base[row]
                guard holder.seats > 0, holder.held < holder.seats || key < heap[Int(holder.base)] else { continue }
                let passed = PassedOver(
                    application: ApplicationNumber(rawValue: applicants.applications[row]),
                    reason: applicants.ineligibilities[row] ?? .admittedElsewhere)
                gathered.append((key, passed), to: bulletin)
            }
        }
        let passedOver = gathered.lists(count: bulletins.count)
        return bulletins.indices.map { bulletin in
            let holder = holders[bulletin]
            let held = heap[Int(holder.base)..<Int(holder.base + holder.held)].sorted()
            let admitted = held.map {
                ApplicationNumber(
                    rawValue: applicants.applications[Int(order[Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF)])])
            }
            var passed = passedOver[bulletin]
            if !passed.isSortedByKey { passed.sort { $0.key < $1.key } }
            return Allocation.Outcome(
                bulletin: bulletins[bulletin].number, admitted: admitted, passedOver: passed.map(\.passed),
                unfilledSeats: Int(holder.seats - holder.held),
                siblingPriority: zip(held, admitted).filter { $0.0 & 1 << 32 == 0 }.map(\.1))
        }
    }
}

extension Array where Element == (key: UInt64, passed: PassedOver) {
    /// Whether the keys are in ascending order.
    fileprivate var isSortedByKey: Bool {
        zip(self, dropFirst()).allSatisfy { $0.key <= $1.key }
    }
}
