import Foundation
import Kezek
import KezekTestSupport

/// The bad-input proof: feeds `kezek apply` batches of ``FuzzLines`` and checks that it does not crash,
/// prints exactly one result per line, and that rejected lines write nothing: after every batch the log
/// verifies, each new event's time is the `at` of a line that was accepted, and a batch of lines that are
/// all bad by construction leaves the head, its hash and the replay digest as they were.
public struct FuzzApply {
    /// What to run.
    public struct Configuration: Sendable {
        /// The tool.
        public var kezek: KezekBinary
        /// A directory for the batches, the data directory and the tool's output.
        public var directory: String
        /// The seed of the lines.
        public var seed: UInt64 = 1
        /// How many lines in all.
        public var lines = 1_000_000
        /// How many lines a batch has.
        public var batch = 20_000

        /// A configuration with the defaults of a long run.
        public init(kezek: KezekBinary, directory: String) {
            self.kezek = kezek
            self.directory = directory
        }
    }

    /// The figures of a run.
    public struct Summary: Codable, Sendable {
        /// Lines fed.
        public var lines = 0
        /// Bytes fed.
        public var bytes = 0
        /// Batches run.
        public var batches = 0
        /// Batches of bad lines only, whose head, hash and replay digest were compared.
        public var rejectOnlyBatches = 0
        /// Lines accepted (`{"ok": true}`).
        public var accepted = 0
        /// Lines rejected, by error code.
        public var rejectedBy: [String: Int] = [:]
        /// Lines fed, by kind.
        public var linesBy: [String: Int] = [:]
        /// Events written.
        public var events: UInt64 = 0
        /// Lines per second of `kezek apply` (its own running time only).
        public var linesPerSecond = 0.0
        /// Seconds taken in all.
        public var seconds = 0.0
        /// What went wrong.
        public var failures: [String] = []
    }

    /// Runs the proof; `progress` hears one line per batch. Stops at the first failing batch.
    @available(*, noasync, message: "waits for child processes")
    public static func run(_ configuration: Configuration, progress: (String) -> Void = { _ in }) throws -> Summary {
        let started = Date()
        var summary = Summary()
        let scratch = configuration.directory + "/run"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let data = configuration.directory + "/data"
        let input = configuration.directory + "/batch.jsonl"
        let inspector = LogInspector(kezek: configuration.kezek, data: data, scratch: scratch)
        var lines = FuzzLines(seed: configuration.seed)
        var head = (position: UInt64(0), hash: "")
        var applySeconds = 0.0
        var number = 0
        while summary.lines < configuration.lines && summary.failures.isEmpty {
            number += 1
            // Every third batch is bad lines only.
            let onlyBad = number % 3 == 0
            let count = min(configuration.batch, configuration.lines - summary.lines)
            var batch: [[UInt8]] = []
            var text: [UInt8] = []
            for _ in 0..<count {
                let (bytes, kind) = lines.next(onlyBad: onlyBad)
                summary.linesBy[kind.rawValue, default: 0] += 1
                batch.append(bytes)
                text += bytes
                text.append(UInt8(ascii: "\n"))
            }
            try Data(text).write(to: URL(fileURLWithPath: input))
            let digestBefore = onlyBad && head.position > 0 ? try inspector.replay().digest : nil
            let applyStarted = Date()
            let run = try configuration.kezek.run(["apply", "--data", data, input], scratch: scratch)
            applySeconds += Date().timeIntervalSince(applyStarted)
            summary.lines += count
            summary.bytes += text.count
            summary.batches += 1
            var failures: [String] = []
            if run.signaled || run.status != 0 {
                failures.append(
                    "kezek apply ended with \(run.signaled ? "signal" : "status") \(run.status): \(run.stderr)")
            }
            let results = run.lines
            if results.count != count {
                failures.append("\(count) lines in, \(results.count) results out")
            }
            var acceptedTimes = Set<Int64>()
            for (index, line) in results.enumerated() where index < batch.count {
                guard let result = try? JSONValue.parse(Array(line)), let ok = result["ok"] else {
                    failures.append(
                        "line \(index + 1): unreadable result \(String(decoding: line.prefix(200), as: UTF8.self))")
                    continue
                }
                if ok == .bool(true) {
                    let time = (try? JSONValue.parse(batch[index]))?["at"]?.text.flatMap(Timestamp.init)
                    summary.accepted += 1
                    guard let time else {
                        failures.append("line \(index + 1): accepted without a readable time")
                        continue
                    }
                    acceptedTimes.insert(time.millisecondsSinceEpoch)
                    if onlyBad { failures.append("line \(index + 1) of a bad-only batch was accepted") }
                } else if let code = result["error"]?["code"]?.text, result["error"]?["message"]?.text != nil {
                    summary.rejectedBy[code, default: 0] += 1
                } else {
                    failures.append("line \(index + 1): a result without ok or error: \(result)")
                }
            }
            let verification = try inspector.verify()
            if !verification.isIntact || verification.signaled || verification.status != 0 {
                failures.append("audit verify: \(verification.status): \(verification.reason)")
            } else {
                let events = try inspector.events(from: head.position + 1)
                for event in events {
                    let time = event.time.millisecondsSinceEpoch
                    if !acceptedTimes.contains(time) {
                        failures.append(
                            "event \(event.position) (\(event.type)) at \(event.time) is from no accepted line")
                        break
                    }
                }
                if acceptedTimes.isEmpty && (verification.position != head.position || verification.hash != head.hash) {
                    failures.append("a batch without an accepted line moved the head to \(verification.position)")
                }
                if let digestBefore {
                    summary.rejectOnlyBatches += 1
                    let digestAfter = try inspector.replay().digest
                    if digestAfter != digestBefore {
                        failures.append("replay digest \(digestBefore) -> \(digestAfter)")
                    }
                }
                head = (verification.position, verification.hash)
            }
            summary.failures += failures.prefix(20).map { "batch \(number): \($0)" }
            progress(
                "fuzz-apply: batch \(number)\(onlyBad ? " (bad only)" : ""): \(summary.lines) lines, "
                    + "\(summary.accepted) accepted, log at \(head.position)\(failures.isEmpty ? "" : ", FAILED")")
        }
        summary.events = head.position
        summary.linesPerSecond = Double(summary.lines) / max(applySeconds, 0.001)
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
