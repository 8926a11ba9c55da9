import Foundation
import Kezek
import KezekTestSupport
import Testing

@Suite("kezek command-line tool")
struct KezekCLITests {
    /// A data directory with the cycle fixture applied; the directory lives as long as the value.
    struct Cycle {
        let directory: TemporaryDirectory
        let run: KezekRun

        var data: String { directory.appending("data") }
    }

    static func appliedCycle() throws -> Cycle {
        let directory = try TemporaryDirectory()
        let run = try kezek(["apply", "--data", directory.appending("data")], input: Fixtures.cycle)
        return Cycle(directory: directory, run: run)
    }

    @Test("apply answers one line per input line, in order")
    func applyResults() throws {
        let run = try Self.appliedCycle().run
        #expect(run.status == 0)
        let lines = try run.lines
        try #require(lines.count == 15)
        let ok = lines.map { $0["ok"] }
        #expect(ok.filter { $0 == .bool(false) }.count == 2)
        #expect(lines[0]["kindergarten"] == "kg-1")
        #expect(lines[1]["applicant"] == "850612304561")
        #expect(lines[2]["child"] == "230704601230")
        #expect(lines[5]["application"]?.int == 1)
        #expect(lines[5]["queueNumber"]?.int == 1)
        #expect(lines[6]["error"]?["code"] == "malformedCommand")
        #expect(lines[7]["application"]?.int == 2)
        #expect(lines[7]["queueNumber"]?.int == 1)
        #expect(lines[8]["application"]?.int == 3)
        #expect(lines[8]["queueNumber"]?.int == 1, "first priority goes ahead of the general tier")
        #expect(lines[8]["tier"] == "firstPriority")
        #expect(lines[10]["bulletin"]?.int == 1)
        let closed = lines[12]["bulletinsClosed"]?[0]
        #expect(closed?["bulletin"]?.int == 1)
        #expect(closed?["admitted"]?[0]?["application"]?.int == 1)
        #expect(closed?["admitted"]?[0]?["referral"]?.int == 1)
        #expect(closed?["cutOff"]?["queueNumber"]?.int == 1)
        #expect(lines[13]["referral"]?.int == 1)
        #expect(lines[14]["error"]?["code"] == "unknownCommand")
        #expect(run.stderr.contains("open development registry"))
    }

    @Test("a time before the log's last time is refused and writes nothing")
    func timeWentBackwards() throws {
        let cycle = try Self.appliedCycle()
        let before = try kezek(["audit", "verify", "--data", cycle.data]).json
        let run = try kezek(
            ["apply", "--data", cycle.data, "-"], input: #"{"type":"tick","at":"2026-06-01T00:00:00+05:00"}"# + "\n")
        #expect(run.status == 0)
        #expect(try run.lines.first?["error"]?["code"] == "timeWentBackwards")
        #expect(try kezek(["audit", "verify", "--data", cycle.data]).json["position"] == before["position"])
    }

    @Test("queue answers an application's number and a key's ordered queue")
    func queue() throws {
        let cycle = try Self.appliedCycle()
        let second = try kezek(["queue", "--data", cycle.data, "--application", "2"])
        #expect(second.status == 0, "\(second.stderr)")
        let standing = try second.json
        #expect(standing["application"]?.int == 2)
        #expect(standing["queueNumber"]?.int == 2)
        #expect(standing["tier"] == "general")
        #expect(standing["status"] == "queued")
        #expect(standing["key"]?["locality"] == "751110000")
        #expect(standing["key"]?["birthYear"]?.int == 2021)
        #expect(standing["key"]?["language"] == "kk")
        #expect(standing["key"]?["groupType"] == "general")

        let referred = try kezek(["queue", "--data", cycle.data, "--application", "1"]).json
        #expect(referred["queueNumber"] == .null)
        #expect(referred["status"] == "referred")

        let listing = try kezek([
            "queue", "--data", cycle.data, "--locality", "751110000", "--birth-year", "2021", "--language", "kk",
            "--group-type", "general",
        ]).json
        #expect(listing["length"]?.int == 2)
        #expect(listing["queue"]?.array?.compactMap { $0["application"]?.int } == [3, 2])
        #expect(listing["queue"]?[0]?["queueNumber"]?.int == 1)
        let limited = try kezek([
            "queue", "--data", cycle.data, "--locality", "751110000", "--birth-year", "2021", "--language", "kk",
            "--group-type", "general", "--limit", "1",
        ]).json
        #expect(limited["queue"]?.array?.count == 1)

        let unknown = try kezek(["queue", "--data", cycle.data, "--application", "99"])
        #expect(unknown.status == 1)
        #expect(try unknown.json["error"]?["code"] == "unknownApplication")
    }

    @Test("show prints the card with stage, queue number, referral and history")
    func show() throws {
        let cycle = try Self.appliedCycle()
        let card = try kezek(["show", "--data", cycle.data, "--application", "1"])
        #expect(card.status == 0)
        let json = try card.json
        #expect(json["application"]?.int == 1)
        #expect(json["stage"] == "referral")
        #expect(json["child"] == "230704601230")
        #expect(json["referrals"]?[0]?["status"] == "confirmed")
        let types = json["history"]?.array?.compactMap { $0["type"]?.string }
        #expect(
            types == [
                "applicationSubmitted", "bulletinApplied", "bulletinClosed", "referralIssued", "referralConfirmed",
            ])
        let closing = json["history"]?.array?.first { $0["type"] == "bulletinClosed" }
        #expect(closing?["outcome"] == "admitted" && closing?["cutOff"]?["application"]?.int != nil)
        let claimed = try kezek(["show", "--data", cycle.data, "--application", "3"]).json
        #expect(claimed["priority"]?["status"] == "verified")
        #expect(claimed["queueNumber"]?.int == 1)
    }

