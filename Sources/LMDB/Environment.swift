internal import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An LMDB environment: one memory-mapped data file (`data.mdb`) and its lock file in a directory.
///
/// Wraps `MDB_env`. The environment is opened with `MDB_NOTLS`, so a read transaction belongs to the
/// ``ReadTransaction`` value rather than to a thread, which is what Swift concurrency needs. When a write
/// runs out of map space (`MDB_MAP_FULL`) the environment aborts it, grows the map and runs the same
/// work again (see ``write(_:)``).
///
/// The type is a reference: one environment per directory and process, shared by every user. It is
/// thread-safe because LMDB's environment is, and the little Swift state it has is behind ``ResizeGate``.
public final class Environment: @unchecked Sendable {
    let handle: OpaquePointer
    let gate = ResizeGate()
    /// The directory of the environment.
    public let path: String
    /// The options the environment was opened with.
    public let options: Options

    /// Opens (and, unless read-only, creates) the environment in the directory at `path`.
    ///
    /// Calls `mdb_env_create`, `mdb_env_set_maxdbs`, `mdb_env_set_maxreaders`, `mdb_env_set_mapsize`
    /// and `mdb_env_open`, then clears reader slots left by dead processes (`mdb_reader_check`).
    /// A missing directory is created (one level) unless the environment is read-only.
    public init(path: String, options: Options = Options()) throws(LMDBError) {
        precondition(options.mapSize > 0, "the initial map size must be positive")
        self.path = path
        self.options = options
        if !options.readOnly {
            try Self.createDirectoryIfMissing(path)
        }
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { preconditionFailure("mdb_env_create returned no environment") }
        do throws(LMDBError) {
            try check(mdb_env_set_maxdbs(env, MDB_dbi(options.maxDatabases)), "mdb_env_set_maxdbs")
            try check(mdb_env_set_maxreaders(env, UInt32(options.maxReaders)), "mdb_env_set_maxreaders")
            try check(mdb_env_set_mapsize(env, options.mapSize), "mdb_env_set_mapsize")
            var flags = UInt32(MDB_NOTLS)
            if options.readOnly { flags |= UInt32(MDB_RDONLY) }
            switch options.durability {
            case .durable: break
            case .noMetaSync: flags |= UInt32(MDB_NOMETASYNC)
            case .noSync: flags |= UInt32(MDB_NOSYNC)
            }
            try check(mdb_env_open(env, path, flags, 0o644), "mdb_env_open")
        } catch {
            mdb_env_close(env)
            throw error
        }
        handle = env
        _ = try? clearStaleReaders()
    }

    deinit {
        mdb_env_close(handle)
    }

    /// Runs `body` in a read-only transaction (`mdb_txn_begin` with `MDB_RDONLY`), then ends it.
    ///
    /// Bytes borrowed from the transaction are valid only inside `body`: copy what must outlive it.
    /// A read never waits for writers (only, briefly, for a map resize), so it may run on any thread.
    public func read<R>(_ body: (borrowing ReadTransaction) throws(LMDBError) -> R) throws(LMDBError) -> R {
        let transaction = ReadTransaction(handle: try begin(readOnly: true), gate: gate)
        return try body(transaction)
    }

    /// Runs `body` in a write transaction and commits it (`mdb_txn_begin`, `mdb_txn_commit`).
    ///
    /// If `body` throws, nothing is written. If the map is full (`MDB_MAP_FULL`, from a write inside
    /// `body` or from the commit), the transaction is aborted, the map grows (see
    /// ``Options/maximumMapSize``) and `body` runs again from the start, so `body` must be safe to
    /// repeat: it may compute and write, but must not act on the outside world. Write transactions are
    /// serialised by LMDB's writer lock.
    @available(*, noasync, message: "a transaction must not span a suspension point")
    public func write<R>(_ body: (borrowing WriteTransaction) throws(LMDBError) -> R) throws(LMDBError) -> R {
        precondition(!options.readOnly, "write transaction on a read-only environment")
        while true {
            do {
                return try attemptWrite(body)
            } catch .mapFull {
                try grow()
            }
        }
    }

    private func attemptWrite<R>(
        _ body: (borrowing WriteTransaction) throws(LMDBError) -> R
    ) throws(LMDBError) -> R {
        let transaction = WriteTransaction(handle: try begin(readOnly: false), gate: gate)
        let result = try body(transaction)
        do {
            try transaction.commit()
        } catch .system(let code) where code == EIO && isFileSystemFull {
            // LMDB 0.9 answers a short write of its pages with EIO; on a full file system say so.
            throw .system(errno: ENOSPC)
        }
        return result
    }

    /// Whether the file system of the data file has less than 1 MiB left (for the caller, root or not).
    private var isFileSystemFull: Bool {
        var status = statvfs()
        guard statvfs(path, &status) == 0 else { return false }
        let blockSize = UInt64(status.f_frsize)
        let left = UInt64(geteuid() == 0 ? status.f_bfree : status.f_bavail) * blockSize
        return left < 1 << 20
    }

    /// Begins a transaction and enters the resize gate; on `MDB_MAP_RESIZED` (another process grew the
    /// map) adopts the new size and tries again.
    private func begin(readOnly: Bool) throws(LMDBError) -> OpaquePointer {
        while true {
            gate.enter()
            var transaction: OpaquePointer?
            let rc = mdb_txn_begin(handle, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &transaction)
            if rc == MDB_SUCCESS, let transaction { return transaction }
            gate.leave()
            if rc == MDB_MAP_RESIZED {
                try gate.exclusively { () throws(LMDBError) in
                    try check(mdb_env_set_mapsize(handle, 0), "mdb_env_set_mapsize")
                }
                continue
            }
            try check(rc, "mdb_txn_begin")
        }
    }

    /// Grows the map after `MDB_MAP_FULL`: doubles it (by at least ``Options/minimumGrowth``), up to
    /// ``Options/maximumMapSize``; at that limit the error stands.
    func grow() throws(LMDBError) {
        try gate.exclusively { () throws(LMDBError) in
            let current = try info().mapSize
            guard current < options.maximumMapSize else { throw LMDBError.mapFull }
            let doubled = current > Int.max / 2 ? Int.max : current * 2
            let target = min(max(doubled, current + options.minimumGrowth), options.maximumMapSize)
            try check(mdb_env_set_mapsize(handle, target), "mdb_env_set_mapsize")
        }
    }

    /// Opens a named database (`mdb_dbi_open`), creating it when `options` contains ``Database/Options/create``.
    ///
    /// Fails with ``LMDBError/notFound`` when the database does not exist and is not to be created.
    public func openDatabase(named name: String?, options: Database.Options = []) throws(LMDBError) -> Database {
        let readOnly = !options.contains(.create)
        let transaction = try begin(readOnly: readOnly)
        defer { gate.leave() }
        var dbi: MDB_dbi = 0
        let rc = mdb_dbi_open(transaction, name, options.rawValue, &dbi)
        guard rc == MDB_SUCCESS else {
            mdb_txn_abort(transaction)
            try check(rc, "mdb_dbi_open")
            preconditionFailure("unreachable")
        }
        try check(mdb_txn_commit(transaction), "mdb_txn_commit")
        return Database(handle: dbi)
    }

    private static func createDirectoryIfMissing(_ path: String) throws(LMDBError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw LMDBError.system(errno: errno)
        }
    }
}
