import Testing

@testable import Kezek

/// Every path of a referral's life and its timers (DOMAIN.md §2): confirm or refuse within 2 days,
/// register within 5 working days, one extension of up to 30 days, admission, expiry (restorable once
/// within 28 days), and a rejected priority claim. Each timer that fires is an event written by `tick`.
@Suite("Referral timers")
struct ReferralTimerTests {
    typealias H = DecideHarness

    /// A harness where application 1 holds referral 1 of `kg-1` (capacity `capacity`), issued by a tick
    /// the day after `start`.
    static func referred(
        at start: Timestamp? = nil, capacity: Int = 50, priority: PriorityCategory? = nil
    ) -> (DecideHarness, ApplicationNumber, ReferralNumber) {
        var h = H()
        if let start { h.now = start }
        let kg = h.registerKindergarten("kg-1", capacity: capacity)
        let application = h.submit(H.child(), priority: priority.map { h.claim($0) })
        let bulletin = h.publish(kg)
        h.apply(application, to: bulletin)
        h.tick(afterHours: 25)
        return (h, application, h.referral(of: application) ?? 0)
    }

    static func almaty(_ year: Int, _ month: Int, _ day: Int, hour: Int64 = 0) -> Timestamp {
        Timestamp.startOfAlmatyDay(CivilDate(unchecked: year, month, day)).adding(seconds: hour * 3600)
    }

    // MARK: Confirm

    @Test("confirm: possible until the end of the second day after the issue day, not at the deadline")
    func confirmWithinTwoDays() throws {
        var (h, _, referral) = Self.referred()
        let issued = try #require(h.state.referrals[referral])
        #expect(issued.confirmBy == .startOfAlmatyDay(issued.issuedAt.almatyDate.adding(days: 3)))

        var late = h
        late.now = issued.confirmBy.adding(seconds: -60)
        late.reject(.confirmReferral(referral), "referralNotPending", after: 60)

        h.now = issued.confirmBy.adding(seconds: -61)
        #expect(h.ok(.confirmReferral(referral)).map(\.type) == [.referralConfirmed])
        #expect(h.state.referrals[referral]?.status == .confirmed)
        #expect(h.ok(.tick, after: 3600).isEmpty, "a confirmed referral does not expire at confirmBy")
    }

    @Test("confirm: an unverified priority claim blocks it, and the referral expires at confirmBy")
    func unverifiedClaimBlocksConfirmation() throws {
        var (h, application, referral) = Self.referred(priority: .orphan)
        h.reject(.confirmReferral(referral), "priorityNotVerified")
        let dueAt = try #require(h.state.referrals[referral]?.confirmBy)
        h.now = dueAt
        let events = h.ok(.tick, after: 0)
        #expect(events.map(\.type) == [.referralExpired])
        #expect(h.state.referrals[referral]?.status == .expired)
        #expect(h.state.applications[application]?.status == .inactive)
        #expect(h.state.applications[application]?.claimStatus == .pending)
    }

    // MARK: Refuse

    @Test("refuse: from issued or confirmed, the application is annulled and the seat is free again")
    func refuseAnnulsAndFreesTheSeat() throws {
        for confirmFirst in [false, true] {
            var (h, application, referral) = Self.referred(capacity: 1)
            h.reject(
                .publishBulletin(
                    Command.PublishBulletin(
                        kindergarten: H.id("kg-1"), birthYear: 2023, language: .kazakh, groupType: .general, seats: 1,
                        opensAt: h.now, closesAt: h.now.adding(days: 1))), "notEnoughFreeSeats")
            if confirmFirst { h.ok(.confirmReferral(referral)) }
            let events = h.ok(.refuseReferral(referral))
            #expect(events.map(\.type) == [.referralRefused, .applicationAnnulled])
            guard case .applicationAnnulled(let annulled)? = events.last else { continue }
            #expect(annulled.reason == .referralRefused)
            #expect(h.state.referrals[referral]?.status == .refused)
            #expect(h.state.applications[application]?.status == .annulled)
            #expect(h.state.queueNumber(of: application) == nil)
            #expect(h.state.kindergartens[H.id("kg-1")]?.freeSeats == 1)
            _ = h.publish(H.id("kg-1"))
            h.reject(.confirmInterest(application), "applicationNotActive")
        }
    }

