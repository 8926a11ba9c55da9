import ArgumentParser
import Engine
import EventLog
import Foundation
import Kezek

/// `kezek import [FILE|-]`: an export's JSON Lines into an empty data directory, every hash checked.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Rebuild a log from `kezek export` JSON Lines in an empty data directory, checking every hash.",
        discussion: """
            Each line's event is re-encoded and its chain hash recomputed; the first line whose hash does not \
            chain is named ({"ok": false, "code": "brokenChain", "line", "position", "reason"}, exit 1) and \
            nothing stays in the data directory. A line that is not an exported event is unreadable input \
            (code malformedLine, exit 2), and so is a data directory that is not empty \
            (dataDirectoryNotEmpty, exit 2). On success prints {"ok": true, "position", "hash", "events", \
            "digest", "seconds"}; digest equals what `kezek replay` prints for the new log.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "The exported events; - or nothing for standard input.")
    var file: String?

    /// Progress goes to stderr every this many lines.
    static let progressEvery = 1_000_000

    func run() throws {
        var reader = try LineReader(path: file)
        let started = Date()
        let importer: LogImporter
        do {
            importer = try LogImporter(path: dataOptions.data)
        } catch {
            throw failure(error)
        }
        let summary: ImportSummary
        do {
            while try reader.next({ (line) throws(ToolFailure) in
                do throws(ImportError) {
                    try importer.add(line: line)
                } catch {
                    throw failure(error)
                }
            }) {
                if importer.lines % Self.progressEvery == 0 {
                    let seconds = Date().timeIntervalSince(started)
                    Terminal.error(
                        "kezek import: \(importer.lines) lines, \(Int(Double(importer.lines) / max(seconds, 0.001))) lines/s"
                    )
                }
            }
            summary = try importer.finish()
        } catch let error as ImportError {
            throw failure(error)
        } catch {
            importer.abandon()
            throw error
        }
        Terminal.printLine([
            "ok": true,
            "position": .integer(Int64(bitPattern: summary.head.position.rawValue)),
            "hash": .string(summary.head.hash.hex),
            "events": .integer(Int64(bitPattern: summary.head.position.rawValue)),
            "digest": .string(summary.digest.hex),
            "seconds": .number(Date().timeIntervalSince(started)),
        ])
        Terminal.flush()
    }

    /// Prints the failure as JSON and maps it to its exit code: 1 for a broken chain, 2 for the rest.
    private func failure(_ error: ImportError) -> ToolFailure {
        var answer: JSONObject = ["ok": false, "code": .string(error.code)]
        if let line = error.line { answer["line"] = .integer(Int64(line)) }
        if case .brokenChain(_, let position, _) = error {
            answer["position"] = .integer(Int64(bitPattern: position.rawValue))
        }
        answer["reason"] = .string(error.message)
        Terminal.printLine(.object(answer))
        Terminal.flush()
        let code = if case .brokenChain = error { ToolFailure.failedCheck } else { ToolFailure.badUsage }
        return ToolFailure(exitCode: code, message: "kezek import: \(error.message)")
    }
}
