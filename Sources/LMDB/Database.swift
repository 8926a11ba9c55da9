internal import CLMDB

/// A named database inside an ``Environment`` (an LMDB `MDB_dbi` handle).
///
/// Handles are opened once, with ``Environment/openDatabase(named:options:)``, and stay valid for the
/// environment's lifetime; they are plain values and can be shared between threads.
public struct Database: Hashable, Sendable {
    let handle: UInt32

    init(handle: MDB_dbi) {
        self.handle = handle
    }

    /// Flags of a named database, given to `mdb_dbi_open`.
    public struct Options: OptionSet, Hashable, Sendable {
        public let rawValue: UInt32

        /// Creates options from raw `mdb_dbi_open` flags.
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// `MDB_CREATE`: create the database if it does not exist (needs a writable environment).
        public static let create = Options(rawValue: UInt32(MDB_CREATE))
        /// `MDB_INTEGERKEY`: keys are native-endian unsigned integers of one size, compared as numbers.
        public static let integerKey = Options(rawValue: UInt32(MDB_INTEGERKEY))
        /// `MDB_REVERSEKEY`: keys are compared from their last byte to their first.
        public static let reverseKey = Options(rawValue: UInt32(MDB_REVERSEKEY))
    }
}

/// Flags of a single write (`mdb_put`, `mdb_cursor_put`).
public struct WriteOptions: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32

    /// Creates options from raw `mdb_put` flags.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `MDB_NOOVERWRITE`: fail with ``LMDBError/keyExists`` instead of replacing an existing value.
    public static let noOverwrite = WriteOptions(rawValue: UInt32(MDB_NOOVERWRITE))
    /// `MDB_APPEND`: the key is larger than every key in the database; skips the search (fast bulk load).
    /// A key out of order fails with ``LMDBError/keyExists``.
    public static let append = WriteOptions(rawValue: UInt32(MDB_APPEND))
}
