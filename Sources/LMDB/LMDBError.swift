internal import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every failure LMDB can report, one case per `MDB_*` return code, plus the operating-system errors
/// (`errno` values such as `ENOSPC`) that LMDB passes through.
///
/// All return codes of the C library go through one choke point, ``check(_:_:)``, which turns them into
/// this type; a code that can only mean a programming error (`EINVAL`) traps there with a message.
public enum LMDBError: Error, Hashable, Sendable {
    /// `MDB_KEYEXIST`: the key/data pair already exists.
    case keyExists
    /// `MDB_NOTFOUND`: no matching key/data pair.
    case notFound
    /// `MDB_PAGE_NOTFOUND`: a requested page was not found (usually a damaged file).
    case pageNotFound
    /// `MDB_CORRUPTED`: a located page was the wrong type (a damaged file).
    case corrupted
    /// `MDB_PANIC`: an earlier fatal error left the environment unusable.
    case panic
    /// `MDB_VERSION_MISMATCH`: the environment was written by an incompatible LMDB version.
    case versionMismatch
    /// `MDB_INVALID`: the file is not an LMDB data file.
    case invalid
    /// `MDB_MAP_FULL`: the environment's map size was reached.
    case mapFull
    /// `MDB_DBS_FULL`: the environment's limit on named databases was reached.
    case databasesFull
    /// `MDB_READERS_FULL`: the environment's limit on concurrent readers was reached.
    case readersFull
    /// `MDB_TLS_FULL`: too many thread-local reader slots.
    case threadLocalStorageFull
    /// `MDB_TXN_FULL`: the write transaction has too many dirty pages.
    case transactionFull
    /// `MDB_CURSOR_FULL`: the cursor stack is too deep (internal error).
    case cursorFull
    /// `MDB_PAGE_FULL`: a page has no more space (internal error).
    case pageFull
    /// `MDB_MAP_RESIZED`: another process grew the map beyond this environment's map size.
    case mapResized
    /// `MDB_INCOMPATIBLE`: the operation or database flags are incompatible with the database.
    case incompatible
    /// `MDB_BAD_RSLOT`: a reader slot was used wrongly.
    case badReaderSlot
    /// `MDB_BAD_TXN`: the transaction must abort, has a child, or is invalid.
    case badTransaction
    /// `MDB_BAD_VALSIZE`: a key or value has an unsupported size (an empty key, or a key too long).
    case badValueSize
    /// `MDB_BAD_DBI`: the database handle was changed unexpectedly.
    case badDatabase
    /// An operating-system error number passed through by LMDB (`ENOSPC`, `EACCES`, `EIO`, ...).
    case system(errno: Int32)

    /// The C name of the code, for logs and messages: `MDB_MAP_FULL`, `ENOSPC`.
    public var name: String {
        switch self {
        case .keyExists: "MDB_KEYEXIST"
        case .notFound: "MDB_NOTFOUND"
        case .pageNotFound: "MDB_PAGE_NOTFOUND"
        case .corrupted: "MDB_CORRUPTED"
        case .panic: "MDB_PANIC"
        case .versionMismatch: "MDB_VERSION_MISMATCH"
        case .invalid: "MDB_INVALID"
        case .mapFull: "MDB_MAP_FULL"
        case .databasesFull: "MDB_DBS_FULL"
        case .readersFull: "MDB_READERS_FULL"
        case .threadLocalStorageFull: "MDB_TLS_FULL"
        case .transactionFull: "MDB_TXN_FULL"
        case .cursorFull: "MDB_CURSOR_FULL"
        case .pageFull: "MDB_PAGE_FULL"
        case .mapResized: "MDB_MAP_RESIZED"
        case .incompatible: "MDB_INCOMPATIBLE"
        case .badReaderSlot: "MDB_BAD_RSLOT"
        case .badTransaction: "MDB_BAD_TXN"
        case .badValueSize: "MDB_BAD_VALSIZE"
        case .badDatabase: "MDB_BAD_DBI"
        case .system(let errno): Self.errnoName(errno)
        }
    }

