import Foundation

/// Walks the B-trees of an LMDB data file (LMDB 0.9's layout on 64-bit machines), checking every page
/// before anything in it is used; see ``EventLog/checkDataFile(in:)``.
final class DataFileWalker {
    // Page flags.
    static let branchFlag: UInt16 = 0x01
    static let leafFlag: UInt16 = 0x02
    static let overflowFlag: UInt16 = 0x04
    static let metaFlag: UInt16 = 0x08
    // Leaf node flags.
    static let bigDataFlag: UInt16 = 0x01
    static let subDatabaseFlag: UInt16 = 0x02
    // Database flags.
    static let integerKeyFlag: UInt16 = 0x08
    // Meta page fields, from the start of the page.
    static let magic: UInt32 = 0xBEEF_C0DE
    static let metaStart = DataFilePages.headerSize
    static let databaseSize = 48
    static let freeDatabaseOffset = metaStart + 24
    static let mainDatabaseOffset = freeDatabaseOffset + databaseSize
    static let lastPageOffset = mainDatabaseOffset + databaseSize
    static let transactionOffset = lastPageOffset + 8
    static let nodeHeaderSize = 8
    static let noPage = UInt64.max

    let pages: DataFilePages
    private var lastPage: UInt64 = 0
    private var visited: [UInt64] = []

    init(pages: consuming DataFilePages) {
        self.pages = pages
    }

