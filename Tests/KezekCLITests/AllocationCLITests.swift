import Foundation
import Kezek
import KezekTestSupport
import Testing

@Suite("kezek allocate, show --bulletin, explain, audit explain, audit rounds")
struct AllocationCLITests {
    /// After the cycle: a second bulletin for the 2021 cohort that applications 2 and 3 apply to, and an
    /// extension of referral 1 by 10 days.
    static let round = """
        {"type":"publishBulletin","at":"2026-06-21T09:00:00+05:00","kindergarten":"kg-1","birthYear":2021,"language":"kk","groupType":"general","seats":1,"opensAt":"2026-06-21T09:00:00+05:00","closesAt":"2026-06-22T09:00:00+05:00"}
        {"type":"applyToBulletin","at":"2026-06-21T10:00:00+05:00","application":2,"bulletin":2}
        {"type":"applyToBulletin","at":"2026-06-21T10:05:00+05:00","application":3,"bulletin":2}
        {"type":"extendReferral","at":"2026-06-21T11:00:00+05:00","referral":1,"days":10}
        """

    /// The timers that follow: bulletin 2 closes (application 3 wins, 2 is not reached), referral 1 is
    /// registered and admitted, referral 2 expires and application 3 is restored, bulletin 3 gives
    /// application 2 referral 3, which it refuses.
    static let timers = """
        {"type":"tick","at":"2026-06-22T09:00:00+05:00"}
        {"type":"registerEnrollment","at":"2026-06-23T10:00:00+05:00","referral":1}
        {"type":"confirmAdmission","at":"2026-06-24T10:00:00+05:00","referral":1}
        {"type":"tick","at":"2026-06-25T00:00:00+05:00"}
        {"type":"confirmInterest","at":"2026-06-26T09:00:00+05:00","application":3}
        {"type":"publishBulletin","at":"2026-06-27T09:00:00+05:00","kindergarten":"kg-1","birthYear":2021,"language":"kk","groupType":"general","seats":1,"opensAt":"2026-06-27T09:00:00+05:00","closesAt":"2026-06-28T09:00:00+05:00"}
        {"type":"applyToBulletin","at":"2026-06-27T10:00:00+05:00","application":2,"bulletin":3}
        {"type":"tick","at":"2026-06-28T09:00:00+05:00"}
        {"type":"refuseReferral","at":"2026-06-28T10:00:00+05:00","referral":3}
        """

