/// What each byte of an LMDB data file is, read from the file alone (LMDB 0.9 layout, 64-bit): which pages
/// the newer meta page reaches, which database each belongs to, and which of its bytes readers use.
///
/// A page starts with a 16-byte header (`mp_pgno` 8, `mp_pad` 2, `mp_flags` 2, then `mp_lower` and
/// `mp_upper`, 2 each, or `mp_pages` 4 on an overflow page). A branch or leaf page has its node offsets
/// from byte 16 up to `mp_lower` and its nodes from `mp_upper` to the end; the bytes between are free. A
/// node is `mn_lo`, `mn_hi`, `mn_flags`, `mn_ksize` (2 bytes each), the key, then the data (a leaf) and is
/// padded to an even length. An overflow run holds one value from byte 16 of its first page on.
public struct LMDBPageMap: Sendable {
    /// What a byte is.
    public enum Role: Hashable, Sendable, CustomStringConvertible {
        /// Read by every reader of the database `database`: a header field LMDB checks, a node offset, a
        /// node's header, key or data.
        case used(database: String, page: PageKind)
        /// A branch page's separator key: read by searches (`mdb_cursor_set`), not by a walk in order.
        case separatorKey(database: String)
        /// `mp_pgno` or `mp_pad` of a page header: written, never read back by LMDB 0.9.
        case unreadHeader(database: String)
        /// Between the node offsets and the nodes of a branch or leaf page.
        case freeInPage(database: String)
        /// The padding byte after an odd-length node.
        case nodePadding(database: String)
        /// After the end of the value in the last page of an overflow run.
        case overflowSlack(database: String)
        /// A page that the newer meta page does not reach: free, or past the last page.
        case unreached

        /// Whether a change here can alter what a reader gets for a record.
        public var isRead: Bool {
            switch self {
            case .used, .separatorKey: true
            default: false
            }
        }

        public var description: String {
            switch self {
            case .used(let database, let page): "used by \(database) (\(page))"
            case .separatorKey(let database): "separator key of a \(database) branch page"
            case .unreadHeader(let database): "page number or padding in a \(database) page header"
            case .freeInPage(let database): "free space inside a \(database) page"
            case .nodePadding(let database): "padding after a \(database) node"
            case .overflowSlack(let database): "after the value in a \(database) overflow page"
            case .unreached: "a page the current meta page does not reach"
            }
        }
    }

    /// The kind of a page.
    public enum PageKind: String, Hashable, Sendable, CustomStringConvertible {
        /// One of the two meta pages, a branch page, a leaf page, or a page of an overflow run.
        case meta, branch, leaf, overflow
        public var description: String { rawValue }
    }

    /// The page size.
    public let pageSize: Int
    /// The pages of each database, by page number (the main database is `main`, the free list `free`).
    public private(set) var pages: [String: [Int]] = [:]
    private var roles: [Int: [(range: Range<Int>, role: Role)]] = [:]
    private let bytes: [UInt8]

    static let branchFlag: UInt16 = 0x01
    static let leafFlag: UInt16 = 0x02
    static let overflowFlag: UInt16 = 0x04
    static let leaf2Flag: UInt16 = 0x20
    static let bigDataFlag: UInt16 = 0x01
    static let subDataFlag: UInt16 = 0x02
    static let dupDataFlag: UInt16 = 0x04
    static let invalidPage = UInt64.max