    // MARK: Expire

    @Test("expire: an unconfirmed referral expires at confirmBy; the seat returns to the next round")
    func unconfirmedReferralExpires() throws {
        var (h, application, referral) = Self.referred(capacity: 1)
        let dueAt = try #require(h.state.referrals[referral]?.confirmBy)
        h.now = dueAt.adding(seconds: -1)
        #expect(h.ok(.tick, after: 0).isEmpty)
        guard case .referralExpired(let expired)? = h.ok(.tick, after: 1).first else {
            Issue.record("no expiry")
            return
        }
        #expect(expired.deadline == .confirmation)
        #expect(expired.dueAt == dueAt)
        #expect(h.state.applications[application]?.status == .inactive)
        #expect(h.state.applications[application]?.inactivity == .referralExpired)
        #expect(h.state.queueNumber(of: application) == 1, "back at its original place")
        #expect(h.state.kindergartens[H.id("kg-1")]?.freeSeats == 1)
        _ = h.publish(H.id("kg-1"))
    }

    @Test("regression: an expired referral's application is restorable once, within 28 days")
    func expiredReferralIsRestorableOnceWithinTheWindow() throws {
        var (h, application, referral) = Self.referred()
        let dueAt = try #require(h.state.referrals[referral]?.confirmBy)
        h.now = dueAt
        guard case .referralExpired(let expired)? = h.ok(.tick, after: 0).first else {
            Issue.record("no expiry")
            return
        }
        let until = try #require(expired.restorableUntil)
        #expect(until == .startOfAlmatyDay(dueAt.almatyDate.adding(days: 29)))
        #expect(h.state.applications[application]?.restorableUntil == until)
        h.now = until.adding(seconds: -120)
        #expect(h.ok(.confirmInterest(application)).map(\.type) == [.applicationRestored])
        #expect(h.state.applications[application]?.status == .queued)
        #expect(h.state.applications[application]?.restorationsUsed == 1)

        // Its next referral expires too: no restoration is left, so it is annulled in the same tick.
        let bulletin = h.publish(H.id("kg-1"))
        h.apply(application, to: bulletin)
        h.tick(afterHours: 25)
        let second = try #require(h.referral(of: application))
        let secondDue = try #require(h.state.referrals[second]?.confirmBy)
        h.now = secondDue
        let events = h.ok(.tick, after: 0)
        #expect(events.map(\.type) == [.referralExpired, .applicationAnnulled])
        guard case .referralExpired(let again)? = events.first, case .applicationAnnulled(let annulled)? = events.last
        else { return }
        #expect(again.restorableUntil == secondDue)
        #expect(annulled.reason == .restorationExpired)
        #expect(h.state.applications[application]?.status == .annulled)
    }

