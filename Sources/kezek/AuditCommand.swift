import ArgumentParser
import EventLog
import Kezek

/// `kezek audit`: checks of the log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the log.",
        subcommands: [VerifyCommand.self]
    )
}

/// `kezek audit verify`: walks the hash chain.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the hash chain; exit 1 and name the first bad position if anything was altered.",
        discussion: """
            Prints {"ok": true, "position", "hash", "records"} for an intact log, or {"ok": false, "position", \
            "hash", "records", "firstBadPosition", "reason"} (the last good position and hash) and exits 1.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let log = try dataOptions.openLog()
        defer { try? log.close() }
        let report = log.verify { checked in
            if checked >= 1_000_000 { Terminal.error("kezek audit verify: \(checked) records checked") }
        }
        var answer: JSONObject = [
            "ok": .bool(report.isIntact),
            "position": .integer(Int64(bitPattern: report.verifiedHead.position.rawValue)),
            "hash": .string(report.verifiedHead.hash.hex),
            "records": .integer(Int64(bitPattern: report.recordsChecked)),
        ]
        if let failure = report.failure {
            answer["firstBadPosition"] = .integer(Int64(bitPattern: failure.position.rawValue))
            answer["reason"] = .string(failure.description)
        }
        Terminal.printLine(.object(answer))
        Terminal.flush()
        if let failure = report.failure {
            throw ToolFailure(
                exitCode: ToolFailure.failedCheck, message: "kezek audit verify: the chain breaks at \(failure)")
        }
    }
}
