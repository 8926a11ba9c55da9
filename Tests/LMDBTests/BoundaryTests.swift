import Foundation
import Testing

/// Checks of the source tree that keep the C library behind one module and one error choke point.
@Suite struct BoundaryTests {
    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    private static func swiftFiles() throws -> [(path: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map {
            ($0, try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test func onlyTheLMDBModuleImportsTheCLibrary() throws {
        let files = try Self.swiftFiles()
        #expect(files.count > 10)
        for file in files where file.text.contains("import CLMDB") {
            #expect(file.path.hasPrefix("LMDB/"), "\(file.path) imports CLMDB")
        }
        for file in files where !file.path.hasPrefix("LMDB/") {
            for line in file.text.split(separator: "\n")
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let call = line.range(of: #"\bmdb_[a-z_0-9]+\("#, options: .regularExpression)
                #expect(call == nil, "\(file.path) calls LMDB's C API: \(line)")
            }
        }
    }

    /// The domain is pure: it imports nothing (no Foundation, so no clock, no random source, no I/O),
    /// and the projections import only the domain. The one exception is the records' storage, which
    /// takes its memory from the C library (`malloc`, `realloc`, `free`) and nothing else from it.
    @Test func theDomainAndTheProjectionsArePure() throws {
        let storage = "Kezek/DenseStorage.swift"
        for file in try Self.swiftFiles() where file.path.hasPrefix("Kezek/") || file.path.hasPrefix("Projections/") {
            let imports = file.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter {
                    $0.range(of: #"^(@\w+ )?((public|internal|package) )?import "#, options: .regularExpression) != nil
                }
            let allowed: [String]
            if file.path.hasPrefix("Projections/") {
                allowed = ["import Kezek", "public import Kezek"]
            } else if file.path == storage {
                allowed = ["import Glibc", "import Darwin"]
                let calls = file.text.matches(of: #/\b([a-z_]+)\(/#).map { String($0.output.1) }
                let libc = Set(calls).intersection(["time", "clock_gettime", "rand", "random", "open", "read", "write"])
                #expect(libc.isEmpty, "the storage calls \(libc.sorted())")
            } else {
                allowed = []
            }
            for line in imports {
                #expect(allowed.contains(line), "\(file.path): \(line)")
            }
        }
    }

    /// Every LMDB call that returns a code hands it to `check`, directly or through `rc`.
    @Test func everyReturnCodeGoesThroughCheck() throws {
        let voidCalls = ["mdb_cursor_close(", "mdb_env_close(", "mdb_txn_abort(", "mdb_strerror("]
        for file in try Self.swiftFiles() where file.path.hasPrefix("LMDB/") {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (number, line) in lines.enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//"), code.contains("mdb_"), code.contains("(") else { continue }
                guard code.range(of: #"\bmdb_[a-z_0-9]+\("#, options: .regularExpression) != nil else { continue }
                if code.contains("check(") || voidCalls.contains(where: code.contains) { continue }
                let assignsCode = code.hasPrefix("let rc = mdb_")
                let following = lines[(number + 1)..<min(lines.count, number + 12)].joined(separator: "\n")
                #expect(
                    assignsCode && following.contains("check(rc"),
                    "\(file.path):\(number + 1) calls LMDB without check: \(code)"
                )
            }
        }
    }
}
