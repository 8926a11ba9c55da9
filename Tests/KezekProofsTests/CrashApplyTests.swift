import KezekProofs
import KezekTestSupport
import Testing

/// The built `kezek`, next to the test bundle.
func builtKezek(sourceLocation: SourceLocation = #_sourceLocation) throws -> KezekBinary {
    try #require(KezekBinary.sibling(), "kezek is not built next to the tests", sourceLocation: sourceLocation)
}

@Suite("kezek apply killed with SIGKILL")
struct CrashApplyTests {
    @Test("after each of 20 kills the log verifies and holds every printed result")
    func twentyKills() throws {
        let directory = try TemporaryDirectory(prefix: "kezek-crash-apply")
        var configuration = CrashApply.Configuration(kezek: try builtKezek(), directory: directory.path)
        configuration.seed = 20
        configuration.kills = 20
        configuration.lines = 10_000
        configuration.killAfter = 0...100
        configuration.waitForOutputEvery = 10
        let summary = try CrashApply.run(configuration)
        #expect(summary.failures.isEmpty, "\(summary.failures.joined(separator: "\n"))")
        #expect(summary.kills + summary.runsEnded == 20)
        #expect(summary.successesPrinted > 0)
        #expect(summary.successesFound + summary.successesWithoutEvent == summary.successesPrinted)
    }
}
