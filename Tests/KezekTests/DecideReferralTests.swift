import Testing

@testable import Kezek

@Suite struct DecideReferralTests {
    typealias H = DecideHarness

    /// A harness where application 1 (optionally with a claim) holds referral 1 of kindergarten `kg-1`.
    static func referred(priority: PriorityCategory? = nil) -> (DecideHarness, ApplicationNumber, ReferralNumber) {
        var h = H()
        let kg = h.registerKindergarten("kg-1")
        let application = h.submit(H.child(), priority: priority.map { h.claim($0) })
        let bulletin = h.publish(kg)
        h.apply(application, to: bulletin)
        h.tick(afterHours: 25)
        return (h, application, h.referral(of: application) ?? 0)
    }

    @Test func confirmRegisterAdmitEnrolsTheChild() throws {
        var (h, application, referral) = Self.referred()
        #expect(h.state.queueNumber(of: application) == nil)
        let confirmed = h.ok(.confirmReferral(referral))
        guard case .referralConfirmed(let event)? = confirmed.first else { return }
        #expect(event.registerBy == Policy.v2024.registrationDeadline(confirmedAt: h.now, calendar: .kazakhstan))
        h.reject(.confirmReferral(referral), "referralNotPending")
        h.ok(.extendReferral(Command.ExtendReferral(referral: referral, days: 10)))
        #expect(h.state.referrals[referral]?.registerBy == event.registerBy.adding(days: 10))
        let used = h.reject(.extendReferral(Command.ExtendReferral(referral: referral, days: 5)), "extensionUsed")
        #expect(used?.message.contains("\(referral)") == true)
        h.ok(.registerEnrollment(referral))
        h.reject(.registerEnrollment(referral), "referralNotPending")
        let admitted = h.ok(.confirmAdmission(referral))
        #expect(admitted.map(\.type) == [.admissionConfirmed])
        let child = H.child()
        #expect(h.state.children[child]?.enrolment == Enrolment(application: application, kindergarten: H.id("kg-1")))
        #expect(h.state.applications[application]?.status == .enrolled)
        #expect(h.state.kindergartens[H.id("kg-1")]?.enrolled == 1)
        #expect(h.state.kindergartens[H.id("kg-1")]?.referred == 0)
        let withdraw = h.reject(.withdrawApplication(application), "childEnrolled")
        #expect(withdraw?.message.contains(child.rawValue) == true)
        h.reject(H.submission(child), "childEnrolled")
        h.reject(.confirmAdmission(referral), "referralNotPending")
        h.reject(.confirmAdmission(77), "unknownReferral")
    }

    @Test func aReferralCannotBeConfirmedBeforeTheClaimIsVerified() {
        var (h, application, referral) = Self.referred(priority: .largeFamily)
        let rejection = h.reject(.confirmReferral(referral), "priorityNotVerified")
        #expect(rejection?.message.contains("\(application)") == true)
        h.ok(.verifyPriority(Command.VerifyPriority(application: application, verdict: .confirmed)))
        h.ok(.confirmReferral(referral))
    }

    @Test func aRejectedClaimCancelsTheReferral() {
        var (h, application, referral) = Self.referred(priority: .largeFamily)
        let events = h.ok(.verifyPriority(Command.VerifyPriority(application: application, verdict: .rejected)))
        #expect(events.map(\.type) == [.referralCancelled, .priorityRejected, .stopListed])
        #expect(h.state.referrals[referral]?.status == .cancelled)
        #expect(h.state.applications[application]?.status == .queued)
        #expect(h.state.applications[application]?.tier == .general)
        #expect(h.state.queueNumber(of: application) == 1)
        #expect(h.state.kindergartens[H.id("kg-1")]?.referred == 0)
    }

    @Test func refusingAnnulsTheApplication() {
        var (h, application, referral) = Self.referred()
        let events = h.ok(.refuseReferral(referral))
        #expect(events.map(\.type) == [.referralRefused, .applicationAnnulled])
        #expect(h.state.applications[application]?.status == .annulled)
        #expect(h.state.kindergartens[H.id("kg-1")]?.freeSeats == 50)
        h.reject(.refuseReferral(referral), "referralNotPending")
    }

    @Test func withdrawingCancelsTheReferral() {
        var (h, application, referral) = Self.referred()
        #expect(h.ok(.withdrawApplication(application)).map(\.type) == [.referralCancelled, .applicationWithdrawn])
        #expect(h.state.referrals[referral]?.status == .cancelled)
        #expect(h.state.applications[application]?.status == .withdrawn)
        h.reject(.withdrawApplication(application), "applicationNotActive")
    }

    @Test func anUnconfirmedReferralExpiresAndTheApplicationComesBackInactive() throws {
        var (h, application, referral) = Self.referred()
        let dueAt = try #require(h.state.referrals[referral]?.confirmBy)
        h.now = dueAt.adding(seconds: -1)
        h.reject(.registerEnrollment(referral), "referralNotPending", after: 0)
        #expect(h.ok(.tick, after: 0).isEmpty)
        let events = h.ok(.tick, after: 1)
        #expect(
            events == [
                .referralExpired(
                    Event.ReferralExpired(
                        referral: referral, application: application, deadline: .confirmation, dueAt: dueAt,
                        policy: Policy.v2024.version,
                        restorableUntil: Policy.v2024.restorationDeadline(lapsedAt: dueAt)))
            ])
        #expect(h.state.applications[application]?.status == .inactive)
        #expect(h.state.queueNumber(of: application) == 1)
        #expect(h.state.kindergartens[H.id("kg-1")]?.referred == 0)
        let bulletin = h.publish(H.id("kg-1"))
        h.reject(.applyToBulletin(Command.ApplyToBulletin(application: application, bulletin: bulletin)), "notEligible")
        #expect(h.ok(.confirmInterest(application)).map(\.type) == [.applicationRestored])
        h.apply(application, to: bulletin)
    }

    @Test func anUnregisteredReferralExpires() throws {
        var (h, _, referral) = Self.referred()
        h.ok(.confirmReferral(referral))
        let dueAt = try #require(h.state.referrals[referral]?.registerBy)
        h.now = dueAt
        h.reject(.extendReferral(Command.ExtendReferral(referral: referral, days: 3)), "referralNotPending", after: 0)
        guard case .referralExpired(let expired)? = h.ok(.tick, after: 0).first else {
            Issue.record("no expiry")
            return
        }
        #expect(expired.deadline == .registration)
    }

    @Test func theYearlyRefreshRemovesAgedOutCohorts() {
        var h = H()
        let old = h.submit(H.child(year: 2021, serial: 1))
        let young = h.submit(H.child(year: 2023, serial: 2))
        h.now = try! Timestamp(almatyDate: CivilDate(unchecked: 2027, 6, 1))
        let events = h.ok(.refreshQueue(year: 2027), after: 0)
        #expect(events.map(\.type) == [.applicationAnnulled, .queueRefreshed])
        guard case .queueRefreshed(let refreshed)? = events.last else { return }
        #expect(refreshed.agedOut == [old])
        #expect(h.state.applications[old]?.status == .annulled)
        #expect(h.state.applications[young]?.status != .annulled)
        #expect(h.state.lastRefreshYear == 2027)
        h.reject(.refreshQueue(year: 2028), "invalidYear")
    }
}
