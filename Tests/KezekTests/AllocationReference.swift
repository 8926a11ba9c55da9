@testable import Kezek

/// The contract's rule and textbook deferred acceptance written out plainly, with dictionaries and
/// sorts, sharing no code with `Allocation`: the fast implementation must agree with them.
enum AllocationReference {
    /// One bulletin's result.
    struct Outcome: Equatable, CustomStringConvertible {
        var admitted: [ApplicationNumber] = []
        var passedOver: [PassedOver] = []
        var unfilledSeats: Int

        var description: String {
            "admitted \(admitted.map(\.rawValue)) passedOver \(passedOver.map { "\($0.application)/\($0.reason)" }) "
                + "unfilled \(unfilledSeats)"
        }
    }

    /// Queue order, as the contract says: tier, then application time, then application number.
    static func inQueueOrder(_ candidates: [Allocation.Candidate]) -> [Allocation.Candidate] {
        candidates.sorted {
            let left = (
                $0.position.tier.rawValue, $0.position.submittedAt.millisecondsSinceEpoch, $0.application.rawValue
            )
            let right = (
                $1.position.tier.rawValue, $1.position.submittedAt.millisecondsSinceEpoch, $1.application.rawValue
            )
            return left < right
        }
    }

    /// The closing bulletins `candidate` applied to, most preferred first: for each ranked kindergarten in
    /// rank order, its bulletins in the order applied; then the bulletins of unranked kindergartens in the
    /// order applied. A bulletin applied to twice counts once.
    static func preferences(
        of candidate: Allocation.Candidate, kindergartenOf: [BulletinNumber: KindergartenID]
    ) -> [BulletinNumber] {
        var applied: [BulletinNumber] = []
        for number in candidate.appliedTo where kindergartenOf[number] != nil && !applied.contains(number) {
            applied.append(number)
        }
        var result: [BulletinNumber] = []
        for kindergarten in candidate.rankedKindergartens {
            for number in applied where kindergartenOf[number] == kindergarten && !result.contains(number) {
                result.append(number)
            }
        }
        for number in applied where !candidate.rankedKindergartens.contains(kindergartenOf[number]!) {
            result.append(number)
        }
        return result
    }

    /// Serial dictatorship with the pass-over record: down the queue, every closing bulletin a candidate
    /// applied to that still has a seat either admits it (the first such, if it is eligible) or records
    /// why it did not.
    static func serialDictatorship(
        _ bulletins: [Allocation.Bulletin], _ candidates: [Allocation.Candidate]
    ) -> [BulletinNumber: Outcome] {
        var kindergartenOf: [BulletinNumber: KindergartenID] = [:]
        var outcomes: [BulletinNumber: Outcome] = [:]
        for bulletin in bulletins {
            kindergartenOf[bulletin.number] = bulletin.kindergarten
            outcomes[bulletin.number] = Outcome(unfilledSeats: max(0, bulletin.seats))
        }
        for candidate in inQueueOrder(candidates) {
            var won = false
            for number in preferences(of: candidate, kindergartenOf: kindergartenOf)
            where outcomes[number]!.unfilledSeats > 0 {
                if let reason = candidate.ineligibility {
                    outcomes[number]!.passedOver.append(PassedOver(application: candidate.application, reason: reason))
                } else if won {
                    outcomes[number]!.passedOver.append(
                        PassedOver(application: candidate.application, reason: .admittedElsewhere))
                } else {
                    won = true
                    outcomes[number]!.admitted.append(candidate.application)
                    outcomes[number]!.unfilledSeats -= 1
                }
            }
        }
        return outcomes
    }

    /// A bulletin's priority of a candidate under sibling priority: tier, then sibling first, then time,
    /// then number (smaller is better).
    static func priority(
        of candidate: Allocation.Candidate, at kindergarten: KindergartenID, siblingPriority: Bool
    ) -> (Int, Int, Int64, UInt64) {
        let sibling = siblingPriority && candidate.siblingKindergartens.contains(kindergarten)
        return (
            candidate.position.tier.rawValue, sibling ? 0 : 1, candidate.position.submittedAt.millisecondsSinceEpoch,
            candidate.application.rawValue
        )
    }

    /// Textbook applicant-proposing deferred acceptance: free eligible applicants propose in turn; each
    /// bulletin keeps the best by its priority up to its seats and rejects the rest.
    static func deferredAcceptance(
        _ bulletins: [Allocation.Bulletin], _ candidates: [Allocation.Candidate], siblingPriority: Bool
    ) -> [ApplicationNumber: BulletinNumber] {
        var kindergartenOf: [BulletinNumber: KindergartenID] = [:]
        var seats: [BulletinNumber: Int] = [:]
        for bulletin in bulletins {
            kindergartenOf[bulletin.number] = bulletin.kindergarten
            seats[bulletin.number] = max(0, bulletin.seats)
        }
        let byApplication = Dictionary(uniqueKeysWithValues: candidates.map { ($0.application, $0) })
        var lists: [ApplicationNumber: [BulletinNumber]] = [:]
        for candidate in candidates where candidate.ineligibility == nil {
            lists[candidate.application] = preferences(of: candidate, kindergartenOf: kindergartenOf)
        }
        var holding: [BulletinNumber: [ApplicationNumber]] = [:]
        var free = lists.keys.sorted()
        while let application = free.popLast() {
            guard !lists[application]!.isEmpty else { continue }
            let number = lists[application]!.removeFirst()
            var held = holding[number, default: []] + [application]
            held.sort {
                priority(of: byApplication[$0]!, at: kindergartenOf[number]!, siblingPriority: siblingPriority)
                    < priority(of: byApplication[$1]!, at: kindergartenOf[number]!, siblingPriority: siblingPriority)
            }
            while held.count > seats[number]! { free.append(held.removeLast()) }
            holding[number] = held
        }
        var matching: [ApplicationNumber: BulletinNumber] = [:]
        for (number, held) in holding {
            for application in held { matching[application] = number }
        }
        return matching
    }

    /// Each bulletin's outcome from a matching: its admitted applicants in its priority order, and the
    /// applicants it ranks before its last seat was taken that did not take one, with the reason.
    static func outcomes(
        of matching: [ApplicationNumber: BulletinNumber], _ bulletins: [Allocation.Bulletin],
        _ candidates: [Allocation.Candidate], siblingPriority: Bool
    ) -> [BulletinNumber: Outcome] {
        var kindergartenOf: [BulletinNumber: KindergartenID] = [:]
        for bulletin in bulletins { kindergartenOf[bulletin.number] = bulletin.kindergarten }
        let preferenceLists = candidates.map { preferences(of: $0, kindergartenOf: kindergartenOf) }
        var outcomes: [BulletinNumber: Outcome] = [:]
        for bulletin in bulletins {
            let applicants = candidates.indices.filter { preferenceLists[$0].contains(bulletin.number) }.map {
                (
                    candidate: candidates[$0],
                    priority: priority(of: candidates[$0], at: bulletin.kindergarten, siblingPriority: siblingPriority)
                )
            }.sorted { $0.priority < $1.priority }.map(\.candidate)
            var outcome = Outcome(unfilledSeats: max(0, bulletin.seats))
            for candidate in applicants where outcome.unfilledSeats > 0 {
                if matching[candidate.application] == bulletin.number {
                    outcome.admitted.append(candidate.application)
                    outcome.unfilledSeats -= 1
                } else {
                    outcome.passedOver.append(
                        PassedOver(
                            application: candidate.application, reason: candidate.ineligibility ?? .admittedElsewhere))
                }
            }
            outcomes[bulletin.number] = outcome
        }
        return outcomes
    }
}
