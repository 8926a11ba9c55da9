import ArgumentParser
import Foundation
import KezekTestSupport

/// `crash-loop`: the long crash test, as a script.
struct CrashLoopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-loop",
        abstract: "Start 'append', SIGKILL it at a random moment, check the log, and again; print a JSON summary.",
        discussion: """
            Exits with status 1 at the first kill after which the log does not verify, holds a partial \
            batch, or misses a batch the killed process acknowledged.
            """
    )

    @Option(name: .long, help: "The number of kills.")
    var kills: Int = 500

    @Option(name: .long, help: "The seed of the kill times and of the children's batches.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "The log's directory; a temporary one when omitted.")
    var data: String?

    @Option(name: .long, help: "The shortest time a child appends before it is killed, in milliseconds.")
    var minimumRunTime: Int = 5

    @Option(name: .long, help: "The longest time a child appends before it is killed, in milliseconds.")
    var maximumRunTime: Int = 300

    @Option(name: .long, help: "The most concurrent writers of a child.")
    var writers: Int = 4

    func validate() throws {
        guard kills >= 1 else { throw ValidationError("--kills must be at least 1") }
        guard 0 <= minimumRunTime, minimumRunTime <= maximumRunTime else {
            throw ValidationError("the run times must satisfy 0 <= minimum <= maximum")
        }
        guard writers >= 1 else { throw ValidationError("--writers must be at least 1") }
    }

    func run() throws {
        let temporary = data == nil ? try TemporaryDirectory(prefix: "kezek-crash-loop") : nil
        let directory = data ?? temporary!.appending("log")
        let configuration = CrashHarness.Configuration(
            executable: CrashHarness.siblingExecutable(named: "kezek-log-torture") ?? CommandLine.arguments[0],
            directory: directory,
            seed: seed,
            runTime: minimumRunTime...maximumRunTime,
            writers: 1...writers
        )
        var harness = CrashHarness(configuration: configuration)
        let start = ContinuousClock.now
        var summary = harness.run(kills: kills) { report in
            FileHandle.standardError.write(Data((report.description + "\n").utf8))
        }
        summary.failures = Array(summary.failures.prefix(CrashAudit.failureLimit))
        let output = Output(summary: summary, seed: seed, seconds: (ContinuousClock.now - start) / .seconds(1))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        FileHandle.standardOutput.write(try encoder.encode(output) + Data("\n".utf8))
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }

    private struct Output: Encodable {
        var summary: CrashSummary
        var seed: UInt64
        var seconds: Double

        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(seed, forKey: .seed)
            try container.encode((seconds * 10).rounded() / 10, forKey: .seconds)
        }

        private enum Key: String, CodingKey {
            case seed, seconds
        }
    }
}
