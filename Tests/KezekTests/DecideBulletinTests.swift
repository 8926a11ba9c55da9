import Testing

@testable import Kezek

@Suite struct DecideBulletinTests {
    typealias H = DecideHarness

    @Test func publishesABulletinForItsKindergartensLocality() throws {
        var h = H()
        let kg = h.registerKindergarten("kg-1", capacity: 10)
        let number = h.publish(kg, seats: 4)
        let bulletin = try #require(h.state.bulletins[number])
        #expect(bulletin.key == QueueKey(locality: H.almaty, birthYear: 2023, language: .kazakh, groupType: .general))
        #expect(h.state.kindergartens[kg]?.freeSeats == 6)
    }

    @Test func publishingRulesNameTheBadValue() {
        var h = H()
        let kg = h.registerKindergarten("kg-1", languages: [.kazakh], capacity: 5)
        func bulletin(
            _ kindergarten: KindergartenID = kg, language: LanguageCode = .kazakh, groupType: GroupType = .general,
            birthYear: Int = 2023, seats: Int = 1, closesInSeconds: Int64 = 3600
        ) -> Command {
            .publishBulletin(
                Command.PublishBulletin(
                    kindergarten: kindergarten, birthYear: birthYear, language: language, groupType: groupType,
                    seats: seats, opensAt: h.now, closesAt: h.now.adding(seconds: closesInSeconds)))
        }
        h.reject(bulletin(H.id("ghost")), "unknownKindergarten")
        h.reject(bulletin(language: .russian), "languageNotOffered")
        h.reject(bulletin(groupType: .sanatorium), "groupTypeNotOffered")
        h.reject(bulletin(birthYear: 2019), "invalidYear")
        let seats = h.reject(bulletin(seats: 6), "invalidSeats")
        #expect(seats?.message.contains("6") == true)
        h.reject(bulletin(closesInSeconds: -60), "invalidWindow")
        h.ok(bulletin(seats: 4))
        let free = h.reject(bulletin(seats: 2), "notEnoughFreeSeats")
        #expect(free?.message.contains("1 free") == true)
    }

    @Test func applyingRules() {
        var h = H()
        let kg = h.registerKindergarten("kg-1")
        let application = h.submit(H.child(serial: 1))
        let russian = h.submit(H.child(serial: 2, sex: .female))
        let bulletin = h.publish(kg)
        h.reject(.applyToBulletin(Command.ApplyToBulletin(application: 99, bulletin: bulletin)), "unknownApplication")
        let unknown = h.reject(
            .applyToBulletin(Command.ApplyToBulletin(application: application, bulletin: 42)), "unknownBulletin")
        #expect(unknown?.message.contains("42") == true)
        h.apply(application, to: bulletin)
        h.reject(
            .applyToBulletin(Command.ApplyToBulletin(application: application, bulletin: bulletin)),
            "alreadyAppliedToBulletin")
        let other = h.publish(kg, birthYear: 2022)
        let mismatch = h.reject(
            .applyToBulletin(Command.ApplyToBulletin(application: russian, bulletin: other)), "bulletinKeyMismatch")
        #expect(mismatch?.message.contains("\(other)") == true)
        h.ok(.withdrawApplication(russian))
        h.reject(
            .applyToBulletin(Command.ApplyToBulletin(application: russian, bulletin: bulletin)), "applicationNotActive")
        h.tick(afterHours: 25)
        let closed = h.reject(
            .applyToBulletin(Command.ApplyToBulletin(application: application, bulletin: other)), "bulletinClosed")
        #expect(closed?.message.contains("\(other)") == true)
    }

    @Test func aBulletinNotYetOpenRefusesApplicants() {
        var h = H()
        let kg = h.registerKindergarten("kg-1")
        let application = h.submit(H.child())
        h.ok(
            .publishBulletin(
                Command.PublishBulletin(
                    kindergarten: kg, birthYear: 2023, language: .kazakh, groupType: .general, seats: 1,
                    opensAt: h.now.adding(days: 1), closesAt: h.now.adding(days: 2))))
        h.reject(.applyToBulletin(Command.ApplyToBulletin(application: application, bulletin: 1)), "bulletinNotOpen")
    }

