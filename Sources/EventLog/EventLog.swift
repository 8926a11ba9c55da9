import Foundation
import LMDB

/// Kezek's append-only, tamper-evident event log, kept in an LMDB environment.
///
/// The log knows nothing of kindergartens: it stores records (a stream, a type code, a timestamp and
/// opaque payload bytes) under gapless global positions starting at 1, each chained to the one before by
/// SHA-256 (see ``RecordFormat``). Appends from any number of tasks or threads go to one writer thread
/// that commits whatever has queued up in a single transaction (group commit); a caller is answered
/// only after its batch is durable. Reads run in LMDB read transactions next to the writer and never
/// block it.
///
/// One process at a time may open a log for writing (an advisory lock on `kezek.lock` in the
/// directory); any number may open it read-only.
public final class EventLog: Sendable {
    /// The largest payload of one record, 16 MiB.
    public static let maximumPayloadSize = 16 << 20

    /// The directory of the log.
    public let path: String
    /// How the log was opened.
    public let options: Options

    let store: LogStore
    let notifier: HeadNotifier
    private let committer: GroupCommitter?
    private let lock: DirectoryLock?

    /// Opens the log in the directory at `path`, creating the directory and a new log when it is
    /// missing or empty.
    ///
    /// Fails with ``EventLogError/notAnEventLog(path:reason:)`` when the directory holds anything else,
    /// with ``EventLogError/unsupportedFormat(found:supported:)`` when the log is of a newer format, and
    /// with ``EventLogError/locked(path:)`` when another process writes to it.
    public init(path: String, options: Options = Options()) throws(EventLogError) {
        self.path = path
        self.options = options
        let existing = try Self.inspect(path, readOnly: options.readOnly)
        lock = options.readOnly ? nil : try DirectoryLock(directory: path)
        let environment: Environment
        do {
            environment = try Environment(path: path, options: options.environmentOptions)
        } catch .invalid, .versionMismatch {
            throw .notAnEventLog(path: path, reason: "data.mdb is not an LMDB data file of this version")
        } catch {
            throw .storage(error)
        }
        if existing, try storage({ () throws(LMDBError) in try environment.statistics().entries }) > 0 {
            store = try LogStore.open(environment)
        } else if options.readOnly {
            throw .notAnEventLog(path: path, reason: "the log is empty and cannot be created read-only")
        } else {
            store = try storage { () throws(LMDBError) in try LogStore.create(in: environment) }
        }
        let current = try Self.readHead(store)
        notifier = HeadNotifier(head: current)
        if options.readOnly {
            committer = nil
        } else {
            let notifier = notifier
            committer = GroupCommitter(
                store: store,
                head: current,
                maximumGroupSize: options.maximumGroupSize,
                tail: try Self.readTail(store, head: current.position),
                deferredMetaSync: options.durability == .durable,
                onCommit: { notifier.publish($0) }
            )
            committer?.start()
        }
    }

    deinit {
        committer?.stop()
        notifier.close()
    }

    /// Finishes queued appends, stops the writer, flushes the file (needed in
    /// ``Durability/bulkLoad``) and wakes every subscriber, whose sequences then end. Appending after
    /// `close` fails with ``EventLogError/closed``; reading still works.
    public func close() throws(EventLogError) {
        committer?.stop()
        notifier.close()
        if !options.readOnly {
            try storage { () throws(LMDBError) in try store.environment.sync() }
        }
    }

    /// Flushes everything committed so far to disk (`mdb_env_sync`); with ``Durability/bulkLoad`` this
    /// is the moment the data becomes crash-safe.
    public func sync() throws(EventLogError) {
        try storage { () throws(LMDBError) in try store.environment.sync() }
    }

    /// The last position and its chain hash, as of the last commit.
    public var head: LogHead {
        notifier.head
    }

    // MARK: Appending

