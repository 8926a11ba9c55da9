import ArgumentParser
import Engine
import EventLog
import Kezek

/// `kezek audit`: checks of the log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the log.",
        subcommands: [
            VerifyCommand.self, KeygenCommand.self, CheckpointCommand.self, AuditExplainCommand.self,
            AuditRoundsCommand.self,
        ]
    )
}

/// `kezek audit verify`: walks the hash chain.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the hash chain; exit 1 and name the first bad position if anything was altered.",
        discussion: """
            Prints {"ok": true, "position", "hash", "records"} for an intact log, or {"ok": false, "position", \
            "hash", "records", "code", "firstBadPosition", "reason"} (the last good position and hash) and exits 1. \
            With --against CHECKPOINT --public-key FILE it also checks the checkpoint's signature and that the \
            log still holds the published hash at its position (codes badSignature, logShorterThanCheckpoint, \
            historyRewritten), and adds "checkpoint": {"position", "hash", "time"}. A damaged data file gives \
            {"ok": false, "code": "damagedFile", "reason"} and exit 1.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "A signed checkpoint (from `kezek audit checkpoint`) that the log must still extend.")
    var against: String?

    @Option(help: "The public key file that checks the checkpoint's signature (needed with --against).")
    var publicKey: String?

    func validate() throws {
        if (against == nil) != (publicKey == nil) {
            throw ValidationError("--against and --public-key go together")
        }
    }

    func run() throws {
        var checkpoint: (SignedCheckpoint, AuditPublicKey)?
        if let against, let publicKey {
            let signed = try AuditFiles.load(against, what: "checkpoint") { (json) throws(AuditFileError) in
                try SignedCheckpoint(json: json)
            }
            let key = try AuditFiles.load(publicKey, what: "public key file") { (json) throws(AuditFileError) in
                try AuditPublicKey(json: json)
            }
            checkpoint = (signed, key)
        }
        let log = try AuditData.open(dataOptions)
        defer { try? log.close() }
        guard let (signed, key) = checkpoint else {
            return try AuditData.finish(Engine.audit(log, progress: AuditData.progress), command: "verify")
        }
        let outcome = Engine.audit(log, against: signed, trusting: key, progress: AuditData.progress)
        let published: JSONObject = [
            "position": .integer(Int64(bitPattern: signed.head.position.rawValue)),
            "hash": .string(signed.head.hash.hex),
            "time": .string(signed.time.description),
        ]
        try AuditData.finish(outcome, command: "verify", extra: ["checkpoint": .object(published)])
    }
}
