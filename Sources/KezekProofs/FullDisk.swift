import EventLog
import Foundation
import Kezek
import KezekTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The full-disk proof, on a size-limited tmpfs (mounting needs root; without it the proof is skipped and
/// says why).
///
/// 1. The log alone, opened with a 64 KiB map: appends grow the map until the file system is full; the
///    failing append must say so (a storage error), and every append answered before must be in the log.
/// 2. `kezek apply` on a data directory there, with more commands than fit: it must stop with exit 2 and a
///    message naming the full disk; the log must verify and hold every printed success. Then the file
///    system is made larger and `kezek apply` goes on from the first line without a printed result; it
///    must finish, and the log must verify and hold every printed success again.
public struct FullDisk {
    /// What to run.
    public struct Configuration: Sendable {
        /// The tool.
        public var kezek: KezekBinary
        /// A directory for the mount point, the command file and the tool's output.
        public var directory: String
        /// The seed of the commands.
        public var seed: UInt64 = 1
        /// The file system's size in bytes.
        public var size = 8 << 20
        /// How many command lines (more than fit).
        public var lines = 200_000
        /// Whether `kezek apply` runs after the log alone (step 2).
        public var withApply = true

        /// A configuration with the defaults of a long run.
        public init(kezek: KezekBinary, directory: String) {
            self.kezek = kezek
            self.directory = directory
        }
    }

    /// The figures of a run.
    public struct Summary: Codable, Sendable {
        /// Why the proof did not run, when it did not.
        public var skipped: String?
        /// The file system's size.
        public var size = 0
        /// Appends acknowledged by the log before the file system was full.
        public var logAppendsAcknowledged: UInt64 = 0
        /// The storage error the log answered.
        public var logError = ""
        /// `kezek apply`'s exit status on the full file system.
        public var applyStatus: Int32 = 0
        /// Its message on standard error.
        public var applyMessage = ""
        /// Results it printed, all successes.
        public var resultsPrinted = 0
        /// Printed successes found in the log.
        public var successesFound = 0
        /// The log's head when the file system was full.
        public var positionWhenFull: UInt64 = 0
        /// The log's head after the file system grew and the rest was applied.
        public var positionAfterGrowing: UInt64 = 0
        /// What went wrong.
        public var failures: [String] = []
    }

    /// Runs the proof; `progress` hears a line per step.
    @available(*, noasync, message: "waits for child processes")
    public static func run(_ configuration: Configuration, progress: (String) -> Void = { _ in }) throws -> Summary {
        var summary = Summary()
        summary.size = configuration.size
        guard geteuid() == 0 else {
            summary.skipped = "not root: mounting a size-limited tmpfs needs root"
            return summary
        }
        let mountPoint = configuration.directory + "/mnt"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        if let failure = mount(mountPoint, options: "size=\(configuration.size)") {
            summary.skipped = "cannot mount a tmpfs: \(failure)"
            return summary
        }
        defer { _ = command("/bin/umount", [mountPoint]) }
        try fillWithLog(configuration, directory: mountPoint + "/log", summary: &summary)
        if !configuration.withApply { return summary }
        progress("full-disk: the log alone took \(summary.logAppendsAcknowledged) appends, then \(summary.logError)")
        try FileManager.default.removeItem(atPath: mountPoint + "/log")
        try fillWithApply(configuration, mountPoint: mountPoint, summary: &summary, progress: progress)
        return summary
    }

    /// Appends 1 KiB records to a log with a tiny map until an append fails.
    private static func fillWithLog(_ configuration: Configuration, directory: String, summary: inout Summary) throws {
        let options = EventLog.Options(initialMapSize: 64 << 10)
        let log = try EventLog(path: directory, options: options)
        let payload = [UInt8](repeating: 0x78, count: 1024)
        while true {
            let record = NewRecord(
                stream: StreamID(rawValue: "fill-\(summary.logAppendsAcknowledged % 100)")!, type: RecordType(1),
                timestamp: 1_750_000_000_000, payload: payload)
            do {
                let receipt = try log.appendAndWait(AppendRequest(records: [record]))
                summary.logAppendsAcknowledged = receipt.positions.upperBound.rawValue
            } catch {
                summary.logError = "\(error)"
                break
            }
            if summary.logAppendsAcknowledged > UInt64(configuration.size / 1024) * 4 {
                summary.failures.append("the log took more than fits in the file system")
                break
            }
        }
        try? log.close()
        if !summary.logError.contains("ENOSPC") {
            summary.failures.append("the log's error does not name the full disk: \(summary.logError)")
        }
        let reader = try EventLog(path: directory, options: EventLog.Options(readOnly: true))
        defer { try? reader.close() }
        let report = reader.verify()
        if !report.isIntact || report.verifiedHead.position.rawValue < summary.logAppendsAcknowledged {
            summary.failures.append(
                "after the full file system the log verifies to \(report.verifiedHead.position) "
                    + "(\(report.failure.map { "\($0)" } ?? "intact")), \(summary.logAppendsAcknowledged) acknowledged")
        }
    }

    private static func fillWithApply(
        _ configuration: Configuration, mountPoint: String, summary: inout Summary, progress: (String) -> Void
    ) throws {
        let file = try CommandFile(
            path: configuration.directory + "/commands.jsonl", count: configuration.lines, seed: configuration.seed)
        let scratch = configuration.directory + "/run"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let data = mountPoint + "/data"
        var check = DurabilityCheck(
            file: file, inspector: LogInspector(kezek: configuration.kezek, data: data, scratch: scratch))
        let full = try configuration.kezek.run(["apply", "--data", data, file.path], scratch: scratch)
        summary.applyStatus = full.status
        summary.applyMessage = full.stderr.split(separator: "\n").last.map(String.init) ?? ""
        let printed = try full.lines.enumerated().map { (offset, line) in (offset, try JSONValue.parse(Array(line))) }
        summary.resultsPrinted = printed.count
        progress("full-disk: kezek apply exit \(full.status) after \(printed.count) results: \(summary.applyMessage)")
        if full.signaled || full.status != 2 {
            summary.failures.append("kezek apply on a full file system ended with status \(full.status)")
        }
        let message = summary.applyMessage.lowercased()
        if !(message.contains("enospc") || message.contains("no space") || message.contains("full")) {
            summary.failures.append("the message does not name the full disk: \(summary.applyMessage)")
        }
        if printed.count >= file.count {
            summary.failures.append("every line fit: make the file system smaller or the file longer")
            return
        }
        if printed.contains(where: { $0.1["ok"] != .bool(true) }) {
            summary.failures.append("a valid line was rejected on the way to the full disk")
        }
        summary.failures += try check.check(after: printed)
        summary.positionWhenFull = check.position

        if let failure = mount(mountPoint, options: "remount,size=\(configuration.size * 64)") {
            summary.failures.append("cannot grow the tmpfs: \(failure)")
            return
        }
        let rest = try configuration.kezek.start(
            ["apply", "--data", data, "-"], input: file.path, offset: file.offsets[printed.count], scratch: scratch
        ).wait()
        if rest.signaled || rest.status != 0 {
            summary.failures.append("kezek apply after growing ended with status \(rest.status): \(rest.stderr)")
        }
        let more = try rest.lines.enumerated().map { (offset, line) in
            (printed.count + offset, try JSONValue.parse(Array(line)))
        }
        summary.failures += try check.check(after: more)
        summary.successesFound = check.successesFound
        summary.positionAfterGrowing = check.position
        progress("full-disk: after growing, \(more.count) more results, log at \(check.position)")
    }

    /// Mounts a tmpfs at `path`; answers what went wrong, or `nil`.
    private static func mount(_ path: String, options: String) -> String? {
        command("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path])
    }

    private static func command(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "\(error)"
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : "\(executable) exit \(process.terminationStatus): \(message)"
    }
}
