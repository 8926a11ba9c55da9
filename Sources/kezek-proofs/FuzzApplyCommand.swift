import ArgumentParser
import KezekProofs

/// `kezek-proofs fuzz-apply`: bad input for `kezek apply`; no crash, one result per line, rejected lines
/// write nothing.
struct FuzzApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz-apply",
        abstract: "Feed 'kezek apply' fuzzed lines in batches and check results and log after each batch."
    )

    @OptionGroup var options: ProofOptions

    @Option(name: .long, help: "The number of lines in all.")
    var lines = 1_000_000

    @Option(name: .long, help: "The number of lines of a batch.")
    var batch = 20_000

    func run() throws {
        let summary = try options.withDirectory(prefix: "kezek-fuzz-apply") { directory in
            var configuration = FuzzApply.Configuration(kezek: try options.binary(), directory: directory)
            configuration.seed = options.seed
            configuration.lines = lines
            configuration.batch = max(1, batch)
            return try FuzzApply.run(configuration, progress: say)
        }
        try finish(summary, failed: !summary.failures.isEmpty)
    }
}