    /// Reads the map of `bytes`, a whole data file.
    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.count >= 2 * 4096 else { throw ProofError("a data file of \(bytes.count) bytes is too short") }
        // The page size is kept in the free database's md_pad of both meta pages.
        let firstMeta = 16
        guard Self.read32(bytes, firstMeta) == 0xBEEF_C0DE else { throw ProofError("no LMDB meta page") }
        pageSize = Int(Self.read32(bytes, firstMeta + 24))
        guard pageSize >= 512, pageSize.nonzeroBitCount == 1 else { throw ProofError("page size \(pageSize)") }
        let metaOffsets = [firstMeta, pageSize + firstMeta]
        let current = metaOffsets.max { Self.read64(bytes, $0 + 128) < Self.read64(bytes, $1 + 128) }!
        for page in 0..<2 {
            roles[page] = [(page * pageSize..<(page + 1) * pageSize, .used(database: "meta", page: .meta))]
        }
        try walk(root: Self.read64(bytes, current + 24 + 40), database: "free")
        try walk(root: Self.read64(bytes, current + 72 + 40), database: "main")
    }

    /// The role of the byte at `offset`.
    public func role(of offset: Int) -> Role {
        guard let ranges = roles[offset / pageSize] else { return .unreached }
        return ranges.first { $0.range.contains(offset) }?.role ?? .unreached
    }

    /// The byte ranges of every page of `database`.
    public func region(of database: String) -> [Range<Int>] {
        (pages[database] ?? []).sorted().map { $0 * pageSize..<($0 + 1) * pageSize }
    }

    private mutating func walk(root: UInt64, database: String) throws {
        guard root != Self.invalidPage else { return }
        var stack = [Int(root)]
        while let page = stack.popLast() {
            let base = page * pageSize
            guard page >= 2, base + pageSize <= bytes.count, roles[page] == nil else {
                throw ProofError("page \(page) of \(database) is out of the file or reached twice")
            }
            pages[database, default: []].append(page)
            let flags = Self.read16(bytes, base + 10)
            let lower = Int(Self.read16(bytes, base + 12))
            let upper = Int(Self.read16(bytes, base + 14))
            let isBranch = flags & Self.branchFlag != 0
            guard isBranch || flags & Self.leafFlag != 0, flags & Self.leaf2Flag == 0 else {
                throw ProofError("page \(page) of \(database) has flags \(flags)")
            }
            let kind: PageKind = isBranch ? .branch : .leaf
            var ranges: [(Range<Int>, Role)] = [
                (base..<base + 10, .unreadHeader(database: database)),
                (base + 10..<base + lower, .used(database: database, page: kind)),
                (base + lower..<base + upper, .freeInPage(database: database)),
            ]
            for index in 0..<(lower - 16) / 2 {
                let node = base + Int(Self.read16(bytes, base + 16 + 2 * index))
                let keySize = Int(Self.read16(bytes, node + 6))
                let nodeFlags = Self.read16(bytes, node + 4)
                var end = node + 8 + keySize
                if isBranch {
                    let child =
                        UInt64(Self.read16(bytes, node)) | UInt64(Self.read16(bytes, node + 2)) << 16
                        | UInt64(nodeFlags) << 32
                    stack.append(Int(child))
                    ranges.append((node..<node + 8, .used(database: database, page: kind)))
                    ranges.append((node + 8..<end, .separatorKey(database: database)))
                } else {
                    let size = Int(Self.read16(bytes, node)) | Int(Self.read16(bytes, node + 2)) << 16
                    if nodeFlags & Self.bigDataFlag != 0 {
                        try overflow(at: Int(Self.read64(bytes, end)), size: size, database: database)
                        end += 8
                    } else {
                        if nodeFlags & Self.subDataFlag != 0 {
                            let name =
                                database == "main"
                                ? String(decoding: bytes[node + 8..<node + 8 + keySize], as: UTF8.self) : database
                            try walk(root: Self.read64(bytes, end + 40), database: name)
                        }
                        end += size
                    }
                    ranges.append((node..<end, .used(database: database, page: kind)))
                }
                if (end - node) % 2 == 1 { ranges.append((end..<end + 1, .nodePadding(database: database))) }
            }
            roles[page] = ranges.map { (range: $0.0, role: $0.1) }
        }
    }

    private mutating func overflow(at page: Int, size: Int, database: String) throws {
        let base = page * pageSize
        let count = Int(Self.read32(bytes, base + 12))
        guard page >= 2, count >= 1, base + count * pageSize <= bytes.count,
            Self.read16(bytes, base + 10) & Self.overflowFlag != 0
        else { throw ProofError("overflow page \(page) of \(database) is not one") }
        for offset in 0..<count {
            pages[database, default: []].append(page + offset)
            roles[page + offset] = []
        }
        let end = base + 16 + size
        roles[page] = [
            (base..<base + 10, .unreadHeader(database: database)),
            (base + 10..<min(end, base + pageSize), .used(database: database, page: .overflow)),
        ]
        for offset in 1..<max(count, 2) where offset < count {
            let start = base + offset * pageSize
            roles[page + offset] = [(start..<min(end, start + pageSize), .used(database: database, page: .overflow))]
        }
        let last = base + count * pageSize
        if end < last {
            let lastPage = page + count - 1
            roles[lastPage, default: []].append((end..<last, .overflowSlack(database: database)))
        }
    }

    static func read16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func read32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(read16(bytes, offset)) | UInt32(read16(bytes, offset + 2)) << 16
    }

    static func read64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        UInt64(read32(bytes, offset)) | UInt64(read32(bytes, offset + 4)) << 32
    }
}
