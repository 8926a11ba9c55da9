import KezekDomainTestSupport
import Testing

@testable import Kezek

/// Seeded random command sequences, valid and invalid, through `decide` and `evolve`: the rules of the
/// queue hold after every step, a rejected command changes nothing, and replaying the events gives the
/// same state.
@Suite struct DecideInvariantTests {
    typealias H = DecideHarness

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomHistoriesKeepEveryInvariant(seed: UInt64) throws {
        var world = RandomWorld(seed: seed)
        var (h, policy) = H.fastLapsing(world)
        var log: [(Timestamp, [Event])] = []
        // The same events folded into the records alone, the deadline index built from them when checked.
        var recordsOnly = KezekState()
        var eventCounts: [EventType: Int] = [:]
        var rejectionCodes: Set<String> = []
        for step in 0..<3000 {
            let command = world.command(in: h.state, now: &h.now)
            let before = h.state
            let context = h.context.looking(up: command, in: h.registry)
            let result = decide(CommandEnvelope(command, at: h.now), in: h.state, context: context)
            #expect(h.state == before)
            switch result {
            case .failure(let rejection):
                rejectionCodes.insert(rejection.code)
                #expect(!rejection.message.isEmpty)
            case .success(let events):
                for event in events {
                    eventCounts[event.type, default: 0] += 1
                    #expect(try Event(json: try JSONValue.parse(event.json.serialized)) == event)
                }
                h.state.evolve(events, at: h.now)
                for event in events { recordsOnly.evolveRecords(event, at: h.now) }
                if !events.isEmpty { log.append((h.now, events)) }
                if step % 7 == 0 {
                    var rebuilt = recordsOnly
                    rebuilt.rebuildDeadlines()
                    #expect(rebuilt == h.state)
                    InvariantChecker.expectDeadlineIndexMatchesScan(
                        h.state, now: h.now, policy: policy, alongside: [rebuilt])
                }
                let violations = InvariantChecker.violations(in: h.state)
                #expect(violations.isEmpty, "seed \(seed) step \(step) \(command.type): \(violations)")
                if !violations.isEmpty { return }
            }
        }
        var replayed = KezekState()
        for (time, events) in log { replayed.evolve(events, at: time) }
        #expect(replayed == h.state)
        for type in [
            EventType.applicationSubmitted, .bulletinClosed, .referralIssued, .referralConfirmed,
            .admissionConfirmed, .referralExpired, .interestLapsed, .priorityRejected, .applicationWithdrawn,
        ] {
            #expect(eventCounts[type, default: 0] > 0, "seed \(seed): no \(type)")
        }
        for code in ["timeWentBackwards", "duplicateApplication", "childEnrolled", "personNotFound", "bulletinClosed"] {
            #expect(rejectionCodes.contains(code), "seed \(seed): never refused with \(code)")
        }
    }
}

