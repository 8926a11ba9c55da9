import Foundation
import Kezek
import KezekTestSupport
import Testing

@Suite("kezek import, backup and replay --until TIME")
struct ImportBackupReplayTests {
    @Test("replay --until TIME equals a fresh log fed only the commands up to that time")
    func replayUntilTime() throws {
        let cycle = try KezekCLITests.appliedCycle()
        let time = "2026-06-19T09:30:00+05:00"
        let untilTime = try kezek(["replay", "--data", cycle.data, "--until", time])
        #expect(untilTime.status == 0, "\(untilTime.stderr)")
        let prefix = Fixtures.cycle.split(separator: "\n").prefix(11).joined(separator: "\n")
        let fresh = try TemporaryDirectory()
        try #require(kezek(["apply", "--data", fresh.path], input: prefix).status == 0)
        let whole = try kezek(["replay", "--data", fresh.path]).json
        let json = try untilTime.json
        #expect(json["digest"] == whole["digest"])
        #expect(json["position"] == whole["position"])
        #expect(json["time"] == "2026-06-19T09:00:00+05:00", "the last event at or before the time")
        #expect(json["queue"]?["applications"]?.int == 3)
        #expect(json["queue"]?["inQueue"]?.int == 3)
        #expect(json["queue"]?["byTier"]?["firstPriority"]?.int == 1)
        let untilPosition = try kezek(["replay", "--data", cycle.data, "--until", "\(json["position"]?.int ?? 0)"])
        #expect(try untilPosition.json["digest"] == json["digest"])
        let before = try kezek(["replay", "--data", cycle.data, "--until", "2026-01-01T00:00:00Z"]).json
        #expect(before["position"]?.int == 0)
        #expect(before["time"] == .null)
        #expect(try kezek(["replay", "--data", cycle.data, "--until", "yesterday"]).status == 2)
    }

    @Test("export then import into an empty directory gives the same head hash and replay digest")
    func roundTrip() throws {
        let cycle = try KezekCLITests.appliedCycle()
        let export = try kezek(["export", "--data", cycle.data])
        #expect(export.status == 0)
        let lines = try export.lines
        #expect(lines.allSatisfy { $0["batchEnd"] != nil && $0["streamVersion"]?.int != nil })
        let target = cycle.directory.appending("imported")
        let imported = try kezek(["import", "--data", target, "-"], input: export.stdout)
        #expect(imported.status == 0, "\(imported.stdout) \(imported.stderr)")
        let original = try kezek(["audit", "verify", "--data", cycle.data]).json
        let copy = try kezek(["audit", "verify", "--data", target])
        #expect(copy.status == 0)
        #expect(try copy.json["hash"] == original["hash"])
        #expect(try imported.json["hash"] == original["hash"])
        let digest = try kezek(["replay", "--data", cycle.data]).json["digest"]
        #expect(try kezek(["replay", "--data", target]).json["digest"] == digest)
        #expect(try imported.json["digest"] == digest)
        #expect(try kezek(["export", "--data", target]).stdout == export.stdout)
        let again = try kezek(["import", "--data", target, "-"], input: export.stdout)
        #expect(again.status == 2, "a data directory with a log is refused")
        #expect(try again.json["code"] == "dataDirectoryNotEmpty")
    }

    @Test("import refuses an altered line, naming it, and a malformed one, leaving the directory empty")
    func importRefusals() throws {
        let cycle = try KezekCLITests.appliedCycle()
        let export = try kezek(["export", "--data", cycle.data]).stdout
        var lines = export.split(separator: "\n").map(String.init)
        // A registered applicant's phone, changed in the export: the line no longer hashes to its hash.
        let index = try #require(lines.firstIndex { $0.contains("applicantRegistered") })
        lines[index] = lines[index].replacingOccurrences(of: "7011234567", with: "7011234568")
        try #require(lines.joined(separator: "\n") != export.trimmingCharacters(in: .newlines))
        let target = cycle.directory.appending("altered")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        let altered = try kezek(["import", "--data", target, "-"], input: lines.joined(separator: "\n"))
        #expect(altered.status == 1, "\(altered.stdout) \(altered.stderr)")
        #expect(try altered.json["code"] == "brokenChain")
        #expect(try altered.json["line"]?.int == Int64(index + 1))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
        let malformed = try kezek(["import", "--data", target, "-"], input: "{\"position\": 1}\n")
        #expect(malformed.status == 2)
        #expect(try malformed.json["code"] == "malformedLine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
    }

    @Test("backup writes a compacted copy that audit verify accepts, with the same head")
    func backup() throws {
        let cycle = try KezekCLITests.appliedCycle()
        let target = cycle.directory.appending("backup")
        let run = try kezek(["backup", "--data", cycle.data, "--to", target])
        #expect(run.status == 0, "\(run.stderr)")
        let original = try kezek(["audit", "verify", "--data", cycle.data]).json
        let copy = try kezek(["audit", "verify", "--data", target])
        #expect(copy.status == 0)
        #expect(try copy.json["hash"] == original["hash"])
        #expect(try run.json["hash"] == original["hash"])
        #expect(
            try kezek(["replay", "--data", target]).json["digest"]
                == kezek(["replay", "--data", cycle.data]).json["digest"])
        #expect(try kezek(["backup", "--data", cycle.data, "--to", target]).status == 2, "an existing copy is kept")
    }
}
