internal import CLMDB

/// One key/value pair under a cursor. Both buffers point into the memory map and are valid only
/// while the transaction lives and the cursor has not moved past a write.
public struct CursorEntry {
    /// The key bytes.
    public var key: UnsafeRawBufferPointer
    /// The value bytes.
    public var value: UnsafeRawBufferPointer
}

/// A cursor over one database (`MDB_cursor`), made by ``ReadableTransaction/withCursor(on:_:)`` and
/// closed when that closure returns.
public struct Cursor: ~Copyable {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        mdb_cursor_close(handle)
    }

    /// The first entry (`MDB_FIRST`), or `nil` in an empty database.
    public func first() throws(LMDBError) -> CursorEntry? {
        try move(MDB_FIRST)
    }

    /// The last entry (`MDB_LAST`), or `nil` in an empty database.
    public func last() throws(LMDBError) -> CursorEntry? {
        try move(MDB_LAST)
    }

    /// The entry after the current one (`MDB_NEXT`), or `nil` at the end.
    public func next() throws(LMDBError) -> CursorEntry? {
        try move(MDB_NEXT)
    }

    /// The entry before the current one (`MDB_PREV`), or `nil` at the start.
    public func previous() throws(LMDBError) -> CursorEntry? {
        try move(MDB_PREV)
    }

    /// The first entry whose key is greater than or equal to `key` (`MDB_SET_RANGE`), or `nil`.
    public func seek(atLeast key: UnsafeRawBufferPointer) throws(LMDBError) -> CursorEntry? {
        try move(MDB_SET_RANGE, key: key)
    }

    /// The entry whose key equals `key` (`MDB_SET_KEY`), or `nil`.
    public func seek(exactly key: UnsafeRawBufferPointer) throws(LMDBError) -> CursorEntry? {
        try move(MDB_SET_KEY, key: key)
    }

    /// The first entry whose key is greater than or equal to `key` (`MDB_SET_RANGE`), or `nil`.
    public func seek(atLeast key: [UInt8]) throws(LMDBError) -> CursorEntry? {
        try withBytes(of: key) { (key) throws(LMDBError) in try seek(atLeast: key) }
    }

    private func move(_ operation: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil) throws(LMDBError) -> CursorEntry?
    {
        var keyValue = MDB_val(mv_size: key?.count ?? 0, mv_data: UnsafeMutableRawPointer(mutating: key?.baseAddress))
        var data = MDB_val()
        let rc = mdb_cursor_get(handle, &keyValue, &data, operation)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_cursor_get")
        return CursorEntry(key: UnsafeRawBufferPointer(keyValue), value: UnsafeRawBufferPointer(data))
    }
}
