import KezekProofs
import KezekTestSupport
import Testing

@Suite("single-byte flips in the records pages of a data file")
struct TamperProofTests {
    @Test("50 flips: each is detected with a position, reported, or left every event as it was")
    func fiftyFlips() throws {
        let directory = try TemporaryDirectory(prefix: "kezek-tamper")
        var configuration = Tamper.Configuration(kezek: try builtKezek(), directory: directory.path)
        configuration.seed = 50
        configuration.flips = 50
        configuration.lines = 1_000
        let summary = try Tamper.run(configuration)
        #expect(summary.failures.isEmpty, "\(summary.failures.joined(separator: "\n"))")
        #expect(summary.crashes == 0)
        #expect(summary.detected + summary.reported + summary.undetected == 50)
        #expect(summary.detected > 0)
    }
}
