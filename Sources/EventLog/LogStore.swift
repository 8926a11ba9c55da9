import LMDB

/// The head of the log: the last position and its chain hash (``Position/zero`` and
/// ``ChainHash/genesis`` for an empty log).
public struct LogHead: Hashable, Sendable {
    /// The last record's position.
    public var position: Position
    /// The last record's chain hash.
    public var hash: ChainHash

    /// A head at `position` whose record hashes to `hash`.
    public init(position: Position, hash: ChainHash) {
        self.position = position
        self.hash = hash
    }

    /// The head of an empty log.
    public static let empty = LogHead(position: .zero, hash: .genesis)
}

/// The log's LMDB layout and the work done inside its transactions.
///
/// Databases: `meta` (magic and format version), `records` (position → record), `streams`
/// (stream name ‖ 0 ‖ version → position), `idempotency` (key → first and last position) and
/// `checkpoints` (name → position and bytes of derived state; outside the hash chain).
final class LogStore: Sendable {
    static let magic = Array("kezek-event-log".utf8)
    static let formatVersion: UInt32 = 1

    let environment: Environment
    let meta: Database
    let records: Database
    let streams: Database
    let idempotency: Database
    /// `nil` only in a read-only log written before checkpoints existed.
    let checkpoints: Database?

    private init(
        environment: Environment,
        meta: Database,
        records: Database,
        streams: Database,
        idempotency: Database,
        checkpoints: Database?
    ) {
        self.environment = environment
        self.meta = meta
        self.records = records
        self.streams = streams
        self.idempotency = idempotency
        self.checkpoints = checkpoints
    }

    /// Creates the databases and the metadata of a new log in one transaction, so that a crash
    /// leaves either an empty environment or a complete new log.
    static func create(in environment: Environment) throws(LMDBError) -> LogStore {
        try environment.write { (transaction) throws(LMDBError) in
            let meta = try transaction.openDatabase(named: "meta", options: .create)
            let store = LogStore(
                environment: environment,
                meta: meta,
                records: try transaction.openDatabase(named: "records", options: .create),
                streams: try transaction.openDatabase(named: "streams", options: .create),
                idempotency: try transaction.openDatabase(named: "idempotency", options: .create),
                checkpoints: try transaction.openDatabase(named: "checkpoints", options: .create)
            )
            try transaction.put(magic, forKey: Array("magic".utf8), in: meta)
            try transaction.put(
                withUnsafeBytes(of: formatVersion.bigEndian) { Array($0) },
                forKey: Array("format".utf8),
                in: meta
            )
            try transaction.put([UInt8](repeating: 0, count: 8), forKey: watermarkKey, in: meta)
            return store
        }
    }

