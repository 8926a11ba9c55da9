import ArgumentParser
import KezekProofs

/// `kezek-proofs full-disk`: a data directory on a size-limited tmpfs that fills up.
struct FullDiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "full-disk",
        abstract: "Fill a size-limited tmpfs (needs root) with a log, then with 'kezek apply', and check both.",
        discussion: "Prints {\"skipped\": REASON} and exits 0 when it cannot mount (not root, no tmpfs)."
    )

    @OptionGroup var options: ProofOptions

    @Option(name: .long, help: "The file system's size in MiB.")
    var megabytes = 8

    @Option(name: .long, help: "The number of command lines (more than fit).")
    var lines = 200_000

    func run() throws {
        let summary = try options.withDirectory(prefix: "kezek-full-disk") { directory in
            var configuration = FullDisk.Configuration(kezek: try options.binary(), directory: directory)
            configuration.seed = options.seed
            configuration.size = max(1, megabytes) << 20
            configuration.lines = lines
            return try FullDisk.run(configuration, progress: say)
        }
        if let skipped = summary.skipped { say("full-disk: skipped: \(skipped)") }
        try finish(summary, failed: !summary.failures.isEmpty)
    }
}
