import Benchmark
import EventLog
import EventLogBenchmarkSupport

/// The read benchmarks walk a log of exactly one million records per iteration (the `.mega` scaling
/// factor), so the built-in throughput counts records.
func registerReadBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, recordsPerSecond],
        warmupIterations: 1,
        scalingFactor: .mega,
        maxDuration: .seconds(10),
        maxIterations: 20
    )

    let readLogs = FixtureSlot<LogFixture>()
    Benchmark("read sequential", configuration: configuration) { benchmark in
        let fixture = try readLogs.value
        let expected = benchmark.scaledIterations.count
        benchmark.startMeasurement()
        var result: (records: UInt64, checksum: Int) = (0, 0)
        let rate = try await Rate.measure(records: expected) { result = try fixture.readAll() }
        benchmark.stopMeasurement()
        blackHole(result.checksum)
        guard result.records == UInt64(expected) else {
            throw WorkloadFailure("read \(result.records) records, not \(expected)")
        }
        benchmark.measurement(recordsPerSecond, Int(rate.perSecond))
    } setup: {
        readLogs.fill(
            try await LogFixture.bulkLoaded(records: BenchmarkScalingFactor.mega.rawValue, samples: SampleRecords()))
    } teardown: {
        try readLogs.take()?.close()
    }

    let verifyLogs = FixtureSlot<LogFixture>()
    Benchmark("verify", configuration: configuration) { benchmark in
        let fixture = try verifyLogs.value
        let expected = benchmark.scaledIterations.count
        benchmark.startMeasurement()
        var report: VerificationReport?
        let rate = await Rate.measure(records: expected) { report = fixture.log.verify() }
        benchmark.stopMeasurement()
        guard let report, report.isIntact, report.recordsChecked == UInt64(expected) else {
            throw WorkloadFailure("verify did not check \(expected) intact records: \(String(describing: report))")
        }
        benchmark.measurement(recordsPerSecond, Int(rate.perSecond))
    } setup: {
        verifyLogs.fill(
            try await LogFixture.bulkLoaded(records: BenchmarkScalingFactor.mega.rawValue, samples: SampleRecords()))
    } teardown: {
        try verifyLogs.take()?.close()
    }
}
