import ArgumentParser
import Engine
import EventLog
import Foundation
import Kezek

/// `kezek audit keygen [--out PREFIX]`: a new Ed25519 key pair for signing checkpoints.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an Ed25519 key pair for signing checkpoints: PREFIX.key (private, mode 0600) and PREFIX.pub.",
        discussion: """
            The private key file is {"format": "kezek-ed25519-private-key-v1", "privateKey", "publicKey"}, the \
            public one {"format": "kezek-ed25519-public-key-v1", "publicKey"}; keys are raw 32-byte Ed25519 keys \
            in hexadecimal. Existing files are never replaced. Prints {"privateKey": PATH, "publicKey": PATH, \
            "publicKeyHex"}.
            """
    )

    @Option(help: "The path prefix of the two files.")
    var out = "kezek-audit"

    func run() throws {
        let key = AuditSigningKey()
        let privatePath = out + ".key"
        let publicPath = out + ".pub"
        if FileManager.default.fileExists(atPath: privatePath) || FileManager.default.fileExists(atPath: publicPath) {
            throw ToolFailure.usage("kezek audit keygen: \(privatePath) or \(publicPath) exists; not replacing it")
        }
        try AuditFiles.create(privatePath, json: key.json, mode: 0o600)
        try AuditFiles.create(publicPath, json: key.publicKey.json, mode: 0o644)
        Terminal.printLine([
            "privateKey": .string(privatePath), "publicKey": .string(publicPath),
            "publicKeyHex": .string(key.publicKey.hex),
        ])
        Terminal.flush()
    }
}

/// `kezek audit checkpoint --key FILE`: the verified head, signed for publication.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Verify the chain and print its head (position, hash, time), signed with Ed25519.",
        discussion: """
            Prints {"format": "kezek-checkpoint-v1", "position", "hash", "time", "publicKey", "signature"}. The \
            signature covers the UTF-8 line "kezek-checkpoint-v1 position=<decimal> hash=<hex> \
            time=<milliseconds since 1970>". A broken chain is not signed: the verify answer is printed and \
            the exit code is 1.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The private key file (from `kezek audit keygen`).")
    var key: String

    func run() throws {
        let signingKey = try AuditFiles.load(key, what: "private key file") { (json) throws(AuditFileError) in
            try AuditSigningKey(json: json)
        }
        let log = try AuditData.open(dataOptions)
        defer { try? log.close() }
        let now = Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
        let outcome = Engine.audit(log, progress: AuditData.progress)
        guard outcome.isIntact else { return try AuditData.finish(outcome, command: "checkpoint") }
        let checkpoint = SignedCheckpoint(signing: outcome.report.verifiedHead, at: now, with: signingKey)
        Terminal.printLine(checkpoint.json)
        Terminal.flush()
    }
}