    /// The page size the first meta page records, read without mapping the file.
    static func pageSize(of path: String) throws(DataFileDamage) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataFileDamage(page: nil, reason: "cannot open it")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: freeDatabaseOffset + 4)) ?? Data()
        guard header.count == freeDatabaseOffset + 4 else {
            throw DataFileDamage(page: 0, reason: "the file is shorter than a meta page")
        }
        let size = header.withUnsafeBytes { $0.native(UInt32.self, at: freeDatabaseOffset) }
        guard size >= 512, size <= 65_536, size & (size - 1) == 0 else {
            throw DataFileDamage(page: 0, reason: "the meta page records a page size of \(size)")
        }
        return Int(size)
    }

    /// Checks both meta pages and returns the number of the newest (the one LMDB reads from).
    static func newestMeta(in pages: borrowing DataFilePages) throws(DataFileDamage) -> UInt64 {
        var transactions: [UInt64] = []
        for number: UInt64 in 0...1 {
            guard let page = pages.page(number) else { throw DataFileDamage(page: number, reason: "missing") }
            func damaged(_ reason: String) -> DataFileDamage { DataFileDamage(page: number, reason: reason) }
            guard page.native(UInt64.self, at: 0) == number else { throw damaged("it names another page number") }
            guard page.native(UInt16.self, at: 10) & metaFlag != 0 else { throw damaged("it is not a meta page") }
            guard page.native(UInt32.self, at: metaStart) == magic else { throw damaged("its magic number is wrong") }
            guard page.native(UInt32.self, at: metaStart + 4) == 1 else { throw damaged("its version is not 1") }
            guard page.native(UInt32.self, at: freeDatabaseOffset) == UInt32(pages.pageSize) else {
                throw damaged("its page size disagrees with the other meta page")
            }
            transactions.append(page.native(UInt64.self, at: transactionOffset))
        }
        let newest: UInt64 = transactions[0] < transactions[1] ? 1 : 0
        let last = pages.page(newest)!.native(UInt64.self, at: lastPageOffset)
        guard last >= 1, last < pages.pageCount else {
            throw DataFileDamage(
                page: newest, reason: "it records a last page of \(last), but the file has \(pages.pageCount) pages")
        }
        return newest
    }

    /// Walks the free-page database and the main database (with every named database in it) of the
    /// newest meta page.
    func walkNewestTree() throws(DataFileDamage) {
        let meta = try Self.newestMeta(in: pages)
        let page = pages.page(meta)!
        lastPage = page.native(UInt64.self, at: Self.lastPageOffset)
        visited = [UInt64](repeating: 0, count: Int(lastPage / 64) + 1)
        // The free-page database has integer keys; the main and the log's named databases no flags.
        for (offset, flags) in [(Self.freeDatabaseOffset, Self.integerKeyFlag), (Self.mainDatabaseOffset, 0)] {
            let record = UnsafeRawBufferPointer(rebasing: page[offset..<offset + Self.databaseSize])
            try walkDatabase(record: record, flags: flags, in: meta)
        }
    }

    /// Walks the tree a database record (`MDB_db`, 48 bytes) points to and compares its counts.
    private func walkDatabase(
        record: UnsafeRawBufferPointer, flags: UInt16, in holder: UInt64
    ) throws(DataFileDamage) {
        let found = record.native(UInt16.self, at: 4)
        guard found == flags else {
            throw DataFileDamage(
                page: holder,
                reason: "a database records flags 0x\(String(found, radix: 16)), not 0x\(String(flags, radix: 16))")
        }
        let depth = Int(record.native(UInt16.self, at: 6))
        let root = record.native(UInt64.self, at: 40)
        guard root != Self.noPage else { return }
        guard depth >= 1, depth <= 32 else {
            throw DataFileDamage(page: holder, reason: "a database records a tree depth of \(depth)")
        }
        var counts = TreeCounts()
        try walk(root, level: 1, depth: depth, parent: holder, counts: &counts)
        let recorded = TreeCounts(
            branches: record.native(UInt64.self, at: 8), leaves: record.native(UInt64.self, at: 16),
            overflows: record.native(UInt64.self, at: 24), entries: record.native(UInt64.self, at: 32))
        guard counts == recorded else {
            throw DataFileDamage(
                page: root,
                reason: "its database records \(recorded) but its tree holds \(counts)")
        }
    }

    private func markVisited(_ number: UInt64, parent: UInt64) throws(DataFileDamage) {
        guard number >= 2, number <= lastPage else {
            throw DataFileDamage(page: parent, reason: "it points to page \(number), outside 2...\(lastPage)")
        }
        let (word, bit) = (Int(number / 64), number % 64)
        guard visited[word] & (1 << bit) == 0 else {
            throw DataFileDamage(page: parent, reason: "it points to page \(number), which another page points to")
        }
        visited[word] |= 1 << bit
    }

    private func walk(
        _ number: UInt64, level: Int, depth: Int, parent: UInt64, counts: inout TreeCounts
    ) throws(DataFileDamage) {
        try markVisited(number, parent: parent)
        let page = pages.page(number)!
        func damaged(_ reason: String) -> DataFileDamage { DataFileDamage(page: number, reason: reason) }
        guard page.native(UInt64.self, at: 0) == number else { throw damaged("its header names another page number") }
        let flags = page.native(UInt16.self, at: 10)
        let isBranch = level < depth
        let expected = isBranch ? Self.branchFlag : Self.leafFlag
        guard flags & 0x2F == expected else {
            throw damaged(
                "its flags are 0x\(String(flags, radix: 16)), expected a \(isBranch ? "branch" : "leaf") page")
        }
        let lower = Int(page.native(UInt16.self, at: 12))
        let upper = Int(page.native(UInt16.self, at: 14))
        let size = pages.pageSize
        guard lower >= DataFilePages.headerSize + 2, lower <= upper, upper <= size, lower % 2 == 0 else {
            throw damaged("its free-space bounds \(lower)...\(upper) are impossible")
        }
        if isBranch { counts.branches += 1 } else { counts.leaves += 1 }
        for index in 0..<(lower - DataFilePages.headerSize) / 2 {
            let offset = Int(page.native(UInt16.self, at: DataFilePages.headerSize + 2 * index))
            guard offset >= upper, offset % 2 == 0, offset + Self.nodeHeaderSize <= size else {
                throw damaged("node \(index) lies at offset \(offset), outside the page's nodes")
            }
            let low = UInt64(page.native(UInt16.self, at: offset))
            let high = UInt64(page.native(UInt16.self, at: offset + 2))
            let nodeFlags = page.native(UInt16.self, at: offset + 4)
            let keySize = Int(page.native(UInt16.self, at: offset + 6))
            let dataStart = offset + Self.nodeHeaderSize + keySize
            guard dataStart <= size else { throw damaged("node \(index)'s key runs past the page") }
            if isBranch {
                let child = low | high << 16 | UInt64(nodeFlags) << 32
                try walk(child, level: level + 1, depth: depth, parent: number, counts: &counts)
                continue
            }
            counts.entries += 1
            let dataSize = Int(low | high << 16)
            switch nodeFlags {
            case 0:
                guard dataStart + dataSize <= size else { throw damaged("node \(index)'s value runs past the page") }
            case Self.bigDataFlag:
                guard dataStart + 8 <= size else {
                    throw damaged("node \(index)'s overflow page number runs past the page")
                }
                let first = page.native(UInt64.self, at: dataStart)
                try walkOverflow(first, dataSize: dataSize, parent: number, counts: &counts)
            case Self.subDatabaseFlag:
                guard dataSize == Self.databaseSize, dataStart + dataSize <= size else {
                    throw damaged("node \(index) holds a database record of \(dataSize) bytes")
                }
                let record = UnsafeRawBufferPointer(rebasing: page[dataStart..<dataStart + dataSize])
                try walkDatabase(record: record, flags: 0, in: number)
            default:
                throw damaged("node \(index) has flags 0x\(String(nodeFlags, radix: 16)), which the log never writes")
            }
        }
    }

    private func walkOverflow(
        _ first: UInt64, dataSize: Int, parent: UInt64, counts: inout TreeCounts
    ) throws(DataFileDamage) {
        try markVisited(first, parent: parent)
        let page = pages.page(first)!
        func damaged(_ reason: String) -> DataFileDamage { DataFileDamage(page: first, reason: reason) }
        guard page.native(UInt64.self, at: 0) == first else { throw damaged("its header names another page number") }
        guard page.native(UInt16.self, at: 10) & 0x0F == Self.overflowFlag else {
            throw damaged("it is not an overflow page")
        }
        let count = UInt64(page.native(UInt32.self, at: 12))
        guard count >= 1, count - 1 <= lastPage - first,
            UInt64(dataSize + DataFilePages.headerSize) <= count * UInt64(pages.pageSize)
        else { throw damaged("its run of \(count) pages does not fit the file or the value of \(dataSize) bytes") }
        for number in first + 1..<first + count { try markVisited(number, parent: first) }
        counts.overflows += count
    }
}

/// The pages and entries of one database's tree.
private struct TreeCounts: Equatable, CustomStringConvertible {
    var branches: UInt64 = 0
    var leaves: UInt64 = 0
    var overflows: UInt64 = 0
    var entries: UInt64 = 0

    var description: String {
        "\(branches) branch, \(leaves) leaf, \(overflows) overflow pages and \(entries) entries"
    }
}
