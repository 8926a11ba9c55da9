import Benchmark

/// The domain's hot paths: the binary event codec (a typical mix of events, both directions and each
/// alone), the decoding of `apply` lines into commands, and the allocation of a national round.
///
/// Each iteration handles `scaledIterations.count` events or lines, so the built-in throughput counts
/// thousands of them; `events/s` and `lines/s` (larger is better) give the rate itself.
let benchmarks: @Sendable () -> Void = {
    registerEventCodecBenchmarks()
    registerCommandDecodingBenchmarks()
    registerAllocationBenchmarks()
}

/// Events per second over the measured part of one iteration.
let eventsPerSecond = BenchmarkMetric.custom("events/s", polarity: .prefersLarger, useScalingFactor: false)

/// `apply` lines per second over the measured part of one iteration.
let linesPerSecond = BenchmarkMetric.custom("lines/s", polarity: .prefersLarger, useScalingFactor: false)

/// How many events or lines one iteration handles (the `.kilo` scaling factor).
let batchSize = BenchmarkScalingFactor.kilo.rawValue

/// The configuration of the domain benchmarks, reporting `rate` (`eventsPerSecond` or `linesPerSecond`)
/// next to the built-in metrics.
func configuration(reporting rate: BenchmarkMetric) -> Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, rate],
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )
}

/// Runs `body` and returns how many `count` per second it managed.
func rate(of count: Int, _ body: () throws -> Void) rethrows -> Int {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let (seconds, attoseconds) = start.duration(to: clock.now).components
    let elapsed = Double(seconds) + Double(attoseconds) * 1e-18
    return elapsed > 0 ? Int((Double(count) / elapsed).rounded()) : 0
}
