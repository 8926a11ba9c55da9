import KezekDomainTestSupport
import Testing

@testable import Kezek

/// Allocation rounds through `tick`: what the events record, that every seat becomes a referral or stays
/// free, and that a replay of the log decides the same round byte for byte.
@Suite struct AllocationRoundTests {
    typealias H = DecideHarness

    /// A harness that keeps the log: every success's events with their time.
    struct LoggedHarness {
        var h = H()
        var log: [(Timestamp, [Event])] = []

        @discardableResult
        mutating func ok(_ command: Command, after seconds: Int64 = 60) -> [Event] {
            let events = h.ok(command, after: seconds)
            if !events.isEmpty { log.append((h.now, events)) }
            return events
        }
    }

    /// A seeded random queue: kindergartens, families, applications with ranked choices and claims (some
    /// submitted in the same second), bulletins (several per kindergarten) and applications to them, some
    /// withdrawn; the bulletins close at a tick a day later.
    static func randomQueue(seed: UInt64, policies: PolicyBook = .standard) -> LoggedHarness {
        var g = SeededGenerator(seed: seed)
        var l = LoggedHarness()
        l.h.context.policies = policies
        let kindergartens = (0..<Int.random(in: 2...4, using: &g)).map { H.id("kg-\($0)") }
        for id in kindergartens {
            l.ok(
                .registerKindergarten(
                    Command.RegisterKindergarten(
                        id: id, name: KindergartenName(kazakh: "\(id) бөбекжайы", russian: "Детсад \(id)"),
                        locality: H.almaty, languages: [.kazakh], groupTypes: [.general], capacity: 40)))
        }
        var applications: [ApplicationNumber] = []
        for serial in 1...Int.random(in: 10...40, using: &g) {
            let parent = H.iin(born: CivilDate(unchecked: 1990, 1, 1 + serial % 28), sex: .male, serial: serial)
            let child = H.child(serial: serial)
            l.ok(
                .registerApplicant(
                    Command.RegisterApplicant(applicant: parent, phone: try! PhoneNumber(parsing: "+77011234567"))))
            l.ok(.addChild(Command.AddChild(applicant: parent, child: child, gender: child.sex)))
            let ranked = Array(kindergartens.shuffled(using: &g).prefix(Int.random(in: 0...3, using: &g)))
            let claim: PriorityClaim? = Int.random(in: 0..<5, using: &g) == 0 ? l.h.claim(.largeFamily) : nil
            let events = l.ok(
                H.submission(child, applicant: parent, kindergartens: ranked, priority: claim),
                after: Int.random(in: 0..<3, using: &g) == 0 ? 0 : 1)
            if case .applicationSubmitted(let submitted)? = events.first { applications.append(submitted.application) }
        }
        var bulletins: [BulletinNumber] = []
        for _ in 0..<Int.random(in: 2...6, using: &g) {
            let events = l.ok(
                .publishBulletin(
                    Command.PublishBulletin(
                        kindergarten: kindergartens.randomElement(using: &g)!, birthYear: 2023, language: .kazakh,
                        groupType: .general, seats: Int.random(in: 1...4, using: &g), opensAt: l.h.now,
                        closesAt: l.h.now.adding(days: 1))))
            if case .bulletinPublished(let published)? = events.first { bulletins.append(published.bulletin) }
        }
        for application in applications {
            for bulletin in bulletins.shuffled(using: &g).prefix(Int.random(in: 0...bulletins.count, using: &g)) {
                l.ok(.applyToBulletin(Command.ApplyToBulletin(application: application, bulletin: bulletin)))
            }
        }
        for application in applications where Int.random(in: 0..<8, using: &g) == 0 {
            l.ok(.withdrawApplication(application))
        }
        return l
    }

