import ArgumentParser
import Engine
import EventLog
import Kezek

/// `kezek audit rounds`: re-decides every recorded `tick` and compares it byte for byte.
struct AuditRoundsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rounds",
        abstract: "Re-decide every recorded tick and compare its events byte for byte; exit 1 at a difference.",
        discussion: """
            Prints {"ok", "position", "rounds", "events"}; when a recorded round differs from what tick decides \
            on the state before it, also "batch", "firstBadPosition" and "reason", and exits 1.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let log = try dataOptions.openLog()
        defer { try? log.close() }
        let report: RoundsReport
        do {
            report = try Engine.verifyRounds(log)
        } catch {
            throw ToolFailure.engine(error)
        }
        var answer: JSONObject = [
            "ok": .bool(report.isReproduced),
            "position": .integer(Int64(bitPattern: report.position.rawValue)),
            "rounds": .integer(Int64(report.rounds)),
            "events": .integer(Int64(report.events)),
        ]
        if let mismatch = report.mismatch {
            answer["batch"] = .integer(Int64(bitPattern: mismatch.batch.rawValue))
            answer["firstBadPosition"] = .integer(Int64(bitPattern: mismatch.position.rawValue))
            answer["reason"] = .string(mismatch.reason)
        }
        Terminal.printLine(.object(answer))
        Terminal.flush()
        if let mismatch = report.mismatch {
            throw ToolFailure(
                exitCode: ToolFailure.failedCheck,
                message: "kezek audit rounds: position \(mismatch.position): \(mismatch.reason)")
        }
    }
}
