import Foundation
import Kezek
import KezekTestSupport
import Testing

@Suite("kezek demo")
struct DemoCLITests {
    @Test("demo builds the tiny country, prints the summary and writes the report; again, the same hashes")
    func demo() throws {
        let directory = try TemporaryDirectory()
        let data = directory.appending("data")
        let report = directory.appending("report.html")
        let run = try kezek(["demo", "--data", data, "--scale", "tiny", "--report", report])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try run.json
        #expect(summary["scale"] == "tiny")
        #expect(summary["audit"]?["verified"] == .bool(true))
        #expect(summary["audit"]?["replayMatchesLive"] == .bool(true))
        #expect(summary["audit"]?["checkpointMatchesReplay"] == .bool(true))
        #expect(summary["report"] == .string(report))
        #expect(summary["counts"]?["events"] == summary["audit"]?["head"]?["position"])
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains(summary["audit"]?["head"]?["hash"]?.string ?? "missing"))
        #expect(run.stderr.contains("kezek demo: replay done"))

        // The log is a log like any other: the tools read it and agree with the demo.
        let verify = try kezek(["audit", "verify", "--data", data]).json
        #expect(verify["hash"] == summary["audit"]?["head"]?["hash"])
        let replay = try kezek(["replay", "--data", data]).json
        #expect(replay["digest"] == summary["audit"]?["digest"])

        let again = try kezek(["demo", "--data", data, "--scale", "tiny"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try again.json["audit"]?["head"] == summary["audit"]?["head"])
        #expect(try again.json["audit"]?["digest"] == summary["audit"]?["digest"])
        #expect(again.stderr.contains("replacing the earlier demo log"))
    }

    @Test("demo refuses a data directory holding another log, and an unknown scale")
    func refusals() throws {
        let cycle = try KezekCLITests.appliedCycle()
        let before = try kezek(["audit", "verify", "--data", cycle.data]).json
        let run = try kezek(["demo", "--data", cycle.data, "--scale", "tiny"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("dataDirectoryInUse"))
        #expect(run.stdout.isEmpty)
        #expect(try kezek(["audit", "verify", "--data", cycle.data]).json == before)

        let directory = try TemporaryDirectory()
        let unknown = try kezek(["demo", "--data", directory.appending("data"), "--scale", "huge"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown scale"))
        #expect(!FileManager.default.fileExists(atPath: directory.appending("data")))
    }
}
