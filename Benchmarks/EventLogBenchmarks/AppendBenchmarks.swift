import Benchmark
import EventLogBenchmarkSupport

/// How much one iteration of an append benchmark appends.
///
/// Normally `scaledIterations.count` records in all, shared by the appenders, so that the built-in
/// throughput counts records. With 1,024 appenders that cannot work: a thousand records are one
/// burst (about one append per appender), a million take half a minute. Those iterations append 64
/// records per appender instead, and only the `records/s` metric counts records.
private struct AppendScenario {
    var appenders: Int
    var scaling: BenchmarkScalingFactor
    var recordsPerIteration: Int?

    func records(in benchmark: Benchmark) -> Int {
        recordsPerIteration ?? benchmark.scaledIterations.count
    }

    var configuration: Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: recordsPerIteration == nil
                ? [.wallClock, .throughput, recordsPerSecond] : [.wallClock, recordsPerSecond],
            warmupIterations: scaling == .one && recordsPerIteration == nil ? 10 : 1,
            scalingFactor: scaling,
            maxDuration: .seconds(10),
            maxIterations: 1_000
        )
    }
}

func registerAppendBenchmarks() {
    let samples = SampleRecords()
    let scenarios: [(log: AppendScenario, sqlite: AppendScenario)] = [
        (AppendScenario(appenders: 1, scaling: .one), AppendScenario(appenders: 1, scaling: .one)),
        (AppendScenario(appenders: 64, scaling: .kilo), AppendScenario(appenders: 64, scaling: .kilo)),
        (
            AppendScenario(appenders: 1_024, scaling: .one, recordsPerIteration: 64 * 1_024),
            AppendScenario(appenders: 1_024, scaling: .kilo)
        ),
    ]
    for scenario in scenarios {
        let logs = FixtureSlot<LogFixture>()
        Benchmark(
            "append durable, \(scenario.log.appenders) appenders",
            configuration: scenario.log.configuration
        ) { benchmark in
            let fixture = try logs.value
            let count = scenario.log.records(in: benchmark)
            benchmark.startMeasurement()
            let rate = try await Rate.measure(records: count) {
                try await fixture.appendConcurrently(count: count, appenders: scenario.log.appenders, samples: samples)
            }
            benchmark.stopMeasurement()
            benchmark.measurement(recordsPerSecond, Int(rate.perSecond))
        } setup: {
            logs.fill(try LogFixture())
        } teardown: {
            try logs.take()?.close()
        }

        let tables = FixtureSlot<SQLiteEventTable>()
        Benchmark(
            "GRDB append durable, \(scenario.sqlite.appenders) appenders",
            configuration: scenario.sqlite.configuration
        ) { benchmark in
            let table = try tables.value
            let count = scenario.sqlite.records(in: benchmark)
            benchmark.startMeasurement()
            let rate = try await Rate.measure(records: count) {
                try await table.appendConcurrently(count: count, appenders: scenario.sqlite.appenders, samples: samples)
            }
            benchmark.stopMeasurement()
            benchmark.measurement(recordsPerSecond, Int(rate.perSecond))
        } setup: {
            tables.fill(try SQLiteEventTable())
        } teardown: {
            try tables.take()?.close()
        }
    }
}
