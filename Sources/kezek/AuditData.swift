import ArgumentParser
import Engine
import EventLog
import Foundation
import Kezek

/// Opening the data directory for an audit, and printing an audit's answer.
enum AuditData {
    /// Opens the log read-only for an audit, after checking the data file's pages
    /// (``EventLog/checkDataFile(in:)``). A data file that exists but is damaged (a meta page, a page
    /// header, a node offset, a page LMDB cannot read) is a failed check: `{"ok": false, "code":
    /// "damagedFile", "page"?, "reason"}` is printed and the exit code is 1. A directory that holds no
    /// log yet, and a data file written before the log's first commit (`EventLog.holdsLog(at:)`), read
    /// as an empty log, which is created.
    static func open(_ options: DataOptions) throws(ToolFailure) -> EventLog {
        let dataFile = (options.data as NSString).appendingPathComponent("data.mdb")
        guard FileManager.default.fileExists(atPath: dataFile) else { return try options.openLog() }
        let damage: DataFileDamage?
        do {
            damage = try EventLog.checkDataFile(in: options.data)
        } catch {
            throw .log(error)
        }
        if let damage { throw damaged(damage.description, page: damage.page) }
        guard options.holdsLog else { return try options.openLog() }
        do {
            return try EventLog(path: options.data, options: EventLog.Options(readOnly: true))
        } catch .storage(let error) {
            throw damaged("data.mdb cannot be read (\(error)): the file is damaged")
        } catch .notAnEventLog(_, let reason) {
            throw damaged("\(reason): the file is damaged")
        } catch .unsupportedFormat(let found, let supported) {
            throw damaged("the log's format is \(found), this build reads \(supported): the file is damaged or newer")
        } catch .malformedRecord(let position, let reason) {
            throw damaged("position \(position): \(reason): the file is damaged")
        } catch {
            throw .log(error)
        }
    }

    /// Prints `{"ok": false, "code": "damagedFile", "reason"}` and returns the failure that exits 1.
    private static func damaged(_ reason: String, page: UInt64? = nil) -> ToolFailure {
        var answer: JSONObject = ["ok": false, "code": "damagedFile"]
        if let page { answer["page"] = .integer(Int64(bitPattern: page)) }
        answer["reason"] = .string(reason)
        Terminal.printLine(.object(answer))
        Terminal.flush()
        return ToolFailure(exitCode: ToolFailure.failedCheck, message: "kezek audit: \(reason)")
    }

    /// Says how far a long walk got, on stderr.
    static func progress(_ checked: UInt64) {
        if checked >= 1_000_000 { Terminal.error("kezek audit: \(checked) records checked") }
    }

    /// Prints the outcome `{"ok", "position", "hash", "records"}` (the verified head) with, on a
    /// problem, `code`, `reason` and `firstBadPosition`; exits 1 on a problem.
    static func finish(
        _ outcome: AuditOutcome, command: String, extra: JSONObject = [:]
    ) throws(ToolFailure) {
        let report = outcome.report
        var answer: JSONObject = [
            "ok": .bool(outcome.isIntact),
            "position": .integer(Int64(bitPattern: report.verifiedHead.position.rawValue)),
            "hash": .string(report.verifiedHead.hash.hex),
            "records": .integer(Int64(bitPattern: report.recordsChecked)),
        ]
        for member in extra.members { answer[member.key] = member.value }
        if let problem = outcome.problem {
            answer["code"] = .string(problem.code)
            if let position = problem.position {
                answer["firstBadPosition"] = .integer(Int64(bitPattern: position.rawValue))
            }
            if case .chainBroken(let failure) = problem {
                answer["reason"] = .string(failure.description)
            } else {
                answer["reason"] = .string(problem.message)
            }
        }
        Terminal.printLine(.object(answer))
        Terminal.flush()
        if let problem = outcome.problem {
            throw ToolFailure(exitCode: ToolFailure.failedCheck, message: "kezek audit \(command): \(problem.message)")
        }
    }
}
