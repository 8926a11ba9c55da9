import ArgumentParser
import KezekProofs

/// `kezek-proofs crash-apply`: SIGKILL `kezek apply` at random moments; after each kill the log verifies
/// and holds every result the killed process printed.
struct CrashApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-apply",
        abstract: "Kill 'kezek apply' with SIGKILL at random moments and check the log after each kill."
    )

    @OptionGroup var options: ProofOptions

    @Option(name: .long, help: "The number of kills.")
    var kills = 200

    @Option(name: .long, help: "The number of lines of the command file.")
    var lines = 1_000_000

    @Option(name: .long, help: "The longest time a run lives before it is killed, in milliseconds.")
    var maximumDelay = 800

    @Option(name: .long, help: "Every this many kills (0: none), wait for the run's first printed results first.")
    var waitForOutputEvery = 4

    func run() throws {
        let summary = try options.withDirectory(prefix: "kezek-crash-apply") { directory in
            var configuration = CrashApply.Configuration(kezek: try options.binary(), directory: directory)
            configuration.seed = options.seed
            configuration.kills = kills
            configuration.lines = lines
            configuration.killAfter = 0...max(0, maximumDelay)
            configuration.waitForOutputEvery = max(0, waitForOutputEvery)
            return try CrashApply.run(configuration, progress: say)
        }
        try finish(summary, failed: !summary.failures.isEmpty)
    }
}