/// The invariants of the queue, checked from scratch on a state.
enum InvariantChecker {
    static func violations(in state: KezekState) -> [String] {
        var problems: [String] = []
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append(message()) }
        }
        let applications = state.applications.values.sorted { $0.number < $1.number }
        // Numbers are gapless from 1.
        check(
            applications.map(\.number.rawValue) == (0..<state.lastApplicationNumber).map { $0 + 1 },
            "application numbers have gaps")
        check(
            Set(state.bulletins.keys.map(\.rawValue)) == Set((0..<state.lastBulletinNumber).map { $0 + 1 }),
            "bulletin numbers have gaps")
        check(
            Set(state.referrals.keys.map(\.rawValue)) == Set((0..<state.lastReferralNumber).map { $0 + 1 }),
            "referral numbers have gaps")
        // Each child belongs to one registered applicant; one active application and at most one enrolment.
        var owners: [IIN: IIN] = [:]
        for applicant in state.applicants.values {
            for child in state.children(of: applicant.iin) {
                check(owners.updateValue(applicant.iin, forKey: child) == nil, "child \(child) listed twice")
            }
        }
        for child in state.children.values {
            check(owners[child.iin] == child.applicant, "child \(child.iin) has inconsistent owners")
            let mine = applications.filter { $0.child == child.iin }
            let active = mine.filter(\.status.isActive)
            check(active.count <= 1, "child \(child.iin) has \(active.count) active applications")
            check(child.activeApplication == active.first?.number, "child \(child.iin) active application index")
            let enrolled = mine.filter { $0.status == .enrolled }
            check(enrolled.count <= 1, "child \(child.iin) enrolled \(enrolled.count) times")
            check(child.enrolment?.application == enrolled.first?.number, "child \(child.iin) enrolment index")
            check(
                child.enrolment == nil || active.isEmpty, "enrolled child \(child.iin) still has an active application")
        }
        for application in applications {
            check(
                state.children[application.child]?.applicant == application.applicant,
                "application \(application.number) applicant")
            if application.claimStatus == .rejected {
                check(application.tier == .general, "rejected claim keeps its tier")
            }
            check(
                (application.status == .referred) == (application.referral != nil),
                "application \(application.number) referral link")
            if let number = application.referral {
                let referral = state.referrals[number]
                check(
                    referral?.application == application.number && referral?.status.holdsSeat == true,
                    "referral \(number) link")
            }
        }
        // Application time never goes down as numbers go up.
        for (earlier, later) in zip(applications, applications.dropFirst()) {
            check(
                earlier.submittedAt <= later.submittedAt, "application \(later.number) earlier than \(earlier.number)")
        }
        // Queue numbers are 1...n in (tier, time, number) order.
        for key in state.applicationsByKey.keys {
            let queue = state.queue(for: key)
            for (index, application) in queue.enumerated() {
                check(state.queueNumber(of: application.number) == index + 1, "queue number of \(application.number)")
                if index > 0 { check(queue[index - 1].queuePosition < application.queuePosition, "queue order") }
            }
        }
        // Seats: every referral is a seat of a closed bulletin; no bulletin or kindergarten over-allocated.
        for referral in state.referrals.values {
            let bulletin = state.bulletins[referral.bulletin]
            check(bulletin?.isClosed == true, "referral \(referral.number) from an open bulletin")
            check(bulletin?.admitted.contains(referral.application) == true, "referral \(referral.number) not admitted")
            check(bulletin?.kindergarten == referral.kindergarten, "referral \(referral.number) kindergarten")
        }
        for bulletin in state.bulletins.values {
            let issued = state.referrals.values.filter { $0.bulletin == bulletin.number }
            check(issued.count == bulletin.admitted.count, "bulletin \(bulletin.number) referrals")
            check(bulletin.admitted.count <= bulletin.seats, "bulletin \(bulletin.number) over-allocated")
            for number in bulletin.admitted {
                check(
                    state.applications[number]?.key == bulletin.key, "bulletin \(bulletin.number) admitted another key")
            }
        }
        for kindergarten in state.kindergartens.values {
            let referrals = state.referrals.values.filter { $0.kindergarten == kindergarten.id }
            check(kindergarten.referred == referrals.filter(\.status.holdsSeat).count, "\(kindergarten.id) referred")
            check(
                kindergarten.enrolled == referrals.filter { $0.status == .admitted }.count,
                "\(kindergarten.id) enrolled")
            let open = state.bulletins.values.filter { $0.kindergarten == kindergarten.id && !$0.isClosed }
            check(kindergarten.offered == open.map(\.seats).reduce(0, +), "\(kindergarten.id) offered")
            check(kindergarten.freeSeats >= 0, "\(kindergarten.id) over-allocated")
        }
        return problems
    }

    /// What `tick` finds through the deadline index equals a walk over every record, now and later, also
    /// for a state decoded from its canonical bytes (whose index is rebuilt) and for the states
    /// `alongside` (with the same records).
    static func expectDeadlineIndexMatchesScan(
        _ state: KezekState, now: Timestamp, policy: Policy, alongside others: [KezekState] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var decoded = state
        if now.millisecondsSinceEpoch % 5 == 0 {
            var writer = BinaryWriter()
            state.canonicalBytes(into: &writer)
            decoded = BinaryReader.withReader(writer.bytes) { reader in try! KezekState(canonicalBytes: &reader) }
        }
        for days in [0, 1, 3, 30, 90, 400] {
            let time = now.adding(days: days)
            let referrals = state.referrals.values.filter { ($0.currentDeadline?.dueAt).map { $0 <= time } ?? false }
                .map(\.number).sorted()
            let windows = state.applications.values.filter {
                $0.status == .inactive && ($0.restorableUntil.map { $0 <= time } ?? false)
            }.map(\.number).sorted()
            let interest = state.applications.values.filter {
                $0.status == .queued
                    && ($0.interestValidUntil ?? policy.interestDeadline(confirmedAt: $0.submittedAt)) <= time
            }.map(\.number).sorted()
            for candidate in [state, decoded] + others {
                #expect(candidate.referralsDue(by: time).map(\.number) == referrals, sourceLocation: sourceLocation)
                #expect(
                    candidate.restorationWindowsEnded(by: time).map(\.number) == windows, sourceLocation: sourceLocation
                )
                #expect(
                    candidate.interestDue(by: time, policy: policy).map(\.number) == interest,
                    sourceLocation: sourceLocation)
            }
        }
    }
}
