import ArgumentParser
import Engine
import EventLog
import Foundation
import Kezek

/// `kezek backup --to DIR`: a compacted, consistent copy of the log, taken beside a running writer.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a compacted, consistent copy of the log into a new directory, while writes go on.",
        discussion: """
            The copy is LMDB's compacting copy (mdb_env_copy2 with MDB_CP_COMPACT) of one read snapshot: \
            every record committed when it starts, and the engine's checkpoint. DIR must be missing or empty. \
            Prints {"ok": true, "to", "position", "hash", "bytes", "seconds"}: the copy's head and size. \
            `kezek audit verify --data DIR` checks the copy.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The directory of the copy (missing or empty).")
    var to: String

    func run() throws {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: to, isDirectory: &isDirectory) {
            let contents = (try? files.contentsOfDirectory(atPath: to)) ?? []
            guard isDirectory.boolValue, contents.isEmpty else {
                throw ToolFailure.usage("kezek backup: \(to) exists and is not an empty directory")
            }
        } else {
            do {
                try files.createDirectory(atPath: to, withIntermediateDirectories: true)
            } catch {
                throw ToolFailure.usage("kezek backup: cannot create \(to): \(error.localizedDescription)")
            }
        }
        let started = Date()
        let log: EventLog
        do {
            log = try EventLog(path: dataOptions.data, options: EventLog.Options(readOnly: true))
        } catch {
            throw ToolFailure.log(error)
        }
        defer { try? log.close() }
        // Copy beside the target and move the finished file in, so that an interrupted backup never
        // leaves a data file that looks like a whole log.
        let staging = (to as NSString).appendingPathComponent("backup-in-progress")
        do {
            try log.backup(to: staging)
        } catch {
            try? files.removeItem(atPath: staging)
            throw ToolFailure.log(error)
        }
        let target = (to as NSString).appendingPathComponent("data.mdb")
        guard rename((staging as NSString).appendingPathComponent("data.mdb"), target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? files.removeItem(atPath: staging)
            throw ToolFailure.usage("kezek backup: cannot move the copy to \(target): \(reason)")
        }
        try? files.removeItem(atPath: staging)
        let copy: EventLog
        do {
            copy = try EventLog(path: to, options: EventLog.Options(readOnly: true))
        } catch {
            throw ToolFailure.log(error)
        }
        defer { try? copy.close() }
        let size = (try? files.attributesOfItem(atPath: (to as NSString).appendingPathComponent("data.mdb")))?[.size]
        Terminal.printLine([
            "ok": true,
            "to": .string(to),
            "position": .integer(Int64(bitPattern: copy.head.position.rawValue)),
            "hash": .string(copy.head.hash.hex),
            "bytes": .integer((size as? NSNumber)?.int64Value ?? 0),
            "seconds": .number(Date().timeIntervalSince(started)),
        ])
        Terminal.flush()
    }
}
