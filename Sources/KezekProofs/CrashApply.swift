import Foundation
import Kezek
import KezekTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The crash proof of `kezek apply`: runs it on a large file of valid commands, kills it with `SIGKILL` at a
/// random moment, checks the log (``DurabilityCheck``), and runs it again from the first line whose result
/// it had not printed, on the same growing log.
///
/// Restarting there means that a line whose events became durable without its result being printed is
/// applied a second time: it is then rejected (a duplicate), which the check allows, since only printed
/// successes are promised.
public struct CrashApply {
    /// What to run.
    public struct Configuration: Sendable {
        /// The tool.
        public var kezek: KezekBinary
        /// A directory for the command file, the data directory and the tool's output.
        public var directory: String
        /// The seed of the commands and the kill moments.
        public var seed: UInt64 = 1
        /// How many kills.
        public var kills = 200
        /// How many lines the command file has.
        public var lines = 1_000_000
        /// How long after its start a run is killed, in milliseconds.
        public var killAfter: ClosedRange<Int> = 0...800
        /// Every this many kills (0: none), the run is first left to print its first success (the tool
        /// writes results out in blocks of 64 KiB; the first blocks of a run may hold only rejections of
        /// lines an earlier run made durable without printing), then killed after a random time.
        public var waitForOutputEvery = 4

        /// A configuration with the defaults of a long run.
        public init(kezek: KezekBinary, directory: String) {
            self.kezek = kezek
            self.directory = directory
        }
    }

    /// The figures of a run.
    public struct Summary: Codable, Sendable {
        /// The runs killed with `SIGKILL`.
        public var kills = 0
        /// The runs that ended by themselves (the input was used up) instead.
        public var runsEnded = 0
        /// The lines of the command file.
        public var inputLines = 0
        /// The result lines the killed runs printed.
        public var resultsPrinted = 0
        /// The printed `{"ok": true}` results, each checked against the log.
        public var successesPrinted = 0
        /// The printed successes whose event was found in the log.
        public var successesFound = 0
        /// The printed successes with no event to look for (a `tick` with nothing due).
        public var successesWithoutEvent = 0
        /// The printed rejections (mostly lines applied twice across a kill).
        public var rejectionsPrinted = 0
        /// Lines whose events were durable while their result had not been printed at the kill.
        public var durableButNotPrinted = 0
        /// Kills that waited for the run's first printed success.
        public var killsAfterOutput = 0
        /// Runs killed before they printed anything.
        public var killsBeforeAnyResult = 0
        /// The log's head at the end.
        public var position: UInt64 = 0
        /// Seconds taken.
        public var seconds = 0.0
        /// What went wrong, naming the kill; empty when every check held.
        public var failures: [String] = []
    }

    /// Runs the proof; `progress` hears one line per kill. Stops at the first failing kill.
    @available(*, noasync, message: "waits for child processes")
    public static func run(_ configuration: Configuration, progress: (String) -> Void = { _ in }) throws -> Summary {
        let started = Date()
        var summary = Summary()
        let file = try CommandFile(
            path: configuration.directory + "/commands.jsonl", count: configuration.lines, seed: configuration.seed)
        summary.inputLines = file.count
        progress("crash-apply: \(file.count) lines written to \(file.path)")
        let scratch = configuration.directory + "/run"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let data = configuration.directory + "/data"
        var check = DurabilityCheck(
            file: file, inspector: LogInspector(kezek: configuration.kezek, data: data, scratch: scratch))
        var random = SeededGenerator(seed: configuration.seed ^ 0x6B69_6C6C)
        var next = 0
        for number in 1...max(1, configuration.kills) {
            guard next < file.count else {
                progress("crash-apply: the input is used up after \(number - 1) kills")
                break
            }
            let child = try configuration.kezek.start(
                ["apply", "--data", data, "-"], input: file.path, offset: file.offsets[next], scratch: scratch)
            let delay = Int.random(in: configuration.killAfter, using: &random)
            let waits = configuration.waitForOutputEvery > 0 && number % configuration.waitForOutputEvery == 0
            if waits {
                summary.killsAfterOutput += 1
                let deadline = Date().addingTimeInterval(60)
                while child.isRunning && !child.hasPrintedSuccess && Date() < deadline { usleep(2_000) }
                usleep(UInt32(delay) * 250)
            } else {
                usleep(UInt32(delay) * 1000)
            }
            child.kill()
            let run = child.wait()
            var failures: [String] = []
            if run.signaled && run.status == SIGKILL {
                summary.kills += 1
            } else if !run.signaled && run.status == 0 {
                summary.runsEnded += 1
            } else {
                failures.append("kezek apply ended with status \(run.status): \(run.stderr)")
            }
            var printed: [DurabilityCheck.Printed] = []
            for (offset, line) in run.lines.enumerated() {
                guard let result = try? JSONValue.parse(Array(line)) else {
                    failures.append("unreadable result line \(String(decoding: line, as: UTF8.self))")
                    continue
                }
                printed.append((next + offset, result))
                if result["ok"] == .bool(true) { summary.successesPrinted += 1 } else { summary.rejectionsPrinted += 1 }
            }
            summary.resultsPrinted += printed.count
            if printed.isEmpty { summary.killsBeforeAnyResult += 1 }
            next += printed.count
            failures += try check.check(after: printed)
            summary.failures += failures.map { "kill \(number): \($0)" }
            progress(
                "crash-apply: kill \(number) \(waits ? "\(delay / 4) ms after the first success" : "after \(delay) ms"): "
                    + "\(printed.count) results printed, "
                    + "next line \(next + 1), log at \(check.position)\(failures.isEmpty ? "" : ", FAILED")")
            if !failures.isEmpty { break }
        }
        summary.successesFound = check.successesFound
        summary.successesWithoutEvent = check.successesWithoutEvent
        summary.durableButNotPrinted = check.durableButNotPrinted
        summary.position = check.position
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
