extension Allocation.Round {
    /// The contract's rule: down the queue, each eligible applicant takes its most preferred bulletin
    /// with a seat left. An applicant meeting a bulletin with a seat left that it does not take is passed
    /// over there: ineligible, or admitted at a bulletin it prefers (or preferred, earlier in its list).
    ///
    /// Each applicant's preference list is read from the table as its turn comes, into one scratch list.
    func serialDictatorship() -> [Allocation.Outcome] {
        var remaining = seats
        var seatsLeft = seats.reduce(0) { $0 + Int($1) }
        var admitted = BulletinLists<ApplicationNumber>(reservingCapacity: seatsLeft)
        var passedOver = BulletinLists<PassedOver>()
        let ineligibilities = applicants.ineligibilities
        let applications = applicants.applications
        withPreferenceReader { reader in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Swift.max(1, reader.longestList)) { list in
                remaining.withUnsafeMutableBufferPointer { remaining in
                    for row in order {
                        // Once every seat is taken, nobody later can win or be passed over.
                        if seatsLeft == 0 { break }
                        let row = Int(row)
                        // Late in the queue most applicants find every bulletin full: skip ranking those.
                        guard reader.appliedToAny(row: row, where: { remaining[$0] > 0 }) else { continue }
                        let count = reader.write(row: row, into: list.baseAddress!).count
                        let ineligibility = ineligibilities[row]
                        var won = false
                        for choice in 0..<count {
                            let bulletin = Int(list[choice] & ~Self.siblingFlag)
                            guard remaining[bulletin] > 0 else { continue }
                            let application = ApplicationNumber(rawValue: applications[row])
                            if let ineligibility {
                                passedOver.append(
                                    PassedOver(application: application, reason: ineligibility), to: bulletin)
                            } else if won {
                                passedOver.append(
                                    PassedOver(application: application, reason: .admittedElsewhere), to: bulletin)
                            } else {
                                won = true
                                remaining[bulletin] -= 1
                                seatsLeft -= 1
                                admitted.append(application, to: bulletin)
                            }
                        }
                    }
                }
            }
        }
        let admittedLists = admitted.lists(count: bulletins.count)
        let passedOverLists = passedOver.lists(count: bulletins.count)
        return bulletins.indices.map { index in
            Allocation.Outcome(
                bulletin: bulletins[index].number, admitted: admittedLists[index], passedOver: passedOverLists[index],
                unfilledSeats: Int(remaining[index]))
        }
    }
}
