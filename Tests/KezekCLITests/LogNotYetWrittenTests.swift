import Foundation
import KezekTestSupport
import LMDB
import Testing

/// A writer killed after LMDB created `data.mdb` but before the log's first commit leaves a data file with
/// no log in it. Nothing was acknowledged, so nothing is lost: the reading tools treat the directory as
/// one without a log (an empty log) instead of calling the file damaged, and the next `apply` goes on.
/// (Found by `kezek-proofs crash-apply`, whose first kill landed in that window under load.)
@Suite struct LogNotYetWrittenTests {
    /// A data directory whose `data.mdb` LMDB created and no transaction ever wrote to.
    static func unwritten() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let data = directory.appending("data")
        do {
            _ = try Environment(path: data, options: Environment.Options(mapSize: 1 << 20, maxDatabases: 8))
        }
        #expect(FileManager.default.fileExists(atPath: data + "/data.mdb"))
        return (directory, data)
    }

    @Test("audit verify and export read it as an empty log; apply then writes the log")
    func readsAsEmpty() throws {
        let (directory, data) = try Self.unwritten()
        defer { _ = directory }
        let verify = try kezek(["audit", "verify", "--data", data])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        #expect(try verify.json["position"]?.int == 0)
        let export = try kezek(["export", "--data", data])
        #expect(export.status == 0, "\(export.stdout) \(export.stderr)")
        #expect(export.stdout.isEmpty)
        let command =
            #"{"type":"registerKindergarten","at":"2026-06-18T08:00:00+05:00","id":"kg-1","name":{"kk":"Балапан","ru":"Балапан"},"locality":"751110000","languages":["kk"],"groupTypes":["general"],"capacity":30}"#
        #expect(try kezek(["apply", "--data", data], input: command).status == 0)
        #expect(try kezek(["audit", "verify", "--data", data]).json["position"]?.int == 1)
    }
}