    /// Opens the databases of an existing log and checks its magic and format version.
    static func open(_ environment: Environment) throws(EventLogError) -> LogStore {
        let store: LogStore
        do {
            store = LogStore(
                environment: environment,
                meta: try environment.openDatabase(named: "meta"),
                records: try environment.openDatabase(named: "records"),
                streams: try environment.openDatabase(named: "streams"),
                idempotency: try environment.openDatabase(named: "idempotency"),
                checkpoints: try openCheckpoints(environment)
            )
        } catch .notFound, .incompatible {
            throw .notAnEventLog(path: environment.path, reason: "an LMDB environment without a Kezek log in it")
        } catch {
            throw .storage(error)
        }
        let (magic, format) = try storage { () throws(LMDBError) in
            try environment.read { (transaction) throws(LMDBError) in
                let magic = try transaction.value(forKey: Array("magic".utf8), in: store.meta).map { Array($0) }
                let format = try transaction.value(forKey: Array("format".utf8), in: store.meta).map { Array($0) }
                return (magic, format)
            }
        }
        guard magic == Self.magic, let format, format.count == 4 else {
            throw .notAnEventLog(path: environment.path, reason: "its metadata does not name a Kezek event log")
        }
        let version = format.withUnsafeBytes { UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self)) }
        guard version <= formatVersion else {
            throw .unsupportedFormat(found: version, supported: formatVersion)
        }
        return store
    }

    /// The checkpoint database; created on first open of a writable log that lacks it (it holds
    /// derived data only, so adding it does not change the log's format).
    private static func openCheckpoints(_ environment: Environment) throws(LMDBError) -> Database? {
        do {
            return try environment.openDatabase(named: "checkpoints")
        } catch .notFound {
            if environment.options.readOnly { return nil }
            return try environment.openDatabase(named: "checkpoints", options: .create)
        }
    }

    // MARK: Reading

    func head(in transaction: borrowing some ReadableTransaction & ~Copyable) throws(EventLogError) -> LogHead {
        let last: Result<LogHead, EventLogError>? = try storage {
            () throws(LMDBError) -> Result<LogHead, EventLogError>? in
            try transaction.withCursor(on: records) { (cursor) throws(LMDBError) in
                guard let entry = try cursor.last() else { return nil }
                let position = Position(UInt64(bigEndian: entry.key.loadUnaligned(as: UInt64.self)))
                return RecordView.parse(position: position, value: entry.value).map {
                    LogHead(position: position, hash: $0.hash)
                }
            }
        }
        guard let last else { return .empty }
        return try last.get()
    }

    /// The version of `stream` as far as the `streams` database knows (up to the watermark).
    func indexedVersion(
        of stream: StreamID,
        in transaction: borrowing some ReadableTransaction & ~Copyable
    ) throws(LMDBError) -> StreamVersion {
        var probe = Array(stream.rawValue.utf8)
        let nameLength = probe.count
        probe.append(1)
        return try transaction.withCursor(on: streams) { (cursor) throws(LMDBError) in
            let entry = try cursor.seek(atLeast: probe) != nil ? try cursor.previous() : try cursor.last()
            guard let entry, entry.key.count == nameLength + 9, entry.key[nameLength] == 0,
                entry.key.starts(with: probe[..<nameLength])
            else { return .none }
            return StreamVersion(
                UInt64(bigEndian: entry.key.loadUnaligned(fromByteOffset: nameLength + 1, as: UInt64.self))
            )
        }
    }

    // MARK: Writing

    /// What a group commit wrote.
    struct GroupOutcome {
        var results: [Result<AppendReceipt, EventLogError>]
        var head: LogHead
        /// The index entries of the records written, for the writer's tail.
        var entries: [IndexEntry]
        /// Whether the tail and these entries went into the `streams` database in this transaction.
        var flushedIndex: Bool
    }

    /// Appends a group of batches in one write transaction. Each batch is checked against the state
    /// left by the batches before it; a rejected batch writes nothing and the others go on. `tail` holds
    /// the index entries not yet in the `streams` database; it is only read here (the transaction may be
    /// run again), and the caller updates it after the commit.
    func append(
        _ requests: [AppendRequest],
        after start: LogHead,
        tail: StreamTail,
        in transaction: borrowing WriteTransaction
    ) throws(LMDBError) -> GroupOutcome {
        var head = start
        var versions: [StreamID: StreamVersion] = [:]
        var entries: [IndexEntry] = []
        var scratch = [UInt8]()
        scratch.reserveCapacity(512)
        var results: [Result<AppendReceipt, EventLogError>] = []
        results.reserveCapacity(requests.count)

        func currentVersion(_ stream: StreamID) throws(LMDBError) -> StreamVersion {
            if let known = versions[stream] ?? tail.versions[stream] { return known }
            let stored = try indexedVersion(of: stream, in: transaction)
            versions[stream] = stored
            return stored
        }

        requestLoop: for request in requests {
            if let key = request.idempotencyKey, let original = try originalPositions(of: key, in: transaction) {
                results.append(.success(original))
                continue
            }
            for (stream, expected) in request.expectations {
                let actual = try currentVersion(stream)
                if !expected.admits(actual) {
                    results.append(.failure(.versionConflict(stream: stream, expected: expected, actual: actual)))
                    continue requestLoop
                }
            }
            let first = head.position.next
            for (index, record) in request.records.enumerated() {
                let position = head.position.next
                let version = StreamVersion(try currentVersion(record.stream).rawValue + 1)
                RecordFormat.encodeCanonical(
                    record,
                    version: version,
                    isLastInBatch: index == request.records.count - 1,
                    idempotencyKey: index == 0 ? request.idempotencyKey : nil,
                    into: &scratch
                )
                let hash = scratch.withUnsafeBytes { head.hash.chained(position: position, canonicalBytes: $0) }
                try writeRecord(scratch, hash: hash, at: position, in: transaction)
                entries.append(IndexEntry(stream: record.stream, version: version, position: position))
                versions[record.stream] = version
                head = LogHead(position: position, hash: hash)
            }
            if let key = request.idempotencyKey {
                try remember(key, first: first, last: head.position, in: transaction)
            }
            results.append(
                .success(AppendReceipt(positions: first...head.position, lastHash: head.hash, wasDuplicate: false))
            )
        }
        let flush = !entries.isEmpty && tail.count + entries.count >= Self.indexFlushThreshold
        if flush {
            try writeIndex(tail.entries + entries, through: head.position, in: transaction)
        }
        return GroupOutcome(results: results, head: head, entries: entries, flushedIndex: flush)
    }

    /// Writes the whole tail into the index (when the log closes), moving the watermark to `head`.
    func flushIndex(_ tail: StreamTail, through head: Position) throws(LMDBError) {
        guard tail.count > 0 else { return }
        try environment.write { (transaction) throws(LMDBError) in
            try writeIndex(tail.entries, through: head, in: transaction)
        }
    }

    private func writeRecord(
        _ canonical: [UInt8],
        hash: ChainHash,
        at position: Position,
        in transaction: borrowing WriteTransaction
    ) throws(LMDBError) {
        var key = RecordFormat.key(position)
        let count = canonical.count
        try withUnsafeBytes(of: &key) { (key) throws(LMDBError) in
            try transaction.put(
                reserving: count + RecordFormat.hashLength,
                forKey: key,
                in: records,
                options: .append
            ) { target in
                canonical.withUnsafeBytes { target.copyMemory(from: $0) }
                hash.write(to: UnsafeMutableRawBufferPointer(rebasing: target[count...]))
            }
        }
    }

    private func remember(
        _ key: IdempotencyKey,
        first: Position,
        last: Position,
        in transaction: borrowing WriteTransaction
    ) throws(LMDBError) {
        var value = [UInt8]()
        withUnsafeBytes(of: first.rawValue.bigEndian) { value.append(contentsOf: $0) }
        withUnsafeBytes(of: last.rawValue.bigEndian) { value.append(contentsOf: $0) }
        try transaction.put(value, forKey: key.bytes, in: idempotency)
    }

    private func originalPositions(
        of key: IdempotencyKey,
        in transaction: borrowing WriteTransaction
    ) throws(LMDBError) -> AppendReceipt? {
        guard let stored = try transaction.value(forKey: key.bytes, in: idempotency), stored.count == 16 else {
            return nil
        }
        let first = Position(UInt64(bigEndian: stored.loadUnaligned(as: UInt64.self)))
        let last = Position(UInt64(bigEndian: stored.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        var hash = ChainHash.genesis
        var recordKey = RecordFormat.key(last)
        let value = try withUnsafeBytes(of: &recordKey) { (key) throws(LMDBError) in
            try transaction.value(forKey: key, in: records)
        }
        if let value, case .success(let view) = RecordView.parse(position: last, value: value) {
            hash = view.hash
        }
        return AppendReceipt(positions: first...last, lastHash: hash, wasDuplicate: true)
    }
}

/// Runs LMDB work and reports its failure as ``EventLogError/storage(_:)``.
@inline(__always)
func storage<R>(_ body: () throws(LMDBError) -> R) throws(EventLogError) -> R {
    do {
        return try body()
    } catch {
        throw .storage(error)
    }
}
