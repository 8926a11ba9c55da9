import EventLog
import Foundation
import KezekTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The tamper proof: builds a realistic log with `kezek apply`, compacts it (so that no free page holds a
/// stale copy of a record), and flips one byte at a time in the pages of its `records` database, in one
/// scratch copy, running `kezek audit verify` on each.
///
/// A flip is *detected* when verify exits 1 naming a position, *reported* when it exits 1 or 2 with another
/// message, and *undetected* when verify passes. Every undetected flip must leave every event as it was:
/// `kezek export` of the damaged copy prints exactly what it prints for the original. The page map
/// (``LMDBPageMap``) says where each undetected flip fell (free space in a page, padding, a header field
/// LMDB does not read, a separator key that only searches read).
public struct Tamper {
    /// What to run.
    public struct Configuration: Sendable {
        /// The tool.
        public var kezek: KezekBinary
        /// A directory for the original, the scratch copy and the tool's output.
        public var directory: String
        /// The seed of the commands and the flips.
        public var seed: UInt64 = 1
        /// How many flips.
        public var flips = 1_000
        /// How many command lines build the log.
        public var lines = 20_000

        /// A configuration with the defaults of a long run.
        public init(kezek: KezekBinary, directory: String) {
            self.kezek = kezek
            self.directory = directory
        }
    }

    /// The figures of a run.
    public struct Summary: Codable, Sendable {
        /// The flips made.
        public var flips = 0
        /// The records in the log.
        public var records: UInt64 = 0
        /// The size of the compacted data file.
        public var fileBytes = 0
        /// The bytes of the pages of the `records` database (where the flips land).
        public var eventRegionBytes = 0
        /// Verify exited 1 and named a position.
        public var detected = 0
        /// Verify exited 1 or 2 with a message about the file, without a position.
        public var reported = 0
        /// Verify passed, and `kezek export` printed every event as before.
        public var undetected = 0
        /// The undetected flips by where they fell.
        public var undetectedBy: [String: Int] = [:]
        /// The detected flips by where they fell.
        public var detectedBy: [String: Int] = [:]
        /// The reported flips by where they fell.
        public var reportedBy: [String: Int] = [:]
        /// What verify said for the first few reported flips.
        public var reportedExamples: [String] = []
        /// Runs that ended by a signal.
        public var crashes = 0
        /// Seconds taken.
        public var seconds = 0.0
        /// What went wrong: a crash, or an undetected flip that changed an event.
        public var failures: [String] = []
    }

    /// Runs the proof; `progress` hears a line now and then.
    @available(*, noasync, message: "waits for child processes")
    public static func run(_ configuration: Configuration, progress: (String) -> Void = { _ in }) throws -> Summary {
        let started = Date()
        var summary = Summary()
        let scratch = configuration.directory + "/run"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let original = try buildLog(configuration, scratch: scratch, progress: progress)
        let originalFile = original + "/data.mdb"
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: originalFile)))
        let map = try LMDBPageMap(bytes: bytes)
        let region = map.region(of: "records")
        summary.fileBytes = bytes.count
        summary.eventRegionBytes = region.reduce(0) { $0 + $1.count }
        guard summary.eventRegionBytes > 0 else { throw ProofError("the log has no records pages") }
        let reference = LogInspector(kezek: configuration.kezek, data: original, scratch: scratch)
        let baseline = try reference.verify()
        guard baseline.isIntact else { throw ProofError("the original does not verify: \(baseline.reason)") }
        summary.records = baseline.position
        let originalExport = try configuration.kezek.run(["export", "--data", original], scratch: scratch).stdout

        let copy = configuration.directory + "/copy"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: copy + "/data.mdb"))
        let descriptor = open(copy + "/data.mdb", O_RDWR)
        guard descriptor >= 0 else { throw ProofError("cannot open the scratch copy") }
        defer { close(descriptor) }
        let inspector = LogInspector(kezek: configuration.kezek, data: copy, scratch: scratch)
        var random = SeededGenerator(seed: configuration.seed ^ 0x7461_6D70)
        progress("tamper: \(summary.records) records, \(region.count) pages of records, \(bytes.count) bytes")
        for flip in 1...max(1, configuration.flips) {
            var pick = Int.random(in: 0..<summary.eventRegionBytes, using: &random)
            var offset = 0
            for range in region {
                if pick < range.count {
                    offset = range.lowerBound + pick
                    break
                }
                pick -= range.count
            }
            let damaged = bytes[offset] ^ UInt8.random(in: 1...255, using: &random)
            try write(damaged, at: offset, to: descriptor)
            let verification = try inspector.verify()
            let role = map.role(of: offset)
            let place = "byte \(offset) (page \(offset / map.pageSize), \(role)) \(hex(bytes[offset]))->\(hex(damaged))"
            summary.flips += 1
            if verification.signaled {
                summary.crashes += 1
                summary.failures.append("flip \(flip) at \(place): verify ended by signal \(verification.status)")
            } else if verification.status == 1 && verification.firstBadPosition != nil {
                summary.detected += 1
                summary.detectedBy[category(role), default: 0] += 1
            } else if verification.status == 1 || verification.status == 2 {
                summary.reported += 1
                summary.reportedBy[category(role), default: 0] += 1
                if summary.reportedExamples.count < 5 {
                    summary.reportedExamples.append("\(place): exit \(verification.status): \(verification.reason)")
                }
                if verification.reason.isEmpty {
                    summary.failures.append("flip \(flip) at \(place): exit \(verification.status) without a message")
                }
            } else if verification.status == 0 && verification.isIntact {
                let export = try configuration.kezek.run(["export", "--data", copy], scratch: scratch)
                if export.signaled {
                    summary.crashes += 1
                    summary.failures.append("flip \(flip) at \(place): export ended by signal \(export.status)")
                } else if export.status != 0 || export.stdout != originalExport {
                    summary.failures.append("flip \(flip) at \(place): undetected, but the events changed")
                } else {
                    summary.undetected += 1
                    summary.undetectedBy[category(role), default: 0] += 1
                }
            } else {
                summary.failures.append("flip \(flip) at \(place): verify exit \(verification.status)")
            }
            try write(bytes[offset], at: offset, to: descriptor)
            if flip % 100 == 0 {
                progress(
                    "tamper: \(flip) flips: \(summary.detected) detected, \(summary.reported) reported, "
                        + "\(summary.undetected) undetected, \(summary.failures.count) failures")
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Applies a file of valid commands to a new log and writes a compacted copy of it; answers its path.
    static func buildLog(_ configuration: Configuration, scratch: String, progress: (String) -> Void) throws -> String {
        let file = try CommandFile(
            path: configuration.directory + "/commands.jsonl", count: configuration.lines, seed: configuration.seed)
        let live = configuration.directory + "/live"
        let original = configuration.directory + "/original"
        for directory in [live, original] { try? FileManager.default.removeItem(atPath: directory) }
        let applied = try configuration.kezek.run(["apply", "--data", live, file.path], scratch: scratch)
        guard applied.status == 0, !applied.signaled else {
            throw ProofError("kezek apply failed (\(applied.status)): \(applied.stderr)")
        }
        progress("tamper: \(applied.lines.count) lines applied")
        let log = try EventLog(path: live, options: EventLog.Options(readOnly: true))
        defer { try? log.close() }
        try log.backup(to: original)
        return original
    }

    private static func category(_ role: LMDBPageMap.Role) -> String {
        switch role {
        case .used(_, let page): "\(page) page, read"
        case .separatorKey: "separator key"
        case .unreadHeader: "page number or padding in the header"
        case .freeInPage: "free space inside a page"
        case .nodePadding: "node padding"
        case .overflowSlack: "after the value in an overflow page"
        case .unreached: "unreached page"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "0x" + String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    private static func write(_ byte: UInt8, at offset: Int, to descriptor: Int32) throws {
        var value = byte
        guard pwrite(descriptor, &value, 1, off_t(offset)) == 1 else { throw ProofError("cannot write the copy") }
    }
}