    /// The raw return code as LMDB reported it.
    public var code: Int32 {
        switch self {
        case .keyExists: MDB_KEYEXIST
        case .notFound: MDB_NOTFOUND
        case .pageNotFound: MDB_PAGE_NOTFOUND
        case .corrupted: MDB_CORRUPTED
        case .panic: MDB_PANIC
        case .versionMismatch: MDB_VERSION_MISMATCH
        case .invalid: MDB_INVALID
        case .mapFull: MDB_MAP_FULL
        case .databasesFull: MDB_DBS_FULL
        case .readersFull: MDB_READERS_FULL
        case .threadLocalStorageFull: MDB_TLS_FULL
        case .transactionFull: MDB_TXN_FULL
        case .cursorFull: MDB_CURSOR_FULL
        case .pageFull: MDB_PAGE_FULL
        case .mapResized: MDB_MAP_RESIZED
        case .incompatible: MDB_INCOMPATIBLE
        case .badReaderSlot: MDB_BAD_RSLOT
        case .badTransaction: MDB_BAD_TXN
        case .badValueSize: MDB_BAD_VALSIZE
        case .badDatabase: MDB_BAD_DBI
        case .system(let errno): errno
        }
    }

    /// A plain-words description, from `mdb_strerror`.
    public var message: String {
        String(cString: mdb_strerror(code))
    }

    /// Whether the error means the data file itself is damaged (rather than a limit or a misuse).
    public var indicatesDamage: Bool {
        switch self {
        case .pageNotFound, .corrupted, .panic, .invalid, .versionMismatch: true
        default: false
        }
    }

    init(code: Int32) {
        switch code {
        case MDB_KEYEXIST: self = .keyExists
        case MDB_NOTFOUND: self = .notFound
        case MDB_PAGE_NOTFOUND: self = .pageNotFound
        case MDB_CORRUPTED: self = .corrupted
        case MDB_PANIC: self = .panic
        case MDB_VERSION_MISMATCH: self = .versionMismatch
        case MDB_INVALID: self = .invalid
        case MDB_MAP_FULL: self = .mapFull
        case MDB_DBS_FULL: self = .databasesFull
        case MDB_READERS_FULL: self = .readersFull
        case MDB_TLS_FULL: self = .threadLocalStorageFull
        case MDB_TXN_FULL: self = .transactionFull
        case MDB_CURSOR_FULL: self = .cursorFull
        case MDB_PAGE_FULL: self = .pageFull
        case MDB_MAP_RESIZED: self = .mapResized
        case MDB_INCOMPATIBLE: self = .incompatible
        case MDB_BAD_RSLOT: self = .badReaderSlot
        case MDB_BAD_TXN: self = .badTransaction
        case MDB_BAD_VALSIZE: self = .badValueSize
        case MDB_BAD_DBI: self = .badDatabase
        default: self = .system(errno: code)
        }
    }

    private static func errnoName(_ code: Int32) -> String {
        switch code {
        case EPERM: "EPERM"
        case ENOENT: "ENOENT"
        case EIO: "EIO"
        case ENOMEM: "ENOMEM"
        case EACCES: "EACCES"
        case EBUSY: "EBUSY"
        case EEXIST: "EEXIST"
        case ENOTDIR: "ENOTDIR"
        case EISDIR: "EISDIR"
        case EINVAL: "EINVAL"
        case ENOSPC: "ENOSPC"
        case EROFS: "EROFS"
        case EAGAIN: "EAGAIN"
        case EFBIG: "EFBIG"
        case EDQUOT: "EDQUOT"
        default: "errno \(code)"
        }
    }
}

extension LMDBError: CustomStringConvertible {
    public var description: String { "\(name): \(message)" }
}

/// The one choke point for LMDB return codes: success returns, every failure becomes an ``LMDBError``.
///
/// `EINVAL` can only come from a misuse of the C API by this module (a bad flag, a transaction in the
/// wrong state), so it traps with the operation's name instead of travelling as a recoverable error.
@inline(__always)
func check(_ rc: Int32, _ operation: StaticString) throws(LMDBError) {
    if rc == MDB_SUCCESS { return }
    if rc == EINVAL {
        preconditionFailure("LMDB \(operation) was called with an invalid argument (EINVAL)")
    }
    throw LMDBError(code: rc)
}

/// Runs `body` over the bytes of `array`, keeping the typed error that the standard library's
/// `withUnsafeBytes` (untyped `rethrows`) would erase.
@inline(__always)
func withBytes<R>(
    of array: [UInt8],
    _ body: (UnsafeRawBufferPointer) throws(LMDBError) -> R
) throws(LMDBError) -> R {
    let result = array.withUnsafeBytes { bytes in
        Result { () throws(LMDBError) in try body(bytes) }
    }
    return try result.get()
}
