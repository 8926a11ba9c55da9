import KezekProofs
import KezekTestSupport
import Testing

@Suite("a data directory on a file system that fills up")
struct FullDiskTests {
    @Test("kezek apply stops with a clear error, the log verifies and keeps every printed result")
    func fullTmpfs() throws {
        let directory = try TemporaryDirectory(prefix: "kezek-full-disk")
        var configuration = FullDisk.Configuration(kezek: try builtKezek(), directory: directory.path)
        configuration.size = 2 << 20
        configuration.lines = 30_000
        let summary = try FullDisk.run(configuration)
        if let skipped = summary.skipped {
            print("full-disk proof skipped: \(skipped)")
            return
        }
        #expect(summary.failures.isEmpty, "\(summary.failures.joined(separator: "\n"))")
        #expect(summary.applyStatus == 2)
        #expect(summary.resultsPrinted > 0)
        #expect(summary.positionAfterGrowing > summary.positionWhenFull)
    }
}
