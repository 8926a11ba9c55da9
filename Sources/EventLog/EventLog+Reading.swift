import LMDB

extension EventLog {
    /// How many records one read transaction walks before the next one starts, so that a long scan
    /// never holds a snapshot (and old pages) for long.
    static let scanChunk = 65_536

    /// Calls `body` with every record after `position`, in log order, without copying them; `body`
    /// returns `false` to stop. Records appended during the scan may or may not be included.
    ///
    /// The ``RecordView`` is valid only during the call of `body`. Returns the number of records visited.
    @discardableResult
    public func forEachRecord(
        after position: Position = .zero,
        _ body: (RecordView) -> Bool
    ) throws(EventLogError) -> UInt64 {
        var last = position
        var visited: UInt64 = 0
        while true {
            var failure: EventLogError?
            var stopped = false
            let count = try storage { () throws(LMDBError) -> Int in
                try store.environment.read { (transaction) throws(LMDBError) in
                    try transaction.withCursor(on: store.records) { (cursor) throws(LMDBError) in
                        var key = RecordFormat.key(last.next)
                        var entry = try withUnsafeBytes(of: &key) { (key) throws(LMDBError) in
                            try cursor.seek(atLeast: key)
                        }
                        var count = 0
                        while let current = entry, count < Self.scanChunk {
                            let at = Position(UInt64(bigEndian: current.key.loadUnaligned(as: UInt64.self)))
                            switch RecordView.parse(position: at, value: current.value) {
                            case .success(let view):
                                count += 1
                                last = at
                                if !body(view) {
                                    stopped = true
                                    return count
                                }
                            case .failure(let error):
                                failure = error
                                return count
                            }
                            entry = try cursor.next()
                        }
                        return count
                    }
                }
            }
            visited += UInt64(count)
            if let failure { throw failure }
            if stopped || count < Self.scanChunk { return visited }
        }
    }

    /// Up to `limit` records after `position`, copied out of the log.
    public func records(after position: Position = .zero, limit: Int = .max) throws(EventLogError) -> [Record] {
        var result: [Record] = []
        guard limit > 0 else { return result }
        try forEachRecord(after: position) { view in
            result.append(Record(view))
            return result.count < limit
        }
        return result
    }

    /// The record at `position`, or `nil` when there is none.
    public func record(at position: Position) throws(EventLogError) -> Record? {
        guard position > .zero else { return nil }
        return try records(after: Position(position.rawValue - 1), limit: 1).first { $0.position == position }
    }

    /// The records of one stream, in stream order, starting after `version`: those in the stream index,
    /// then those after its watermark, found by reading the records (see ``StreamTail``).
    public func records(
        in stream: StreamID,
        after version: StreamVersion = .none,
        limit: Int = .max
    ) throws(EventLogError) -> [Record] {
        var prefix = Array(stream.rawValue.utf8)
        prefix.append(0)
        let nameLength = prefix.count
        var start = prefix
        withUnsafeBytes(of: (version.rawValue + 1).bigEndian) { start.append(contentsOf: $0) }
        let result = try storage { () throws(LMDBError) -> Result<[Record], EventLogError> in
            try store.environment.read { (transaction) throws(LMDBError) in
                var records: [Record] = []
                var positions = try transaction.withCursor(on: store.streams) { (cursor) throws(LMDBError) in
                    var positions: [Position] = []
                    var entry = try cursor.seek(atLeast: start)
                    while let current = entry, positions.count < limit, current.key.count == nameLength + 8,
                        current.key.starts(with: prefix)
                    {
                        positions.append(Position(UInt64(bigEndian: current.value.loadUnaligned(as: UInt64.self))))
                        entry = try cursor.next()
                    }
                    return positions
                }
                // Records after the index's watermark are not in the index yet: read them from the tail.
                let head: Position
                switch Result(catching: { () throws(EventLogError) in try store.head(in: transaction).position }) {
                case .success(let position): head = position
                case .failure(let error): return .failure(error)
                }
                let watermark = try store.indexedThrough(in: transaction, head: head)
                switch try store.tailEntries(of: stream, after: watermark, in: transaction) {
                case .success(let entries):
                    for entry in entries where entry.version > version && positions.count < limit {
                        positions.append(entry.position)
                    }
                case .failure(let error):
                    return .failure(error)
                }
                for position in positions {
                    var key = RecordFormat.key(position)
                    let value = try withUnsafeBytes(of: &key) { (key) throws(LMDBError) in
                        try transaction.value(forKey: key, in: store.records)
                    }
                    guard let value else {
                        return .failure(.malformedRecord(position: position, reason: "indexed but missing"))
                    }
                    switch RecordView.parse(position: position, value: value) {
                    case .success(let view): records.append(Record(view))
                    case .failure(let error): return .failure(error)
                    }
                }
                return .success(records)
            }
        }
        return try result.get()
    }

    /// The current version of `stream` (``StreamVersion/none`` when it has no records).
    public func version(of stream: StreamID) throws(EventLogError) -> StreamVersion {
        let result = try storage { () throws(LMDBError) -> Result<StreamVersion, EventLogError> in
            try store.environment.read { (transaction) throws(LMDBError) in
                try store.currentVersion(of: stream, in: transaction)
            }
        }
        return try result.get()
    }

    /// A catch-up-then-live sequence of the records after `position`: first those already in the log,
    /// then each new one as it commits, in order, none skipped or repeated. It ends when the log is
    /// closed or the consuming task is cancelled.
    public func subscribe(after position: Position = .zero, batchSize: Int = 1024) -> RecordSubscription {
        RecordSubscription(log: self, start: position, batchSize: max(1, batchSize))
    }

    /// Writes a compacted, consistent copy of the log into the directory `path` (created if missing,
    /// and it must be empty), while appends go on (`mdb_env_copy2` with `MDB_CP_COMPACT`).
    @available(*, noasync, message: "copying blocks the calling thread")
    public func backup(to path: String) throws(EventLogError) {
        try DirectoryLock.createDirectory(path)
        try storage { () throws(LMDBError) in try store.environment.copy(to: path, compacting: true) }
    }
}
