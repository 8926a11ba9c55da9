import ArgumentParser

/// The engine's benchmarks at national scale, each printing a JSON report on stdout and progress on
/// stderr; comparisons with the alternative a user would pick run in the same process, moments apart.
///
///     KEZEK_BENCHMARKS=1 swift build -c release --scratch-path .build-bench --product kezek-bench-engine
///     .build-bench/release/kezek-bench-engine queue-lookup
///     .build-bench/release/kezek-bench-engine replay --data /tmp/kezek-national --events 10000000
///     .build-bench/release/kezek-bench-engine apply --commands 1000000
@main
struct KezekBenchEngine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kezek-bench-engine",
        abstract: "Benchmarks of the engine at national scale: queue numbers, apply, replay, checkpoints, memory.",
        subcommands: [QueueLookupBenchmark.self, ReplayBenchmark.self, ApplyBenchmark.self]
    )
}