    @Test("regression: an expired referral's application not restored within 28 days is annulled by tick")
    func expiredReferralNotRestoredInTimeIsAnnulled() throws {
        var (h, application, referral) = Self.referred()
        h.now = try #require(h.state.referrals[referral]?.confirmBy)
        guard case .referralExpired(let expired)? = h.ok(.tick, after: 0).first else {
            Issue.record("no expiry")
            return
        }
        let until = try #require(expired.restorableUntil)
        h.now = until.adding(seconds: -1)
        #expect(h.ok(.tick, after: 0).isEmpty)
        let refused = h.reject(.confirmInterest(application), "notEligible", after: 1)
        #expect(refused?.message.contains("restored") == true)
        let events = h.ok(.tick, after: 0)
        #expect(
            events == [
                .applicationAnnulled(
                    Event.ApplicationAnnulled(
                        application: application, reason: .restorationExpired, policy: Policy.v2024.version))
            ])
        #expect(h.state.applications[application]?.status == .annulled)
        #expect(h.state.queueNumber(of: application) == nil)
    }

    @Test("regression: a referralExpired event of version 1 (no window) still reads, restorable as decided then")
    func referralExpiredVersion1ReadsWithoutAWindow() throws {
        let event = Event.ReferralExpired(
            referral: 4, application: 9, deadline: .registration,
            dueAt: Timestamp(millisecondsSinceEpoch: 1_781_000_000_000),
            policy: Policy.v2024.version)
        var writer = BinaryWriter()
        Event.referralExpired(event).encode(into: &writer)
        #expect(writer.bytes.last == 0, "an absent optional is one zero byte at the end")
        let version1 = Array(writer.bytes.dropLast())
        let decoded = try BinaryReader.withReader(version1) {
            (reader: inout BinaryReader) throws(EventDecodingError) -> Event in
            try Event.decode(type: .referralExpired, version: 1, from: &reader)
        }
        #expect(decoded == .referralExpired(event))

        var (h, application, referral) = Self.referred()
        h.now = try #require(h.state.referrals[referral]?.confirmBy)
        h.state.evolve(
            .referralExpired(
                Event.ReferralExpired(
                    referral: referral, application: application, deadline: .confirmation, dueAt: h.now,
                    policy: Policy.v2024.version)), at: h.now)
        #expect(h.state.applications[application]?.restorableUntil == nil)
        h.now = h.now.adding(days: 90)
        #expect(h.ok(.tick, after: 0).isEmpty, "no window: nothing to annul")
        #expect(h.ok(.confirmInterest(application)).map(\.type) == [.applicationRestored])
        #expect(h.state.applications[application]?.restorationsUsed == 0)
    }

    // MARK: Extend

    @Test("extend: once, by 1 to 30 calendar days, only once confirmed; expiry moves to the new deadline")
    func extensionMovesTheRegistrationDeadlineOnce() throws {
        var (h, _, referral) = Self.referred()
        h.reject(.extendReferral(Command.ExtendReferral(referral: referral, days: 5)), "referralNotPending")
        h.ok(.confirmReferral(referral))
        let registerBy = try #require(h.state.referrals[referral]?.registerBy)
        h.reject(.extendReferral(Command.ExtendReferral(referral: referral, days: 31)), "invalidExtension")
        h.reject(.extendReferral(Command.ExtendReferral(referral: referral, days: 0)), "invalidExtension")
        let events = h.ok(.extendReferral(Command.ExtendReferral(referral: referral, days: 30)))
        let extended = registerBy.adding(days: 30)
        #expect(
            events == [
                .referralExtended(
                    Event.ReferralExtended(
                        referral: referral, days: 30, registerBy: extended, policy: Policy.v2024.version))
            ])
        h.reject(.extendReferral(Command.ExtendReferral(referral: referral, days: 1)), "extensionUsed")
        h.now = registerBy
        #expect(h.ok(.tick, after: 0).isEmpty, "the old deadline no longer applies")
        h.now = extended.adding(seconds: -1)
        #expect(h.ok(.tick, after: 0).isEmpty)
        guard case .referralExpired(let expired)? = h.ok(.tick, after: 1).first else {
            Issue.record("no expiry at the extended deadline")
            return
        }
        #expect(expired.deadline == .registration)
        #expect(expired.dueAt == extended)
    }

    // MARK: Register

    @Test("register: within 5 working days of confirming (weekends and holidays skipped), then no deadline")
    func registrationWithinFiveWorkingDays() throws {
        // Issued on Tuesday 30 June 2026, confirmed on Wednesday 1 July; 6 July is Capital Day.
        var (h, _, referral) = Self.referred(at: Self.almaty(2026, 6, 29, hour: 9))
        h.now = Self.almaty(2026, 7, 1, hour: 10)
        h.ok(.confirmReferral(referral), after: 0)
        let registerBy = try #require(h.state.referrals[referral]?.registerBy)
        #expect(registerBy == Self.almaty(2026, 7, 10), "2, 3, 7, 8 and 9 July are the five working days")
        h.now = registerBy.adding(seconds: -120)
        #expect(h.ok(.registerEnrollment(referral)).map(\.type) == [.enrollmentRegistered])
        #expect(h.state.referrals[referral]?.status == .registered)
        h.now = registerBy.adding(days: 60)
        #expect(
            !h.ok(.tick, after: 0).contains { $0.type == .referralExpired }, "a registered referral has no deadline")
        #expect(h.state.referrals[referral]?.status == .registered)
    }

    // MARK: Admit

    @Test("admit: only a registered referral; the child is enrolled and the application goes to the archive")
    func admissionEnrolsTheChild() throws {
        var (h, application, referral) = Self.referred()
        h.reject(.confirmAdmission(referral), "referralNotPending")
        h.ok(.confirmReferral(referral))
        h.reject(.confirmAdmission(referral), "referralNotPending")
        h.ok(.registerEnrollment(referral))
        #expect(h.ok(.confirmAdmission(referral)).map(\.type) == [.admissionConfirmed])
        #expect(h.state.referrals[referral]?.status == .admitted)
        #expect(h.state.applications[application]?.status == .enrolled)
        #expect(h.state.applications[application]?.status.isArchived == true)
        #expect(h.state.queueNumber(of: application) == nil)
        #expect(h.state.children[H.child()]?.activeApplication == nil)
        h.now = h.now.adding(days: 400)
        #expect(h.ok(.tick, after: 0).isEmpty, "nothing of an enrolled application falls due")
    }

    // MARK: Claim rejected

    @Test("claim rejected: referral cancelled, general tier at the original time, stop-listed for 10 days")
    func rejectedClaimCancelsTheReferralAndStopLists() throws {
        var h = H()
        let kg = h.registerKindergarten("kg-1")
        let early = h.submit(H.child(serial: 1))
        let claimed = h.submit(H.child(serial: 2), priority: h.claim(.largeFamily))
        let late = h.submit(H.child(serial: 3))
        #expect(h.state.queueNumber(of: claimed) == 1)
        let first = h.publish(kg, hours: 24)
        let second = h.publish(kg, hours: 72)
        h.apply(claimed, to: first)
        h.apply(claimed, to: second)
        h.tick(afterHours: 25)
        let referral = try #require(h.referral(of: claimed))

        let events = h.ok(.verifyPriority(Command.VerifyPriority(application: claimed, verdict: .rejected)))
        let rejectedAt = h.now
        #expect(events.map(\.type) == [.referralCancelled, .priorityRejected, .stopListed])
        guard case .stopListed(let stopList)? = events.last else { return }
        #expect(stopList.until == .startOfAlmatyDay(rejectedAt.almatyDate.adding(days: 11)))
        #expect(h.state.referrals[referral]?.status == .cancelled)
        #expect(h.state.applications[claimed]?.tier == .general)
        #expect(h.state.applications[claimed]?.status == .queued)
        let key = try #require(h.state.applications[claimed]?.key)
        #expect(h.state.queue(for: key).map(\.number) == [early, claimed, late], "general tier, original time")
        #expect(h.state.queueNumber(of: claimed) == 2)

        // A bulletin closing while it is stop-listed passes it over.
        let closed = h.tick(afterHours: 48)
        guard case .bulletinClosed(let close)? = closed.first else {
            Issue.record("the second bulletin did not close")
            return
        }
        #expect(close.bulletin == second)
        #expect(close.admitted.isEmpty)
        #expect(close.passedOver == [PassedOver(application: claimed, reason: .stopListed)])

        h.now = stopList.until.adding(seconds: -180)
        let during = h.publish(kg)
        h.reject(.applyToBulletin(Command.ApplyToBulletin(application: claimed, bulletin: during)), "stopListed")
        h.now = stopList.until.adding(seconds: -60)
        let after = h.publish(kg)
        h.apply(claimed, to: after)
        #expect(h.state.applications[claimed]?.bulletins.last == after)
    }
}
