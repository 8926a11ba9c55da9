import KezekProofs
import KezekTestSupport
import Testing

@Suite("a data directory on a file system that fills up")
struct FullDiskTests {
    @Test("kezek apply stops with a clear error, the log verifies and keeps every printed result")
    func fullTmpfs() throws {
        let directory = try TemporaryDirectory(prefix: "kezek-full-disk")
        var configuration = FullDisk.Configuration(kezek: try builtKezek(), directory: directory.path)
        configuration.size = 256 << 10
        configuration.lines = 2_500
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

@Suite("regressions found by the proofs")
struct ProofRegressionTests {
    /// LMDB 0.9 answers a short write of its pages (the file system filled in the middle of a commit) with
    /// EIO, which said nothing about the disk; the log now reports ENOSPC when the file system is full.
    @Test("a commit cut short by a full file system is reported as ENOSPC, not EIO")
    func shortWriteOnAFullFileSystemIsENOSPC() throws {
        let directory = try TemporaryDirectory(prefix: "kezek-short-write")
        var configuration = FullDisk.Configuration(kezek: try builtKezek(), directory: directory.path)
        configuration.size = 1 << 20
        configuration.withApply = false
        let summary = try FullDisk.run(configuration)
        if let skipped = summary.skipped {
            print("short-write regression skipped: \(skipped)")
            return
        }
        #expect(summary.logError.contains("ENOSPC"), "\(summary.logError)")
        #expect(summary.failures.isEmpty, "\(summary.failures.joined(separator: "\n"))")
        #expect(summary.logAppendsAcknowledged > 0)
    }
}
