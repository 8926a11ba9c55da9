import Foundation
import Kezek
import KezekTestSupport
import Testing

@Suite("kezek audit keygen, checkpoint and verify --against")
struct AuditCheckpointTests {
    /// A directory with a key pair, the cycle applied to `original`, and the same cycle with one
    /// command altered (another phone number) applied to `rewritten`: a second, fully re-chained history.
    struct Setup {
        let directory: TemporaryDirectory
        var original: String { directory.appending("original") }
        var rewritten: String { directory.appending("rewritten") }
        var privateKey: String { directory.appending("audit.key") }
        var publicKey: String { directory.appending("audit.pub") }
        var checkpoint: String { directory.appending("checkpoint.json") }

        init() throws {
            directory = try TemporaryDirectory()
            let keys = try kezek(["audit", "keygen", "--out", directory.appending("audit")])
            try #require(keys.status == 0, "\(keys.stderr)")
            try #require(kezek(["apply", "--data", original], input: Fixtures.cycle).status == 0)
            let altered = Fixtures.cycle.replacingOccurrences(of: "+7 701 123 45 67", with: "+7 701 123 45 68")
            try #require(altered != Fixtures.cycle)
            try #require(kezek(["apply", "--data", rewritten], input: altered).status == 0)
            let signed = try kezek(["audit", "checkpoint", "--data", original, "--key", privateKey])
            try #require(signed.status == 0, "\(signed.stderr)")
            try Data(signed.stdout.utf8).write(to: URL(fileURLWithPath: checkpoint))
        }

        func verify(_ data: String, checkpoint: String? = nil, publicKey: String? = nil) throws -> KezekRun {
            try kezek([
                "audit", "verify", "--data", data, "--against", checkpoint ?? self.checkpoint, "--public-key",
                publicKey ?? self.publicKey,
            ])
        }
    }

    @Test("keygen writes a private key only its owner can read, and a public key")
    func keygen() throws {
        let setup = try Setup()
        let attributes = try FileManager.default.attributesOfItem(atPath: setup.privateKey)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let publicKey = try JSONValue.parse(String(contentsOfFile: setup.publicKey, encoding: .utf8))
        #expect(publicKey["format"] == "kezek-ed25519-public-key-v1")
        #expect(publicKey["publicKey"]?.string?.count == 64)
        let again = try kezek(["audit", "keygen", "--out", setup.directory.appending("audit")])
        #expect(again.status == 2, "an existing key is never replaced")
    }

    @Test("a checkpoint signs the verified head, and the log it came from still extends it")
    func checkpointOfTheSameLog() throws {
        let setup = try Setup()
        let checkpoint = try JSONValue.parse(String(contentsOfFile: setup.checkpoint, encoding: .utf8))
        let head = try kezek(["audit", "verify", "--data", setup.original]).json
        #expect(checkpoint["format"] == "kezek-checkpoint-v1")
        #expect(checkpoint["position"] == head["position"])
        #expect(checkpoint["hash"] == head["hash"])
        #expect(checkpoint["signature"]?.string?.count == 128)
        let run = try setup.verify(setup.original)
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        #expect(try run.json["ok"] == .bool(true))
        #expect(try run.json["checkpoint"]?["position"] == head["position"])
    }

    @Test("a rewritten history with every hash recomputed passes plain verify but not --against")
    func rewrittenHistory() throws {
        let setup = try Setup()
        let plain = try kezek(["audit", "verify", "--data", setup.rewritten])
        #expect(plain.status == 0)
        let original = try kezek(["audit", "verify", "--data", setup.original]).json
        #expect(try plain.json["position"] == original["position"])
        #expect(try plain.json["hash"] != original["hash"])
        let run = try setup.verify(setup.rewritten)
        #expect(run.status == 1)
        let json = try run.json
        #expect(json["ok"] == .bool(false))
        #expect(json["code"] == "historyRewritten")
        #expect(json["firstBadPosition"] == original["position"])
    }

    @Test("a log that ends before the checkpoint fails --against")
    func shorterLog() throws {
        let setup = try Setup()
        let prefix = Fixtures.cycle.split(separator: "\n").prefix(5).joined(separator: "\n")
        let shorter = setup.directory.appending("shorter")
        try #require(kezek(["apply", "--data", shorter], input: prefix).status == 0)
        let run = try setup.verify(shorter)
        #expect(run.status == 1)
        #expect(try run.json["code"] == "logShorterThanCheckpoint")
    }

    @Test("a tampered signature, position or time, or another key, fails with badSignature")
    func tamperedCheckpoint() throws {
        let setup = try Setup()
        guard
            case .object(var checkpoint) = try JSONValue.parse(
                String(contentsOfFile: setup.checkpoint, encoding: .utf8))
        else { throw CheckpointTestError.notAnObject }
        let signature = checkpoint["signature"]?.string ?? ""
        let flipped =
            String(signature.prefix(10)) + (signature.dropFirst(10).first == "0" ? "1" : "0")
            + String(signature.dropFirst(11))
        var cases: [JSONObject] = []
        var forged = checkpoint
        forged["signature"] = .string(flipped)
        cases.append(forged)
        forged = checkpoint
        forged["time"] = "2030-01-01T00:00:00+05:00"
        cases.append(forged)
        forged = checkpoint
        forged["position"] = .integer((checkpoint["position"]?.int ?? 0) - 1)
        cases.append(forged)
        for (index, object) in cases.enumerated() {
            let path = setup.directory.appending("forged-\(index).json")
            try Data(JSONValue.object(object).serialized).write(to: URL(fileURLWithPath: path))
            let run = try setup.verify(setup.original, checkpoint: path)
            #expect(run.status == 1, "case \(index)")
            #expect(try run.json["code"] == "badSignature", "case \(index)")
        }
        let other = try kezek(["audit", "keygen", "--out", setup.directory.appending("other")])
        try #require(other.status == 0)
        let run = try setup.verify(setup.original, publicKey: setup.directory.appending("other.pub"))
        #expect(run.status == 1)
        #expect(try run.json["code"] == "badSignature")
        checkpoint["signature"] = "not hex"
        let path = setup.directory.appending("unreadable.json")
        try Data(JSONValue.object(checkpoint).serialized).write(to: URL(fileURLWithPath: path))
        #expect(try setup.verify(setup.original, checkpoint: path).status == 2, "an unreadable checkpoint is bad usage")
    }
}

enum CheckpointTestError: Error {
    case notAnObject
}
