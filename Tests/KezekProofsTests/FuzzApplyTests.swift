import KezekProofs
import KezekTestSupport
import Testing

@Suite("kezek apply on bad input")
struct FuzzApplyTests {
    @Test("12,000 fuzzed lines: no crash, one result per line, rejected lines write nothing")
    func twentyThousandLines() throws {
        let directory = try TemporaryDirectory(prefix: "kezek-fuzz-apply")
        var configuration = FuzzApply.Configuration(kezek: try builtKezek(), directory: directory.path)
        configuration.seed = 20
        configuration.lines = 12_000
        configuration.batch = 4_000
        let summary = try FuzzApply.run(configuration)
        #expect(summary.failures.isEmpty, "\(summary.failures.joined(separator: "\n"))")
        #expect(summary.lines == 12_000)
        #expect(summary.accepted > 0)
        #expect(summary.rejectOnlyBatches >= 1)
    }
}