    /// A data directory with the cycle and the round applied (every line of the round accepted).
    static func beforeTheRound() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let data = directory.appending("data")
        _ = try kezek(["apply", "--data", data], input: Fixtures.cycle)
        let lines = try kezek(["apply", "--data", data], input: round).lines
        #expect(lines.allSatisfy { $0["ok"] == .bool(true) }, "\(lines)")
        #expect(lines[3]["registerBy"] == "2026-07-07T00:00:00+05:00")
        return (directory, data)
    }

    @Test("allocate --dry-run shows the round a tick would decide and writes nothing")
    func dryRunWritesNothing() throws {
        let (directory, data) = try Self.beforeTheRound()
        let head = try kezek(["audit", "verify", "--data", data]).json
        let digest = try kezek(["replay", "--data", data]).json["digest"]
        let run = try kezek(["allocate", "--data", data, "--dry-run", "--at", "2026-06-22T09:00:00+05:00"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try run.json
        #expect(json["dryRun"] == .bool(true))
        #expect(json["at"] == "2026-06-22T09:00:00+05:00")
        #expect(json["events"]?.int == 2)
        let closed = json["bulletinsClosed"]?[0]
        #expect(closed?["bulletin"]?.int == 2)
        #expect(closed?["admitted"]?[0]?["application"]?.int == 3)
        #expect(closed?["admitted"]?[0]?["queueNumber"]?.int == 1)
        #expect(closed?["cutOff"]?["application"]?.int == 3)
        #expect(json["referralsIssued"]?[0]?["referral"]?.int == 2)
        #expect(json["referralsExpired"]?.array?.isEmpty == true, "referral 1 was extended")
        #expect(try kezek(["audit", "verify", "--data", data]).json == head)
        #expect(try kezek(["replay", "--data", data]).json["digest"] == digest)

        let now = try kezek(["allocate", "--data", data, "--dry-run"])
        #expect(now.status == 0, "\(now.stderr)")
        #expect(try now.json["dryRun"] == .bool(true))
        #expect(try kezek(["audit", "verify", "--data", data]).json == head)

        let applied = try kezek(["apply", "--data", data], input: #"{"type":"tick","at":"2026-06-22T09:00:00+05:00"}"#)
        #expect(try applied.lines.first?["bulletinsClosed"]?[0]?["admitted"]?[0]?["referral"] == 2)

        let backwards = try kezek(["allocate", "--data", data, "--dry-run", "--at", "2026-06-01T00:00:00+05:00"])
        #expect(backwards.status == 1)
        #expect(try backwards.json["error"]?["code"] == "timeWentBackwards")
        withExtendedLifetime(directory) {}
    }

    @Test("allocate without --dry-run, or with a bad --at, is bad usage (exit 2)")
    func allocateUsage() throws {
        let directory = try TemporaryDirectory()
        let data = directory.appending("data")
        let refused = try kezek(["allocate", "--data", data])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("apply"))
        #expect(refused.stdout.isEmpty)
        #expect(try kezek(["allocate", "--data", data, "--dry-run", "--at", "tomorrow"]).status == 2)
        let help = try kezek(["allocate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--dry-run"))
        #expect(try kezek(["show", "--help"]).stdout.contains("--bulletin"))
        #expect(try kezek(["explain", "--help"]).stdout.contains("--application"))
        #expect(try kezek(["audit", "explain", "--help"]).stdout.contains("--application"))
        #expect(try kezek(["audit", "rounds", "--help"]).status == 0)
    }

    @Test("every referral timer end to end: confirm, extend, register, admit, expire, restore, refuse")
    func timersEndToEnd() throws {
        let (directory, data) = try Self.beforeTheRound()
        let lines = try kezek(["apply", "--data", data], input: Self.timers).lines
        try #require(lines.count == 9)
        #expect(lines.allSatisfy { $0["ok"] == .bool(true) }, "\(lines)")
        let closed = lines[0]["bulletinsClosed"]?[0]
        #expect(closed?["admitted"]?[0]?["application"]?.int == 3)
        #expect(closed?["cutOff"]?["queueNumber"]?.int == 1)
        #expect(lines[1]["status"] == "registered")
        #expect(lines[2]["enrolled"] == .bool(true))
        let expired = lines[3]["referralsExpired"]?[0]
        #expect(expired?["referral"]?.int == 2)
        #expect(expired?["deadline"] == "confirmation")
        #expect(expired?["restorableUntil"] == "2026-07-24T00:00:00+05:00")
        #expect(lines[4]["restored"] == .bool(true))
        #expect(lines[7]["bulletinsClosed"]?[0]?["admitted"]?[0]?["referral"]?.int == 3)
        #expect(lines[8]["applicationStatus"] == "annulled")

        let enrolled = try kezek(["show", "--data", data, "--application", "1"]).json
        #expect(enrolled["status"] == "enrolled")
        #expect(enrolled["referrals"]?[0]?["status"] == "admitted")
        #expect(try kezek(["queue", "--data", data, "--application", "3"]).json["queueNumber"]?.int == 1)
        #expect(try kezek(["queue", "--data", data, "--application", "2"]).json["status"] == "annulled")

        let rounds = try kezek(["audit", "rounds", "--data", data])
        #expect(rounds.status == 0, "\(rounds.stderr)")
        #expect(try rounds.json["ok"] == .bool(true))
        #expect(try rounds.json["rounds"]?.int == 4)
        withExtendedLifetime(directory) {}
    }

    @Test("a rejected claim end to end: confirmation blocked, referral cancelled, general tier, stop list")
    func rejectedClaimEndToEnd() throws {
        let directory = try TemporaryDirectory()
        let data = directory.appending("data")
        _ = try kezek(["apply", "--data", data], input: Fixtures.cycle)
        let input = """
            {"type":"addChild","at":"2026-07-01T09:00:00+05:00","applicant":"850612304561","child":"240229600073","gender":"female"}
            {"type":"submitApplication","at":"2026-07-01T09:10:00+05:00","applicant":"850612304561","child":"240229600073","locality":"751110000","language":"kk","groupType":"general","priority":{"category":"teacher","documents":[{"name":"certificate","issuedOn":"2026-06-25"}]},"consent":true}
            {"type":"publishBulletin","at":"2026-07-01T09:20:00+05:00","kindergarten":"kg-1","birthYear":2024,"language":"kk","groupType":"general","seats":1,"opensAt":"2026-07-01T09:20:00+05:00","closesAt":"2026-07-02T09:00:00+05:00"}
            {"type":"applyToBulletin","at":"2026-07-01T09:30:00+05:00","application":4,"bulletin":2}
            {"type":"tick","at":"2026-07-02T09:00:00+05:00"}
            {"type":"confirmReferral","at":"2026-07-02T10:00:00+05:00","referral":2}
            {"type":"verifyPriority","at":"2026-07-02T11:00:00+05:00","application":4,"verdict":"rejected","reason":"no such certificate"}
            """
        let lines = try kezek(["apply", "--data", data], input: input).lines
        try #require(lines.count == 7)
        #expect(lines[1]["tier"] == "firstPriority")
        #expect(lines[4]["bulletinsClosed"]?[0]?["admitted"]?[0]?["referral"]?.int == 2)
        #expect(lines[5]["error"]?["code"] == "priorityNotVerified")
        #expect(lines[6]["referralCancelled"]?.int == 2)
        #expect(lines[6]["tier"] == "general")
        #expect(lines[6]["queueNumber"]?.int == 1)
        #expect(lines[6]["stopListedUntil"] == "2026-07-13T00:00:00+05:00")

        let explained = try kezek(["explain", "--data", data, "--application", "4"]).json
        #expect(explained["bulletins"]?[0]?["outcome"] == "admitted")
        #expect(explained["bulletins"]?[0]?["referralStatus"] == "cancelled")
        let trail = try kezek(["audit", "explain", "--data", data, "--application", "4"]).json["events"]?.array ?? []
        #expect(
            trail.compactMap { $0["type"]?.string } == [
                "applicationSubmitted", "bulletinApplied", "bulletinClosed", "referralIssued", "referralCancelled",
                "priorityRejected", "stopListed",
            ])
        #expect(trail.map { $0["queueNumber"]?.int } == [1, 1, 1, nil, 1, 1, 1])
        #expect(trail[5]["reason"]?.string?.contains("no such certificate") == true)
        withExtendedLifetime(directory) {}
    }

    @Test("show --bulletin lists applicants in queue order, the cut-off and the referrals")
    func showBulletin() throws {
        let (directory, data) = try Self.beforeTheRound()
        let open = try kezek(["show", "--data", data, "--bulletin", "2"])
        #expect(open.status == 0, "\(open.stderr)")
        let before = try open.json
        #expect(before["status"] == "open")
        #expect(before["applicants"]?.array?.compactMap { $0["application"]?.int } == [3, 2])
        #expect(before["applicants"]?[0]?["queueNumber"]?.int == 1)
        #expect(before["applicants"]?[1]?["eligible"] == .bool(true))
        #expect(before["cutOff"] == nil)

        _ = try kezek(["apply", "--data", data], input: Self.timers)
        let after = try kezek(["show", "--data", data, "--bulletin", "2"]).json
        #expect(after["status"] == "closed")
        #expect(after["seats"]?.int == 1)
        #expect(after["key"]?["birthYear"]?.int == 2021)
        #expect(after["admitted"]?[0]?["application"]?.int == 3)
        #expect(after["admitted"]?[0]?["referral"]?.int == 2)
        #expect(after["admitted"]?[0]?["referralStatus"] == "expired")
        #expect(after["cutOff"]?["application"]?.int == 3)
        #expect(after["unfilledSeats"]?.int == 0)
        #expect(after["applicants"]?[1]?["outcome"] == "notReached")
        #expect(after["referrals"]?[0]?["status"] == "expired")

        let unknown = try kezek(["show", "--data", data, "--bulletin", "9"])
        #expect(unknown.status == 1)
        #expect(try unknown.json["error"]?["code"] == "unknownBulletin")
        #expect(try kezek(["show", "--data", data]).status == 2)
        #expect(try kezek(["show", "--data", data, "--application", "1", "--bulletin", "1"]).status == 2)
        withExtendedLifetime(directory) {}
    }

    @Test("explain says why each seat was or was not won, from the recorded closes")
    func explain() throws {
        let (directory, data) = try Self.beforeTheRound()
        let pending = try kezek(["explain", "--data", data, "--application", "2"]).json
        #expect(pending["bulletins"]?[0]?["outcome"] == "pending")
        _ = try kezek(["apply", "--data", data], input: Self.timers)

        let run = try kezek(["explain", "--data", data, "--application", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try run.json
        let missed = json["bulletins"]?[0]
        #expect(missed?["bulletin"]?.int == 2)
        #expect(missed?["outcome"] == "notReached")
        #expect(missed?["cutOff"]?["application"]?.int == 3)
        #expect(missed?["cutOff"]?["tier"] == "firstPriority")
        #expect(missed?["position"]?["tier"] == "general")
        #expect(missed?["explanation"]?.string?.contains("before its turn") == true)
        let won = json["bulletins"]?[1]
        #expect(won?["outcome"] == "admitted")
        #expect(won?["referral"]?.int == 3)
        #expect(won?["referralStatus"] == "refused")

        let unknown = try kezek(["explain", "--data", data, "--application", "99"])
        #expect(unknown.status == 1)
        #expect(try unknown.json["error"]?["code"] == "unknownApplication")
        withExtendedLifetime(directory) {}
    }

    @Test("audit explain gives every event with the queue number after it and the reason")
    func auditExplain() throws {
        let (directory, data) = try Self.beforeTheRound()
        _ = try kezek(["apply", "--data", data], input: Self.timers)
        let run = try kezek(["audit", "explain", "--data", data, "--application", "3"])
        #expect(run.status == 0, "\(run.stderr)")
        let events = try run.json["events"]?.array ?? []
        #expect(
            events.compactMap { $0["type"]?.string } == [
                "applicationSubmitted", "priorityVerified", "bulletinApplied", "bulletinClosed", "referralIssued",
                "referralExpired", "applicationRestored",
            ])
        #expect(events.map { $0["queueNumber"]?.int } == [1, 1, 1, 1, nil, 1, 1])
        #expect(events[3]["fields"]?["outcome"] == "admitted")
        #expect(events[5]["fields"]?["deadline"] == "confirmation")
        #expect(events[5]["reason"]?.string?.contains("confirmation deadline") == true)
        #expect(events[1]["reason"]?.string?.contains(Fixtures.auditMarker) == true)
        #expect(events.allSatisfy { $0["position"]?.int != nil && $0["time"]?.string != nil })

        let unknown = try kezek(["audit", "explain", "--data", data, "--application", "99"])
        #expect(unknown.status == 1)
        #expect(try unknown.json["error"]?["code"] == "unknownApplication")
        withExtendedLifetime(directory) {}
    }
}