    @Test(arguments: [71, 72, 73, 74, 75, 76] as [UInt64])
    func aRoundRecordsItselfAndReplaysByteForByte(seed: UInt64) throws {
        var h = Self.randomQueue(seed: seed).h
        let before = h.state
        var expectedNumbers: [ApplicationNumber: Int] = [:]
        for bulletin in before.bulletins.values {
            for application in bulletin.applicants {
                guard let record = before.applications[application] else { continue }
                expectedNumbers[application] = before.queueNumber(of: record.queuePosition, in: record.key) {
                    $0.status.isInQueue
                }
            }
        }
        let events = h.tick(afterHours: 25)
        let closed = events.compactMap { event -> Event.BulletinClosed? in
            if case .bulletinClosed(let closed) = event { return closed }
            return nil
        }
        #expect(closed.count == before.bulletins.count)
        let digests = Set(closed.map(\.inputDigest))
        #expect(digests.count == 1)
        #expect(digests.first! != nil)
        for close in closed {
            #expect(close.algorithm == .serialDictatorship)
            #expect(close.policy == Policy.v2024.version)
            #expect(close.siblingPriority.isEmpty)
            // Every seat is a referral or stays free.
            let referrals = events.filter {
                if case .referralIssued(let issued) = $0 { return issued.bulletin == close.bulletin }
                return false
            }
            #expect(referrals.count == close.admitted.count)
            #expect(close.admitted.count + close.unfilledSeats == before.bulletins[close.bulletin]!.seats)
            if let cutOff = close.cutOff {
                #expect(cutOff.application == close.admitted.last)
                #expect(cutOff.queueNumber == expectedNumbers[cutOff.application])
                #expect(cutOff.tier == before.applications[cutOff.application]!.tier)
            }
        }

        // The same state decides the same round again, byte for byte.
        let again = try decide(CommandEnvelope(.tick, at: h.now), in: before, context: h.context).get()
        #expect(Self.bytes(of: again) == Self.bytes(of: events))
        // Another policy version is another input.
        var renamed = Policy.v2024
        renamed.version = PolicyVersion(rawValue: "2024-renamed")
        let other = try decide(
            CommandEnvelope(.tick, at: h.now), in: before, context: DecisionContext(policies: PolicyBook([renamed]))
        ).get()
        guard case .bulletinClosed(let otherClose)? = other.first else {
            Issue.record("no bulletinClosed")
            return
        }
        #expect(otherClose.inputDigest != closed[0].inputDigest)
        #expect(otherClose.admitted == closed[0].admitted)
    }

    @Test(arguments: [81, 82] as [UInt64])
    func aReplayedLogDecidesTheSameRound(seed: UInt64) throws {
        var l = Self.randomQueue(seed: seed)
        var replayed = KezekState()
        for (time, events) in l.log { replayed.evolve(events, at: time) }
        #expect(replayed == l.h.state)
        let live = l.ok(.tick, after: 25 * 3600)
        #expect(live.contains { $0.type == .bulletinClosed })
        let fromReplay = try decide(CommandEnvelope(.tick, at: l.h.now), in: replayed, context: l.h.context).get()
        #expect(Self.bytes(of: fromReplay) == Self.bytes(of: live))
        // And the round's events replay into the same state.
        replayed.evolve(fromReplay, at: l.h.now)
        #expect(replayed == l.h.state)
    }

    /// A family's older child is enrolled at `aqbota`; another family applied before the younger child
    /// to aqbota's one seat. Under the sibling policy the younger child takes the seat.
    @Test(arguments: [false, true])
    func aSiblingAtTheKindergartenComesFirstWithinItsTier(siblingPolicy: Bool) throws {
        var h = H()
        h.context.policies = siblingPolicy ? .withSiblingPriority : .standard
        let aqbota = h.registerKindergarten("aqbota")
        let olderApplication = h.submit(H.child(year: 2021, serial: 1))
        h.apply(olderApplication, to: h.publish(aqbota, birthYear: 2021))
        h.tick(afterHours: 25)
        let referral = try #require(h.referral(of: olderApplication))
        h.ok(.confirmReferral(referral))
        h.ok(.registerEnrollment(referral))
        h.ok(.confirmAdmission(referral))

        let otherFamily = H.iin(born: CivilDate(unchecked: 1988, 5, 5), sex: .male, serial: 7)
        let earlier = h.submit(H.child(serial: 2), applicant: otherFamily)
        let younger = h.submit(H.child(serial: 3))
        let bulletin = h.publish(aqbota)
        h.apply(earlier, to: bulletin)
        h.apply(younger, to: bulletin)
        let events = h.tick(afterHours: 25)
        guard case .bulletinClosed(let closed)? = events.first else {
            Issue.record("no bulletinClosed in \(events)")
            return
        }
        if siblingPolicy {
            #expect(closed.policy.rawValue == "2024-siblings")
            #expect(closed.algorithm == .deferredAcceptance)
            #expect(closed.admitted == [younger])
            #expect(closed.siblingPriority == [younger])
            #expect(closed.cutOff?.application == younger)
            #expect(closed.cutOff?.queueNumber == 2)
        } else {
            #expect(closed.algorithm == .serialDictatorship)
            #expect(closed.admitted == [earlier])
            #expect(closed.siblingPriority == [])
            #expect(closed.cutOff?.queueNumber == 1)
        }
        #expect(closed.passedOver.isEmpty)
        #expect(h.state.applications[siblingPolicy ? earlier : younger]?.status == .queued)
    }

    static func bytes(of events: [Event]) -> [UInt8] {
        var writer = BinaryWriter()
        for event in events {
            writer.write(event.type.rawValue)
            writer.write(event.type.currentVersion)
            event.encode(into: &writer)
        }
        return writer.bytes
    }
}
