import Testing

@testable import Kezek

/// The properties every allocation must have, checked from scratch.
enum AllocationChecks {
    /// Every seat went to one eligible applicant of the bulletin or stays free, nobody got two, and
    /// nobody that got no seat somewhere was skipped without a reason.
    static func expectSeatsAccountedFor(
        _ instance: AllocationInstance, _ outcomes: [Allocation.Outcome],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let problems = seatProblems(instance, outcomes)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    /// What breaks ``expectSeatsAccountedFor(_:_:sourceLocation:)``, in words.
    static func seatProblems(_ instance: AllocationInstance, _ outcomes: [Allocation.Outcome]) -> [String] {
        let kindergartenOf = instance.kindergartenOf
        let seats = instance.seatsOf
        let byApplication = Dictionary(uniqueKeysWithValues: instance.candidates.map { ($0.application, $0) })
        var seatHolders: Set<ApplicationNumber> = []
        let admittedAnywhere = Set(outcomes.flatMap(\.admitted))
        var problems: [String] = []
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append(message()) }
        }
        check(outcomes.map(\.bulletin) == instance.bulletins.map(\.number), "outcomes out of order")
        for outcome in outcomes {
            let bulletin = outcome.bulletin
            check(outcome.admitted.count + outcome.unfilledSeats == seats[bulletin]!, "\(bulletin): seats lost")
            check(outcome.unfilledSeats >= 0, "\(bulletin): negative free seats")
            check(outcome.cutOff == outcome.admitted.last, "\(bulletin): cut-off is not the last admitted")
            for application in outcome.admitted {
                check(seatHolders.insert(application).inserted, "\(application) got two seats")
                let candidate = byApplication[application]!
                check(candidate.ineligibility == nil, "\(application) admitted while ineligible")
                let preferences = AllocationReference.preferences(of: candidate, kindergartenOf: kindergartenOf)
                check(preferences.contains(bulletin), "\(application) admitted at \(bulletin) without applying")
            }
            check(
                Set(outcome.siblingPriority).isSubset(of: Set(outcome.admitted)),
                "\(bulletin): sibling priority for someone not admitted")
            for passed in outcome.passedOver {
                let candidate = byApplication[passed.application]!
                check(!outcome.admitted.contains(passed.application), "\(passed.application) admitted and passed over")
                check(
                    passed.reason == (candidate.ineligibility ?? .admittedElsewhere),
                    "\(passed.application) passed over at \(bulletin) for \(passed.reason)")
                if passed.reason == .admittedElsewhere {
                    check(
                        admittedAnywhere.contains(passed.application),
                        "\(passed.application) admitted elsewhere but holds no seat")
                }
            }
        }
        return problems
    }

    /// The pairs (applicant, bulletin) that block the allocation: an eligible applicant prefers the bulletin
    /// to what it got, and the bulletin had a seat left or admitted someone it ranks below the applicant.
    /// Without sibling priority the ranking is queue order.
    static func blockingPairs(
        _ instance: AllocationInstance, _ outcomes: [Allocation.Outcome], siblingPriority: Bool
    ) -> [String] {
        let kindergartenOf = instance.kindergartenOf
        let seats = instance.seatsOf
        let byApplication = Dictionary(uniqueKeysWithValues: instance.candidates.map { ($0.application, $0) })
        var won: [ApplicationNumber: BulletinNumber] = [:]
        var admitted: [BulletinNumber: [ApplicationNumber]] = [:]
        for outcome in outcomes {
            admitted[outcome.bulletin] = outcome.admitted
            for application in outcome.admitted { won[application] = outcome.bulletin }
        }
        var pairs: [String] = []
        for candidate in instance.candidates where candidate.ineligibility == nil {
            for number in AllocationReference.preferences(of: candidate, kindergartenOf: kindergartenOf) {
                if won[candidate.application] == number { break }
                let taken = admitted[number] ?? []
                if taken.count < seats[number]! {
                    pairs.append("\(candidate.application) wants \(number), which has a seat left")
                    continue
                }
                let kindergarten = kindergartenOf[number]!
                let mine = AllocationReference.priority(
                    of: candidate, at: kindergarten, siblingPriority: siblingPriority)
                for other in taken {
                    let theirs = AllocationReference.priority(
                        of: byApplication[other]!, at: kindergarten, siblingPriority: siblingPriority)
                    if mine < theirs {
                        pairs.append("\(candidate.application) wants \(number), which admitted \(other) after it")
                    }
                }
            }
        }
        return pairs
    }
}
