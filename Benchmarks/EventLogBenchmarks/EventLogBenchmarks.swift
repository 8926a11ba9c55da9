import Benchmark

/// The event log's benchmarks: durable appends from 1, 64 and 1,024 concurrent appenders on the log
/// and on SQLite through GRDB, then a sequential read and a verification of a million-record log.
///
/// Every benchmark reports `records/s` (a custom metric, larger is better) next to the built-in
/// throughput, whose unit is one record because each iteration does `scaledIterations.count` records.
/// They run one after another, minutes apart, so compare the log with SQLite with
/// `kezek-bench-compare`, which measures both in the same rounds.
///
///     KEZEK_BENCHMARKS=1 swift package --scratch-path .build-bench benchmark --target EventLogBenchmarks
let benchmarks: @Sendable () -> Void = {
    registerAppendBenchmarks()
    registerReadBenchmarks()
}

/// Records per second over the measured part of one iteration.
let recordsPerSecond = BenchmarkMetric.custom("records/s", polarity: .prefersLarger, useScalingFactor: false)