    @Test func aStopListedApplicationCannotApply() {
        var h = H()
        let kg = h.registerKindergarten("kg-1")
        let application = h.submit(H.child(), priority: h.claim(.military))
        h.ok(.verifyPriority(Command.VerifyPriority(application: application, verdict: .rejected)))
        let bulletin = h.publish(kg)
        let rejection = h.reject(
            .applyToBulletin(Command.ApplyToBulletin(application: application, bulletin: bulletin)), "stopListed")
        #expect(rejection?.message.contains("\(application)") == true)
    }

    @Test func seatsGoByQueueOrderAtClose() throws {
        var h = H()
        let kg = h.registerKindergarten("kg-1")
        let first = h.submit(H.child(serial: 1))
        let second = h.submit(H.child(serial: 2))
        let priority = h.submit(H.child(serial: 3), priority: h.claim(.orphan))
        let bulletin = h.publish(kg, seats: 2)
        for application in [second, first, priority] { h.apply(application, to: bulletin) }
        #expect(h.tick(afterHours: 1).isEmpty)
        let events = h.tick(afterHours: 24)
        #expect(events.map(\.type) == [.bulletinClosed, .referralIssued, .referralIssued])
        guard case .bulletinClosed(let closed) = events[0] else { return }
        #expect(closed.admitted == [priority, first])
        #expect(closed.cutOff?.application == first)
        #expect(closed.cutOff?.queueNumber == 2)
        #expect(closed.unfilledSeats == 0)
        #expect(h.state.applications[second]?.status == .queued)
        #expect(h.state.queueNumber(of: second) == 1)
        let referral = try #require(h.referral(of: priority))
        #expect(referral == 1)
        #expect(h.state.referrals[referral]?.confirmBy == Policy.v2024.confirmationDeadline(referralIssuedAt: h.now))
        #expect(h.state.kindergartens[kg]?.referred == 2)
    }

    @Test func bulletinsClosingTogetherFollowRankedPreferences() throws {
        var h = H()
        let a = h.registerKindergarten("kg-a")
        let b = h.registerKindergarten("kg-b")
        let wantsB = h.submit(H.child(serial: 1), kindergartens: [b, a])
        let wantsA = h.submit(H.child(serial: 2), kindergartens: [a])
        let anyone = h.submit(H.child(serial: 3))
        let inA = h.publish(a, seats: 1)
        let inB = h.publish(b, seats: 1)
        for application in [wantsB, wantsA, anyone] {
            h.apply(application, to: inA)
            h.apply(application, to: inB)
        }
        let events = h.tick(afterHours: 30)
        let closed = events.compactMap { event -> Event.BulletinClosed? in
            if case .bulletinClosed(let closed) = event { return closed }
            return nil
        }
        #expect(closed.map(\.admitted) == [[wantsA], [wantsB]])
        #expect(closed[0].passedOver == [PassedOver(application: wantsB, reason: .admittedElsewhere)])
        #expect(h.state.applications[anyone]?.status == .queued)
    }

    @Test func ineligibleApplicantsArePassedOver() {
        var h = H()
        let kg = h.registerKindergarten("kg-1")
        let lapsing = h.submit(H.child(serial: 1))
        let eligible = h.submit(H.child(serial: 2))
        let bulletin = h.publish(kg, seats: 2, hours: 24 * 380)
        h.apply(lapsing, to: bulletin)
        h.apply(eligible, to: bulletin)
        h.ok(.confirmInterest(eligible), after: 200 * 86_400)
        #expect(h.tick(afterHours: 24 * 170).map(\.type) == [.interestLapsed])
        let events = h.tick(afterHours: 24 * 11)
        guard case .bulletinClosed(let closed)? = events.first(where: { $0.type == .bulletinClosed }) else {
            Issue.record("no bulletinClosed in \(events)")
            return
        }
        #expect(closed.admitted == [eligible])
        #expect(closed.passedOver == [PassedOver(application: lapsing, reason: .interestLapsed)])
        #expect(closed.unfilledSeats == 1)
        #expect(h.state.kindergartens[kg]?.offered == 0)
        #expect(h.state.kindergartens[kg]?.freeSeats == 49)
    }
}
