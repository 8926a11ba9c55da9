import Benchmark
import Kezek

/// Registers the decoding of `apply` lines: the typical mix (`TypicalCommands`), and submissions alone,
/// the heaviest common line.
func registerCommandDecodingBenchmarks() {
    let configuration = configuration(reporting: linesPerSecond)
    let workloads: [(name: String, lines: [[UInt8]])] = [
        ("command decode (apply line)", TypicalCommands.lines(count: batchSize)),
        ("command decode (submitApplication line)", TypicalCommands.submissions(count: batchSize)),
    ]
    for workload in workloads {
        let lines = workload.lines
        // The numbers mean nothing if lines are rejected.
        for line in lines {
            if case .failure(let rejection) = Command.decode(line) {
                preconditionFailure("a typical line was rejected: \(rejection)")
            }
        }
        Benchmark(workload.name, configuration: configuration) { benchmark in
            benchmark.startMeasurement()
            let perSecond = rate(of: lines.count) {
                for line in lines {
                    line.withUnsafeBytes { blackHole(Command.decode($0)) }
                }
            }
            benchmark.stopMeasurement()
            benchmark.measurement(linesPerSecond, perSecond)
        }
    }
}