    @Test("show --applicant prints the children, their applications and the newest notifications")
    func cabinet() throws {
        let cycle = try Self.appliedCycle()
        let card = try kezek(["show", "--data", cycle.data, "--application", "1"]).json
        let applicant = try #require(card["applicant"]?.string)
        let cabinet = try kezek(["show", "--data", cycle.data, "--applicant", applicant, "--limit", "2"])
        #expect(cabinet.status == 0)
        let json = try cabinet.json
        #expect(json["applicant"]?.string == applicant)
        let child = try #require(json["children"]?.array?.first { $0["child"] == "230704601230" })
        #expect(child["activeApplication"]?.int == 1)
        #expect(child["applications"]?[0]?["application"]?.int == 1)
        #expect(child["applications"]?[0]?["stage"] == "referral")
        let notifications = try #require(json["notifications"]?.array)
        #expect(notifications.count == 2)
        #expect(notifications.first?["type"] == "referralConfirmed" && notifications.first?["application"]?.int == 1)
        let positions = notifications.compactMap { $0["position"]?.int }
        #expect(positions == positions.sorted(by: >))

        let unknown = try kezek(["show", "--data", cycle.data, "--applicant", "230704601230"])
        #expect(unknown.status == 1)
        #expect(try unknown.json["error"]?["code"] == "unknownApplicant")
        let invalid = try kezek(["show", "--data", cycle.data, "--applicant", "12345"])
        #expect(invalid.status == 1)
        #expect(try invalid.json["error"]?["code"] == "invalidIIN")
    }

