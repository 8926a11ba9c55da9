internal import CLMDB

/// What `mdb_env_info` reports.
public struct EnvironmentInfo: Hashable, Sendable {
    /// The current map size in bytes.
    public var mapSize: Int
    /// The number of the last page used in the data file.
    public var lastPageNumber: Int
    /// The id of the last committed transaction.
    public var lastTransactionID: Int
    /// The reader slot limit.
    public var maxReaders: Int
    /// The reader slots in use.
    public var readers: Int
}

/// What `mdb_env_stat` reports for the main database.
public struct EnvironmentStatistics: Hashable, Sendable {
    /// The database page size in bytes.
    public var pageSize: Int
    /// Branch, leaf and overflow pages of the main database.
    public var pages: Int
    /// The entries of the main database (the named databases).
    public var entries: Int
}

extension Environment {
    /// The map and transaction figures of the environment (`mdb_env_info`).
    public func info() throws(LMDBError) -> EnvironmentInfo {
        var raw = MDB_envinfo()
        try check(mdb_env_info(handle, &raw), "mdb_env_info")
        return EnvironmentInfo(
            mapSize: raw.me_mapsize,
            lastPageNumber: raw.me_last_pgno,
            lastTransactionID: raw.me_last_txnid,
            maxReaders: Int(raw.me_maxreaders),
            readers: Int(raw.me_numreaders)
        )
    }

    /// Page figures of the environment (`mdb_env_stat`).
    public func statistics() throws(LMDBError) -> EnvironmentStatistics {
        var raw = MDB_stat()
        try check(mdb_env_stat(handle, &raw), "mdb_env_stat")
        return EnvironmentStatistics(
            pageSize: Int(raw.ms_psize),
            pages: raw.ms_branch_pages + raw.ms_leaf_pages + raw.ms_overflow_pages,
            entries: raw.ms_entries
        )
    }

    /// Flushes the data file to disk (`mdb_env_sync` with `force`); needed after commits made with
    /// ``Durability/noSync``.
    public func sync() throws(LMDBError) {
        try check(mdb_env_sync(handle, 1), "mdb_env_sync")
    }

    /// Frees the reader slots of processes that died inside a read transaction (`mdb_reader_check`),
    /// which would otherwise keep old pages from being reused. Returns how many were freed.
    @discardableResult
    public func clearStaleReaders() throws(LMDBError) -> Int {
        var dead: Int32 = 0
        try check(mdb_reader_check(handle, &dead), "mdb_reader_check")
        return Int(dead)
    }

    /// Writes a consistent copy of the environment into the existing, empty directory at `path`
    /// (`mdb_env_copy2`), compacted (free pages left out, `MDB_CP_COMPACT`) unless told otherwise.
    ///
    /// The copy runs in its own read transaction, so writers go on meanwhile.
    @available(*, noasync, message: "copying blocks the calling thread")
    public func copy(to path: String, compacting: Bool = true) throws(LMDBError) {
        gate.enter()
        defer { gate.leave() }
        try check(mdb_env_copy2(handle, path, compacting ? UInt32(MDB_CP_COMPACT) : 0), "mdb_env_copy2")
    }

    /// Statistics of one named database (`mdb_stat`).
    public func statistics(of database: Database) throws(LMDBError) -> DatabaseStatistics {
        try read { transaction throws(LMDBError) in
            try transaction.statistics(of: database)
        }
    }
}

/// What `mdb_stat` reports for one database.
public struct DatabaseStatistics: Hashable, Sendable {
    /// The B-tree depth.
    public var depth: Int
    /// Branch, leaf and overflow pages.
    public var pages: Int
    /// The number of entries.
    public var entries: Int
}

#if canImport(Glibc)
    private import Glibc
#endif

extension Environment {
    /// Tells the kernel that this process no longer needs the map's pages that lie wholly inside
    /// `bytes` (`madvise(MADV_DONTNEED)`), so that they stop counting as its resident memory. The data
    /// stays in the file and the page cache: reading the bytes again maps the pages back. For bytes read
    /// once and decoded, such as a large value loaded at start.
    public func releaseMappedPages(_ bytes: UnsafeRawBufferPointer) {
        #if canImport(Glibc)
            guard let base = bytes.baseAddress else { return }
            let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
            let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
            let end = (UInt(bitPattern: base) + UInt(bytes.count)) & ~(page - 1)
            guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(pointer, Int(end - start), MADV_DONTNEED)
        #endif
    }
}
