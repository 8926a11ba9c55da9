import Benchmark
import Kezek

/// The national round without sibling priority, drawn once.
let nationalRound = NationalRound(seed: 2026)
/// The national round with 5 % of applicants having a sibling at a kindergarten they rank.
let nationalRoundWithSiblings = NationalRound(seed: 2026, siblings: 5)
/// The applicants of ``nationalRound`` as a table, made once.
let nationalApplicants = Allocation.Applicants(nationalRound.candidates)
/// The applicants of ``nationalRoundWithSiblings`` as a table, made once.
let nationalApplicantsWithSiblings = Allocation.Applicants(nationalRoundWithSiblings.candidates)

/// Registers the allocation of a national round (``NationalRound``): preparing the round from its
/// applicants table and allocating its seats, by serial dictatorship and, with sibling priority, by
/// deferred acceptance; then what the tick does around it: building the applicants table and the
/// digest of the round's inputs.
func registerAllocationBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(20),
        maxIterations: 25
    )

    Benchmark("allocation national round (serial dictatorship)", configuration: configuration) { benchmark in
        let applicants = nationalApplicants
        benchmark.startMeasurement()
        let result = Allocation.Round(bulletins: nationalRound.bulletins, applicants: applicants).allocate()
        benchmark.stopMeasurement()
        precondition(result.algorithm == .serialDictatorship)
        blackHole(result)
    }

    Benchmark("allocation national round (deferred acceptance, 5% siblings)", configuration: configuration) {
        benchmark in
        let applicants = nationalApplicantsWithSiblings
        benchmark.startMeasurement()
        let result = Allocation.Round(
            bulletins: nationalRoundWithSiblings.bulletins, applicants: applicants, siblingPriority: true
        ).allocate()
        benchmark.stopMeasurement()
        precondition(result.algorithm == .deferredAcceptance)
        blackHole(result)
    }

    Benchmark("allocation national round applicants table", configuration: configuration) { benchmark in
        let round = nationalRound
        benchmark.startMeasurement()
        let applicants = Allocation.Applicants(round.candidates)
        benchmark.stopMeasurement()
        blackHole(applicants)
    }

    Benchmark("allocation national round input digest", configuration: configuration) { benchmark in
        let round = Allocation.Round(
            bulletins: nationalRoundWithSiblings.bulletins, applicants: nationalApplicantsWithSiblings,
            siblingPriority: true)
        benchmark.startMeasurement()
        let digest = round.inputDigest(policy: Policy.v2024SiblingPriority.version)
        benchmark.stopMeasurement()
        blackHole(digest)
    }
}