    @Test("replay prints the same digest every time, and a different one earlier in the log")
    func replayDigest() throws {
        let cycle = try Self.appliedCycle()
        let first = try kezek(["replay", "--data", cycle.data])
        #expect(first.status == 0)
        let second = try kezek(["replay", "--data", cycle.data]).json
        let json = try first.json
        #expect(json["digest"]?.string?.count == 64)
        #expect(json["digest"] == second["digest"])
        #expect(json["position"]?.int == 14)
        let earlier = try kezek(["replay", "--data", cycle.data, "--until", "5"]).json
        #expect(earlier["position"]?.int == 5)
        #expect(earlier["digest"] != json["digest"])
        // A rejected command changes nothing: same digest.
        _ = try kezek(
            ["apply", "--data", cycle.data],
            input: #"{"type":"confirmReferral","at":"2026-06-21T00:00:00+05:00","referral":9}"#)
        #expect(try kezek(["replay", "--data", cycle.data]).json["digest"] == json["digest"])
    }

    @Test("export prints every event with its position, time, type, fields and hash")
    func export() throws {
        let cycle = try Self.appliedCycle()
        let run = try kezek(["export", "--data", cycle.data])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try run.lines
        #expect(lines.count == 14)
        #expect(lines.compactMap { $0["position"]?.int } == Array(1...14))
        #expect(lines[0]["type"] == "kindergartenRegistered")
        #expect(lines[0]["time"] == "2026-06-18T08:00:00+05:00")
        #expect(lines[0]["fields"]?["id"] == "kg-1")
        #expect(lines[0]["hash"]?.string?.count == 64)
        let verified = try kezek(["audit", "verify", "--data", cycle.data]).json
        #expect(lines.last?["hash"] == verified["hash"])
        let tail = try kezek(["export", "--data", cycle.data, "--from", "13"]).lines
        #expect(tail.compactMap { $0["position"]?.int } == [13, 14])
    }

    @Test("audit verify passes on an intact log and names the first altered position")
    func auditVerify() throws {
        let cycle = try Self.appliedCycle()
        let intact = try kezek(["audit", "verify", "--data", cycle.data])
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(try intact.json["position"]?.int == 14)
        #expect(try intact.json["ok"] == .bool(true))

        // Alter one byte of the verification's reason, which only the log's record holds.
        let file = URL(fileURLWithPath: cycle.data).appendingPathComponent("data.mdb")
        var bytes = try Data(contentsOf: file)
        let marker = Data(Fixtures.auditMarker.utf8)
        var altered = 0
        var searchFrom = bytes.startIndex
        while let range = bytes.range(of: marker, in: searchFrom..<bytes.endIndex) {
            bytes[range.lowerBound] ^= 0x20
            altered += 1
            searchFrom = range.upperBound
        }
        try #require(altered > 0)
        try bytes.write(to: file)
        let broken = try kezek(["audit", "verify", "--data", cycle.data])
        #expect(broken.status == 1)
        let json = try broken.json
        #expect(json["ok"] == .bool(false))
        #expect(json["firstBadPosition"]?.int == 9)
        #expect(json["position"]?.int == 8)
    }

    @Test("bad usage and a directory that is not a Kezek log exit with 2")
    func exitCodes() throws {
        let directory = try TemporaryDirectory()
        let data = directory.appending("data")
        #expect(try kezek(["queue", "--data", data]).status == 2)
        #expect(try kezek(["queue", "--data", data, "--application", "x"]).status == 2)
        #expect(try kezek(["frobnicate"]).status == 2)
        #expect(try kezek(["show", "--data", data]).status == 2)
        #expect(try kezek(["apply", "--data", data, directory.appending("missing.jsonl")]).status == 2)
        #expect(try kezek(["--help"]).status == 0)
        #expect(try kezek(["apply", "--help"]).stdout.contains("--registry"))

        let foreign = directory.appending("foreign")
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("hello".utf8).write(to: URL(fileURLWithPath: foreign).appendingPathComponent("notes.txt"))
        for arguments in [
            ["apply", "--data", foreign], ["queue", "--data", foreign, "--application", "1"],
            ["replay", "--data", foreign], ["export", "--data", foreign], ["audit", "verify", "--data", foreign],
        ] {
            let run = try kezek(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("notAnEventLog"), "\(arguments)")
        }
        withExtendedLifetime(directory) {}
    }

    @Test("the --registry file decides who is known")
    func registry() throws {
        let directory = try TemporaryDirectory()
        let data = directory.appending("data")
        let registry = directory.appending("registry.jsonl")
        try Data(Fixtures.registry.utf8).write(to: URL(fileURLWithPath: registry))
        let input = Fixtures.cycle.split(separator: "\n").prefix(4).joined(separator: "\n")
        let run = try kezek(["apply", "--data", data, "--registry", registry], input: input)
        #expect(run.status == 0)
        let lines = try run.lines
        try #require(lines.count == 4, "\(run.stderr)")
        #expect(lines.map { $0["ok"] } == [.bool(true), .bool(true), .bool(true), .bool(false)])
        #expect(lines[3]["error"]?["code"] == "personNotFound")
        #expect(!run.stderr.contains("open development registry"))
        withExtendedLifetime(directory) {}
    }

    @Test("a reopened log continues where the last run stopped")
    func continues() throws {
        let cycle = try Self.appliedCycle()
        let next = #"""
            {"type":"submitApplication","at":"2026-06-21T09:00:00+05:00","applicant":"850612304561","child":"230704601230","locality":"751110000","language":"kk","groupType":"general","consent":true}
            {"type":"withdrawApplication","at":"2026-06-21T09:05:00+05:00","application":2}
            """#
        let lines = try kezek(["apply", "--data", cycle.data], input: next).lines
        try #require(lines.count == 2)
        #expect(lines[0]["error"]?["code"] == "duplicateApplication")
        #expect(lines[1]["ok"] == .bool(true))
        #expect(try kezek(["queue", "--data", cycle.data, "--application", "3"]).json["queueNumber"]?.int == 1)
        #expect(try kezek(["replay", "--data", cycle.data]).json["position"]?.int == 15)
    }
}
