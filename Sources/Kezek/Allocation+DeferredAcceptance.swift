extension Allocation.Round {
    /// Applicant-proposing deferred acceptance. Each bulletin ranks its applicants by (tier, sibling
    /// priority first, application time, application number) and tentatively holds the best ones up to
    /// its seats; an applicant it lets go proposes to its next choice. The result is the stable matching
    /// every applicant likes best; when no applicant has sibling priority every bulletin ranks in queue
    /// order and the result is the serial dictatorship's.
    ///
    /// A bulletin's priority is packed into one word: tier, then 0 with sibling priority (1 without),
    /// then the rank in queue order. Held applicants sit in a max-heap per bulletin, the weakest on top.
    func deferredAcceptance() -> [Allocation.Outcome] {
        var rank = [UInt32](repeating: 0, count: candidates.count)
        for (position, candidate) in order.enumerated() {
            rank[Int(candidate)] = UInt32(truncatingIfNeeded: position)
        }
        func priority(of candidate: Int, _ entry: UInt32) -> UInt64 {
            let sibling: UInt64 = entry & Self.siblingFlag != 0 ? 0 : 1
            return UInt64(tiers[candidate]) << 33 | sibling << 32 | UInt64(rank[candidate])
        }

        var heapStart = [Int](repeating: 0, count: bulletins.count + 1)
        for index in bulletins.indices { heapStart[index + 1] = heapStart[index] + seats[index] }
        var heap = [UInt64](repeating: 0, count: heapStart[bulletins.count])
        var held = [Int](repeating: 0, count: bulletins.count)
        var assignment = [Int32](repeating: -1, count: candidates.count)
        var next = preferenceStart
        for first in order where !ineligible[Int(first)] {
            var proposer = Int(first)
            while next[proposer] < preferenceStart[proposer + 1] {
                let entry = preferences[Int(next[proposer])]
                next[proposer] += 1
                let bulletin = Int(entry & ~Self.siblingFlag)
                let capacity = seats[bulletin]
                guard capacity > 0 else { continue }
                let key = priority(of: proposer, entry)
                let base = heapStart[bulletin]
                if held[bulletin] < capacity {
                    Self.push(key, into: &heap, base: base, count: &held[bulletin])
                    assignment[proposer] = Int32(truncatingIfNeeded: bulletin)
                    break
                }
                let weakest = heap[base]
                guard key < weakest else { continue }
                Self.replaceTop(with: key, in: &heap, base: base, count: held[bulletin])
                assignment[proposer] = Int32(truncatingIfNeeded: bulletin)
                proposer = Int(order[Int(truncatingIfNeeded: weakest & 0xFFFF_FFFF)])
                assignment[proposer] = -1
            }
        }
        return outcomes(assignment: assignment, priority: priority)
    }

    /// Each bulletin's outcome from the final assignment: its applicants walked in its priority order;
    /// until its seats are taken, an applicant not admitted there is passed over (ineligible, or held by
    /// a bulletin it prefers: stability leaves no other case).
    private func outcomes(
        assignment: [Int32], priority: (Int, UInt32) -> UInt64
    ) -> [Allocation.Outcome] {
        var listStart = [Int](repeating: 0, count: bulletins.count + 1)
        for entry in preferences { listStart[Int(entry & ~Self.siblingFlag) + 1] += 1 }
        for index in bulletins.indices { listStart[index + 1] += listStart[index] }
        var fill = listStart
        var lists = [UInt64](repeating: 0, count: preferences.count)
        var needsSorting = [Bool](repeating: false, count: bulletins.count)
        for candidate in order {
            let index = Int(candidate)
            for choice in Int(preferenceStart[index])..<Int(preferenceStart[index + 1]) {
                let entry = preferences[choice]
                let bulletin = Int(entry & ~Self.siblingFlag)
                lists[fill[bulletin]] = priority(index, entry)
                fill[bulletin] += 1
                if entry & Self.siblingFlag != 0 { needsSorting[bulletin] = true }
            }
        }
        return bulletins.indices.map { bulletin in
            let range = listStart[bulletin]..<listStart[bulletin + 1]
            // In queue order already, unless sibling priority moved someone up.
            if needsSorting[bulletin] { lists[range].sort() }
            var admitted: [ApplicationNumber] = []
            var siblings: [ApplicationNumber] = []
            var passedOver: [PassedOver] = []
            for key in lists[range] {
                if admitted.count == seats[bulletin] { break }
                let index = Int(order[Int(truncatingIfNeeded: key & 0xFFFF_FFFF)])
                let application = candidates[index].application
                if assignment[index] == Int32(truncatingIfNeeded: bulletin) {
                    admitted.append(application)
                    if key >> 32 & 1 == 0 { siblings.append(application) }
                } else {
                    passedOver.append(
                        PassedOver(
                            application: application, reason: candidates[index].ineligibility ?? .admittedElsewhere))
                }
            }
            return Allocation.Outcome(
                bulletin: bulletins[bulletin].number, admitted: admitted, passedOver: passedOver,
                unfilledSeats: seats[bulletin] - admitted.count, siblingPriority: siblings)
        }
    }

    private static func push(_ key: UInt64, into heap: inout [UInt64], base: Int, count: inout Int) {
        var child = count
        count += 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[base + parent] < key else { break }
            heap[base + child] = heap[base + parent]
            child = parent
        }
        heap[base + child] = key
    }

    private static func replaceTop(with key: UInt64, in heap: inout [UInt64], base: Int, count: Int) {
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
    }
}
