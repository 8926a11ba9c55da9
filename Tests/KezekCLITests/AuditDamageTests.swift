import Foundation
import Kezek
import KezekTestSupport
import Testing

@Suite("kezek audit verify on damaged data files")
struct AuditDamageTests {
    /// A compacted copy (every page in use) of a log of 300 kindergartens: a records tree with a branch
    /// page, leaf pages, named databases and the engine checkpoint.
    struct DamagedCopy {
        let directory: TemporaryDirectory
        let pristine: Data
        let pageSize: Int

        var data: String { directory.appending("copy") }
        var file: URL { URL(fileURLWithPath: data).appendingPathComponent("data.mdb") }

        init() throws {
            let directory = try TemporaryDirectory()
            let data = directory.appending("copy")
            let commands = (1...300).map { index in
                #"{"type":"registerKindergarten","at":"2026-06-18T08:00:00+05:00","id":"kg-\#(index)","name":{"kk":"Балапан \#(index)","ru":"Балапан \#(index)"},"locality":"751110000","languages":["kk","ru"],"groupTypes":["general"],"capacity":30}"#
            }
            let live = directory.appending("live")
            try #require(kezek(["apply", "--data", live], input: commands.joined(separator: "\n")).status == 0)
            try #require(kezek(["backup", "--data", live, "--to", data]).status == 0)
            self.directory = directory
            pristine = try Data(contentsOf: URL(fileURLWithPath: data).appendingPathComponent("data.mdb"))
            pageSize = Int(pristine.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 40, as: UInt32.self) })
        }

        /// The numbers of the pages whose flags (at byte 10) are `flags`.
        func pages(flagged flags: UInt16) -> [Int] {
            (2..<pristine.count / pageSize).filter { page in
                pristine.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: page * pageSize + 10, as: UInt16.self) }
                    == flags
            }
        }

        /// Writes the pristine file with `change` applied, runs `audit verify` and returns its answer.
        func verify(after change: (inout Data) -> Void) throws -> KezekRun {
            var bytes = pristine
            change(&bytes)
            try bytes.write(to: file)
            return try kezek(["audit", "verify", "--data", data])
        }
    }

    static func write<T: FixedWidthInteger>(_ value: T, at offset: Int, in bytes: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + $0.count, with: $0) }
    }

    @Test("the intact copy verifies")
    func intact() throws {
        let copy = try DamagedCopy()
        let run = try copy.verify { _ in }
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        #expect(try run.json["position"]?.int == 300)
        #expect(!copy.pages(flagged: 1).isEmpty, "the copy has a branch page")
    }

    @Test("damaged meta pages, page headers, branch pages, node offsets and a short file are reported, never a crash")
    func damagedPages() throws {
        let copy = try DamagedCopy()
        let size = copy.pageSize
        let branch = try #require(copy.pages(flagged: 1).first)
        let leaf = try #require(copy.pages(flagged: 2).last)
        let cases: [(String, (inout Data) -> Void)] = [
            ("meta page 0's magic", { Self.write(UInt32(0xDEAD_BEEF), at: 16, in: &$0) }),
            (
                "both meta pages' last page",
                {
                    Self.write(UInt64(1 << 40), at: 136, in: &$0)
                    Self.write(UInt64(1 << 40), at: size + 136, in: &$0)
                }
            ),
            ("meta page 1's page size", { Self.write(UInt32(8192), at: size + 40, in: &$0) }),
            (
                "a branch page's child pointer",
                { Self.write(UInt16(0xFFFF), at: Self.firstNode(branch, size, $0) + 2, in: &$0) }
            ),
            ("a branch page's flags", { Self.write(UInt16(2), at: branch * size + 10, in: &$0) }),
            ("a branch page's number", { Self.write(UInt64(7), at: branch * size, in: &$0) }),
            ("a leaf page's bounds", { Self.write(UInt16(size + 8), at: leaf * size + 14, in: &$0) }),
            ("a leaf node's offset", { Self.write(UInt16(size - 2), at: leaf * size + 16, in: &$0) }),
            ("a leaf node's key size", { Self.write(UInt16(0xFFF0), at: Self.firstNode(leaf, size, $0) + 6, in: &$0) }),
            (
                "a named database's flags",
                {
                    let node = Self.firstNode(Self.mainRoot(size, $0), size, $0)
                    let keySize = $0.withUnsafeBytes {
                        Int($0.loadUnaligned(fromByteOffset: node + 6, as: UInt16.self))
                    }
                    Self.write(UInt16(0x04), at: node + 8 + keySize + 4, in: &$0)
                }
            ),
            ("the file cut in half", { $0 = $0.prefix(($0.count / size / 2) * size) }),
            ("zeroed pages", { $0.resetBytes(in: 2 * size..<min($0.count, 6 * size)) }),
        ]
        for (name, change) in cases {
            let run = try copy.verify(after: change)
            #expect(run.status == 1, "\(name): exit \(run.status), \(run.stdout) \(run.stderr)")
            let json = try run.json
            #expect(json["ok"] == .bool(false), "\(name)")
            #expect(json["code"] == "damagedFile", "\(name): \(json)")
            #expect(json["reason"]?.string?.contains("damaged") == true, "\(name): \(json)")
        }
    }

    /// The root page of the main database (which holds the named databases), from the newest meta page.
    static func mainRoot(_ size: Int, _ bytes: Data) -> Int {
        bytes.withUnsafeBytes { file in
            let newest =
                file.loadUnaligned(fromByteOffset: 144, as: UInt64.self)
                    < file.loadUnaligned(fromByteOffset: size + 144, as: UInt64.self) ? 1 : 0
            return Int(file.loadUnaligned(fromByteOffset: newest * size + 88 + 40, as: UInt64.self))
        }
    }

    /// The byte offset in the file of the first node of `page`.
    static func firstNode(_ page: Int, _ size: Int, _ bytes: Data) -> Int {
        let offset = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: page * size + 16, as: UInt16.self)) }
        return page * size + offset
    }
}
