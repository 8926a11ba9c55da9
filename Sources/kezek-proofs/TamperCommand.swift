import ArgumentParser
import KezekProofs

/// `kezek-proofs tamper`: single-byte flips in the event region of a compacted data file; each is detected,
/// reported, or provably left every event as it was.
struct TamperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tamper",
        abstract: "Flip single bytes in the records pages of a data file and run 'kezek audit verify' on each copy."
    )

    @OptionGroup var options: ProofOptions

    @Option(name: .long, help: "The number of flips.")
    var flips = 1_000

    @Option(name: .long, help: "The number of command lines that build the log.")
    var lines = 20_000

    func run() throws {
        let summary = try options.withDirectory(prefix: "kezek-tamper") { directory in
            var configuration = Tamper.Configuration(kezek: try options.binary(), directory: directory)
            configuration.seed = options.seed
            configuration.flips = flips
            configuration.lines = lines
            return try Tamper.run(configuration, progress: say)
        }
        try finish(summary, failed: !summary.failures.isEmpty)
    }
}
