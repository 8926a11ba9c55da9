internal import CLMDB

/// The `MDB_txn` behind a transaction value; only this module can see inside.
public struct TransactionReference: @unchecked Sendable {
    let handle: OpaquePointer
}

/// What read and write transactions share: reading values and walking cursors.
///
/// Every buffer a transaction hands out points into the memory map and is valid only until the
/// transaction ends (and, in a write transaction, until the next write to the same page): copy what
/// must outlive it.
public protocol ReadableTransaction: ~Copyable {
    /// The underlying `MDB_txn`.
    var reference: TransactionReference { get }
}

extension ReadableTransaction where Self: ~Copyable {
    /// The value stored under `key` in `database`, or `nil` (`mdb_get`).
    public func value(
        forKey key: UnsafeRawBufferPointer,
        in database: Database
    ) throws(LMDBError) -> UnsafeRawBufferPointer? {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val()
        let rc = mdb_get(reference.handle, database.handle, &keyValue, &data)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_get")
        return UnsafeRawBufferPointer(data)
    }

    /// The value stored under `key` in `database`, or `nil` (`mdb_get`).
    public func value(forKey key: [UInt8], in database: Database) throws(LMDBError) -> UnsafeRawBufferPointer? {
        try withBytes(of: key) { (key) throws(LMDBError) in try value(forKey: key, in: database) }
    }

    /// Runs `body` with a cursor over `database` (`mdb_cursor_open`), closed afterwards.
    public func withCursor<R>(
        on database: Database,
        _ body: (borrowing Cursor) throws(LMDBError) -> R
    ) throws(LMDBError) -> R {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(reference.handle, database.handle, &cursor), "mdb_cursor_open")
        guard let cursor else { preconditionFailure("mdb_cursor_open returned no cursor") }
        let owned = Cursor(handle: cursor)
        return try body(owned)
    }

    /// Statistics of `database` as this transaction sees it (`mdb_stat`).
    public func statistics(of database: Database) throws(LMDBError) -> DatabaseStatistics {
        var raw = MDB_stat()
        try check(mdb_stat(reference.handle, database.handle, &raw), "mdb_stat")
        return DatabaseStatistics(
            depth: Int(raw.ms_depth),
            pages: raw.ms_branch_pages + raw.ms_leaf_pages + raw.ms_overflow_pages,
            entries: raw.ms_entries
        )
    }
}

/// A read-only snapshot of the environment (`MDB_txn` begun with `MDB_RDONLY`).
///
/// Made and ended by ``Environment/read(_:)``; the snapshot does not change while it lives.
public struct ReadTransaction: ~Copyable, ReadableTransaction {
    public let reference: TransactionReference
    // Unmanaged keeps the stored properties trivial; the environment outlives every transaction it
    // hands out, because transactions only exist inside its closures.
    private let gate: Unmanaged<ResizeGate>

    init(handle: OpaquePointer, gate: ResizeGate) {
        reference = TransactionReference(handle: handle)
        self.gate = .passUnretained(gate)
    }

    deinit {
        mdb_txn_abort(reference.handle)
        gate.takeUnretainedValue().leave()
    }
}

/// The single write transaction of the environment.
///
/// Made and committed by ``Environment/write(_:)``; dropped without a commit, it aborts.
public struct WriteTransaction: ~Copyable, ReadableTransaction {
    public let reference: TransactionReference
    private let gate: Unmanaged<ResizeGate>

    init(handle: OpaquePointer, gate: ResizeGate) {
        reference = TransactionReference(handle: handle)
        self.gate = .passUnretained(gate)
    }

    deinit {
        mdb_txn_abort(reference.handle)
        gate.takeUnretainedValue().leave()
    }

    /// Commits (`mdb_txn_commit`). On failure LMDB has already freed the transaction, so nothing
    /// was written.
    consuming func commit() throws(LMDBError) {
        let handle = reference.handle
        let gate = gate
        discard self
        defer { gate.takeUnretainedValue().leave() }
        try check(mdb_txn_commit(handle), "mdb_txn_commit")
    }

    /// Opens (with ``Database/Options/create``, creates) a named database inside this transaction
    /// (`mdb_dbi_open`); the handle is usable by others once the transaction commits, so that creating
    /// a set of databases and their first contents is one atomic step.
    public func openDatabase(named name: String?, options: Database.Options = []) throws(LMDBError) -> Database {
        var dbi: MDB_dbi = 0
        try check(mdb_dbi_open(reference.handle, name, options.rawValue, &dbi), "mdb_dbi_open")
        return Database(handle: dbi)
    }

    /// Stores `value` under `key` in `database` (`mdb_put`).
    public func put(
        _ value: UnsafeRawBufferPointer,
        forKey key: UnsafeRawBufferPointer,
        in database: Database,
        options: WriteOptions = []
    ) throws(LMDBError) {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try check(mdb_put(reference.handle, database.handle, &keyValue, &data, options.rawValue), "mdb_put")
    }

    /// Stores `value` under `key` in `database` (`mdb_put`).
    public func put(
        _ value: [UInt8],
        forKey key: [UInt8],
        in database: Database,
        options: WriteOptions = []
    ) throws(LMDBError) {
        try withBytes(of: key) { (key) throws(LMDBError) in
            try withBytes(of: value) { (value) throws(LMDBError) in
                try put(value, forKey: key, in: database, options: options)
            }
        }
    }

    /// Reserves `count` bytes under `key` in `database` and lets `fill` write them in place
    /// (`mdb_put` with `MDB_RESERVE`), which saves a copy of large values.
    public func put(
        reserving count: Int,
        forKey key: UnsafeRawBufferPointer,
        in database: Database,
        options: WriteOptions = [],
        fill: (UnsafeMutableRawBufferPointer) -> Void
    ) throws(LMDBError) {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val(mv_size: count, mv_data: nil)
        let flags = options.rawValue | UInt32(MDB_RESERVE)
        try check(mdb_put(reference.handle, database.handle, &keyValue, &data, flags), "mdb_put")
        fill(UnsafeMutableRawBufferPointer(start: data.mv_data, count: count))
    }

    /// Removes the value under `key` (`mdb_del`); returns whether there was one.
    @discardableResult
    public func delete(forKey key: UnsafeRawBufferPointer, in database: Database) throws(LMDBError) -> Bool {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        let rc = mdb_del(reference.handle, database.handle, &keyValue, nil)
        if rc == MDB_NOTFOUND { return false }
        try check(rc, "mdb_del")
        return true
    }

    /// Removes every entry of `database`, keeping the database (`mdb_drop` with `del` 0).
    public func removeAll(in database: Database) throws(LMDBError) {
        try check(mdb_drop(reference.handle, database.handle, 0), "mdb_drop")
    }
}

extension UnsafeRawBufferPointer {
    init(_ value: MDB_val) {
        self.init(start: value.mv_data, count: value.mv_size)
    }
}