    /// Appends a batch and returns once it is durable (or, in ``Durability/bulkLoad``, committed).
    ///
    /// The batch is written whole or not at all. It is rejected, writing nothing, when a stream is not
    /// at its expected version (``EventLogError/versionConflict(stream:expected:actual:)``, with the
    /// actual version). A batch whose idempotency key was seen before writes nothing and answers the
    /// first append's positions, with ``AppendReceipt/wasDuplicate`` set.
    public func append(_ request: AppendRequest) async throws(EventLogError) -> AppendReceipt {
        try request.validate()
        guard let committer else { throw .closed }
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<AppendReceipt, EventLogError>, Never>) in
            committer.submit(request) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    /// Appends records to one stream; see ``append(_:)``.
    public func append(
        _ records: [NewRecord],
        expecting expectations: [StreamID: ExpectedVersion] = [:],
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(EventLogError) -> AppendReceipt {
        try await append(AppendRequest(records: records, expecting: expectations, idempotencyKey: idempotencyKey))
    }

    /// Appends a batch from a thread that may block, and waits for it; see ``append(_:)``.
    @available(*, noasync, message: "use append(_:) from async code")
    public func appendAndWait(_ request: AppendRequest) throws(EventLogError) -> AppendReceipt {
        try request.validate()
        guard let committer else { throw .closed }
        let box = ResultBox()
        committer.submit(request) { box.fulfil($0) }
        return try box.wait().get()
    }

    /// Queues a batch and calls `completion` (on the log's answer thread, in order, so it must be quick)
    /// once the batch is decided and durable. This is the cheapest way to append from callers that are
    /// neither async nor willing to block.
    public func append(
        _ request: AppendRequest,
        completion: @escaping @Sendable (Result<AppendReceipt, EventLogError>) -> Void
    ) {
        do {
            try request.validate()
        } catch {
            completion(.failure(error))
            return
        }
        guard let committer else { return completion(.failure(.closed)) }
        committer.submit(request, completion: completion)
    }

    /// The index entries of the records after the stream index's watermark.
    private static func readTail(_ store: LogStore, head: Position) throws(EventLogError) -> StreamTail {
        let entries = try storage { () throws(LMDBError) -> Result<[IndexEntry], EventLogError> in
            try store.environment.read { (transaction) throws(LMDBError) in
                let watermark = try store.indexedThrough(in: transaction, head: head)
                return try store.tailEntries(of: nil, after: watermark, in: transaction)
            }
        }
        let tail = StreamTail()
        tail.add(try entries.get())
        return tail
    }

    private static func readHead(_ store: LogStore) throws(EventLogError) -> LogHead {
        let result = try storage { () throws(LMDBError) -> Result<LogHead, EventLogError> in
            try store.environment.read { (transaction) throws(LMDBError) in
                Result { () throws(EventLogError) in try store.head(in: transaction) }
            }
        }
        return try result.get()
    }

    /// Whether the directory at `path` holds a log that has been written: its `data.mdb` has the log's
    /// tables. A `data.mdb` without them (a writer stopped between creating the file and its first
    /// commit) holds no log yet, like a directory without one; a reader then opens the log writable,
    /// which creates it empty, instead of calling the file damaged. When the file cannot be read,
    /// `true`, so that the open that follows reports why.
    public static func holdsLog(at path: String) -> Bool {
        let dataFile = (path as NSString).appendingPathComponent("data.mdb")
        guard FileManager.default.fileExists(atPath: dataFile) else { return false }
        do {
            let environment = try Environment(path: path, options: Options(readOnly: true).environmentOptions)
            return try environment.statistics().entries > 0
        } catch {
            return true
        }
    }

    /// Whether `path` holds an existing log (`true`), nothing yet (`false`), or something else (throws).
    private static func inspect(_ path: String, readOnly: Bool) throws(EventLogError) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if readOnly { throw .notAnEventLog(path: path, reason: "the directory does not exist") }
            return false
        }
        guard isDirectory.boolValue else { throw .notAnEventLog(path: path, reason: "it is not a directory") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if contents.contains("data.mdb") { return true }
        let foreign = contents.filter { !["lock.mdb", DirectoryLock.fileName].contains($0) }
        if !foreign.isEmpty {
            throw .notAnEventLog(
                path: path,
                reason: "it holds other files (\(foreign.sorted().prefix(3).joined(separator: ", "))) and no data.mdb")
        }
        if readOnly { throw .notAnEventLog(path: path, reason: "it holds no log") }
        return false
    }
}

/// A one-shot result that a blocking caller waits for.
private final class ResultBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<AppendReceipt, EventLogError>?

    func fulfil(_ value: Result<AppendReceipt, EventLogError>) {
        condition.lock()
        result = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> Result<AppendReceipt, EventLogError> {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
