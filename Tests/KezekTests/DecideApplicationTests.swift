import Testing

@testable import Kezek

@Suite struct DecideApplicationTests {
    typealias H = DecideHarness

    @Test func submitsAnApplicationIntoItsQueue() throws {
        var h = H()
        let kg = h.registerKindergarten("kg-1")
        let first = h.submit(H.child(serial: 1), kindergartens: [kg])
        let second = h.submit(H.child(serial: 2))
        #expect(first == 1)
        #expect(second == 2)
        let application = try #require(h.state.applications[first])
        #expect(
            application.key == QueueKey(locality: H.almaty, birthYear: 2023, language: .kazakh, groupType: .general))
        #expect(application.tier == .general)
        #expect(h.state.kindergartens(of: application) == [kg])
        #expect(h.state.queueNumber(of: first) == 1)
        #expect(h.state.queueNumber(of: second) == 2)
        #expect(h.state.children[H.child(serial: 1)]?.activeApplication == first)
    }

    @Test func aPriorityClaimCountsFromSubmission() {
        var h = H()
        let general = h.submit(H.child(serial: 1))
        let firstPriority = h.submit(H.child(serial: 2), priority: h.claim(.largeFamily))
        let outOfTurn = h.submit(H.child(serial: 3), priority: h.claim(.military))
        #expect(h.state.applications[firstPriority]?.claimStatus == .pending)
        #expect(
            h.state.queue(for: h.state.applications[general]!.key).map(\.number) == [outOfTurn, firstPriority, general])
    }

    @Test func oneActiveApplicationPerChild() {
        var h = H()
        let child = H.child()
        let number = h.submit(child)
        let rejection = h.reject(H.submission(child), "duplicateApplication")
        #expect(rejection?.message.contains(child.rawValue) == true)
        h.ok(.withdrawApplication(number))
        #expect(h.state.applications[number]?.status == .withdrawn)
        _ = h.submit(child)
    }

    @Test func submissionRulesNameTheBadValue() {
        var h = H()
        let child = H.child()
        h.registerApplicant()
        h.reject(H.submission(child), "unknownChild")
        h.addChild(child)
        let unknownKg = H.id("nowhere")
        let unknown = h.reject(H.submission(child, kindergartens: [unknownKg]), "unknownKindergarten")
        #expect(unknown?.message.contains("nowhere") == true)
        let astana = h.registerKindergarten("astana-1", locality: H.astana)
        h.reject(H.submission(child, kindergartens: [astana]), "kindergartenNotInLocality")
        let russianOnly = h.registerKindergarten("ru-1", languages: [.russian])
        h.reject(H.submission(child, kindergartens: [russianOnly]), "languageNotOffered")
        let special = h.registerKindergarten("special-1", groupTypes: [.special])
        h.reject(H.submission(child, kindergartens: [special]), "groupTypeNotOffered")
        let ids = (1...5).map { h.registerKindergarten("kg-\($0)") }
        let tooMany = h.reject(H.submission(child, kindergartens: ids), "tooManyKindergartens")
        #expect(tooMany?.message.contains("5") == true)
        h.reject(H.submission(child, kindergartens: [ids[0], ids[0]]), "kindergartenListedTwice")
        h.reject(H.submission(child, locality: KATOCode(rawValue: 999_999_999)!), "unknownLocality")
        h.reject(H.submission(child, priority: PriorityClaim(category: .orphan, documents: [])), "documentsRequired")
        let stale = h.reject(H.submission(child, priority: h.claim(.orphan, issuedDaysAgo: 40)), "documentExpired")
        #expect(stale?.message.contains("certificate") == true)
        h.reject(H.submission(child, applicant: IIN(rawValue: "061211600012")!), "unknownApplicant")
        _ = h.submit(child, kindergartens: Array(ids.prefix(4)))
    }

    @Test func aCategoryUnknownToThePolicyInForceIsRefused() {
        var h = H()
        var policy = Policy.v2024
        policy.tiers[.teacher] = nil
        policy.version = PolicyVersion(rawValue: "2026")
        policy.effectiveFrom = CivilDate(unchecked: 2026, 1, 1)
        h.context.policies = PolicyBook([.v2024, policy])
        h.registerApplicant()
        h.addChild(H.child())
        let rejection = h.reject(H.submission(H.child(), priority: h.claim(.teacher)), "unknownCategory")
        #expect(rejection?.message.contains("teacher") == true)
    }

    @Test func aChildTooOldForTheQueueIsRefusedAtSubmission() {
        var h = H()
        let child = H.child(year: 2021)
        h.registerApplicant()
        h.addChild(child)
        h.now = try! Timestamp(almatyDate: CivilDate(unchecked: 2027, 1, 2))
        h.reject(H.submission(child), "childTooOld")
    }

    @Test func verifyingAClaim() {
        var h = H()
        let number = h.submit(H.child(), priority: h.claim(.orphan))
        h.ok(.verifyPriority(Command.VerifyPriority(application: number, verdict: .confirmed, reason: "checked")))
        #expect(h.state.applications[number]?.claimStatus == .verified)
        #expect(h.state.applications[number]?.tier == .firstPriority)
        h.reject(
            .verifyPriority(Command.VerifyPriority(application: number, verdict: .rejected)), "noPendingPriorityClaim")
        h.reject(.verifyPriority(Command.VerifyPriority(application: 99, verdict: .rejected)), "unknownApplication")
    }

    @Test func aRejectedClaimGoesBackToGeneralAtItsOriginalTimeWithAStopList() throws {
        var h = H()
        let early = h.submit(H.child(serial: 1))
        let claimed = h.submit(H.child(serial: 2), priority: h.claim(.military))
        let late = h.submit(H.child(serial: 3))
        let key = h.state.applications[early]!.key
        #expect(h.state.queue(for: key).map(\.number) == [claimed, early, late])
        let events = h.ok(
            .verifyPriority(Command.VerifyPriority(application: claimed, verdict: .rejected, reason: "forged")))
        #expect(events.map(\.type) == [.priorityRejected, .stopListed])
        let application = try #require(h.state.applications[claimed])
        #expect(application.tier == .general)
        #expect(application.originalTier == .outOfTurn)
        #expect(h.state.queue(for: key).map(\.number) == [early, claimed, late])
        guard case .stopListed(let stop) = events[1] else { return }
        #expect(stop.until == Policy.v2024.stopListEnd(startedAt: h.now))
        #expect(stop.policy == Policy.v2024.version)
    }

    @Test func interestIsConfirmedLapsesAndIsRestoredOnce() throws {
        var h = H()
        let number = h.submit(H.child())
        h.ok(.confirmInterest(number))
        let due = try #require(h.state.applications[number]?.interestValidUntil)
        #expect(due == Policy.v2024.interestDeadline(confirmedAt: h.now))
        h.now = due.adding(seconds: -60)
        #expect(h.ok(.tick, after: 0).isEmpty)
        let lapse = h.ok(.tick, after: 60)
        #expect(lapse.map(\.type) == [.interestLapsed])
        #expect(h.state.applications[number]?.status == .inactive)
        #expect(h.state.queueNumber(of: number) == 1)
        h.ok(.confirmInterest(number))
        #expect(h.state.applications[number]?.status == .queued)
        #expect(h.state.applications[number]?.restorationsUsed == 1)
        // The second lapse cannot be restored: the application is annulled at once.
        h.now = h.state.applications[number]!.interestValidUntil!
        let second = h.ok(.tick, after: 0)
        #expect(second.map(\.type) == [.interestLapsed, .applicationAnnulled])
        #expect(h.state.applications[number]?.status == .annulled)
        h.reject(.confirmInterest(number), "applicationNotActive")
    }

    @Test func aLapsedApplicationNotRestoredInTimeIsAnnulled() throws {
        var h = H()
        let number = h.submit(H.child())
        h.now = Policy.v2024.interestDeadline(confirmedAt: h.now)
        h.ok(.tick, after: 0)
        let until = try #require(h.state.applications[number]?.restorableUntil)
        h.now = until
        let events = h.ok(.tick, after: 0)
        #expect(events.map(\.type) == [.applicationAnnulled])
        #expect(h.state.children[H.child()]?.activeApplication == nil)
    }
}
