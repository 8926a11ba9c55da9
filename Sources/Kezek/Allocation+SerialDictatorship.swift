extension Allocation.Round {
    /// The contract's rule: down the queue, each eligible candidate takes its most preferred bulletin
    /// with a seat left. A candidate meeting a bulletin with a seat left that it does not take is passed
    /// over there: ineligible, or admitted at a bulletin it prefers (or preferred, earlier in its list).
    func serialDictatorship() -> [Allocation.Outcome] {
        var remaining = seats
        var seatsLeft = remaining.reduce(0, +)
        var admitted = [[ApplicationNumber]](repeating: [], count: bulletins.count)
        var passedOver = [[PassedOver]](repeating: [], count: bulletins.count)
        order.withUnsafeBufferPointer { order in
            preferenceStart.withUnsafeBufferPointer { start in
                preferences.withUnsafeBufferPointer { preferences in
                    ineligible.withUnsafeBufferPointer { ineligible in
                        for candidate in order {
                            // Once every seat is taken, nobody later can win or be passed over.
                            if seatsLeft == 0 { break }
                            let index = Int(candidate)
                            let choices = Int(start[index])..<Int(start[index + 1])
                            if ineligible[index] {
                                let reason = candidates[index].ineligibility!
                                let application = candidates[index].application
                                for choice in choices {
                                    let bulletin = Int(preferences[choice] & ~Self.siblingFlag)
                                    if remaining[bulletin] > 0 {
                                        passedOver[bulletin].append(
                                            PassedOver(application: application, reason: reason))
                                    }
                                }
                                continue
                            }
                            var won = false
                            for choice in choices {
                                let bulletin = Int(preferences[choice] & ~Self.siblingFlag)
                                guard remaining[bulletin] > 0 else { continue }
                                let application = candidates[index].application
                                if won {
                                    passedOver[bulletin].append(
                                        PassedOver(application: application, reason: .admittedElsewhere))
                                } else {
                                    won = true
                                    remaining[bulletin] -= 1
                                    seatsLeft -= 1
                                    admitted[bulletin].append(application)
                                }
                            }
                        }
                    }
                }
            }
        }
        return bulletins.indices.map { index in
            Allocation.Outcome(
                bulletin: bulletins[index].number, admitted: admitted[index], passedOver: passedOver[index],
                unfilledSeats: remaining[index])
        }
    }
}
