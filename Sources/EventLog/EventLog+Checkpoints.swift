import LMDB

/// Derived state saved beside the log: a projection's bytes and the position they were computed at.
/// Checkpoints are not part of the hash chain; whoever loads one must check it (its own digest and
/// format) and can always rebuild it from the log.
public struct StoredCheckpoint: Hashable, Sendable {
    /// The checkpoint's name.
    public var name: String
    /// The last position the state includes.
    public var position: Position
    /// The state's bytes, as the saver encoded them.
    public var bytes: [UInt8]
}

extension EventLog {
    /// Saves (replacing any earlier one) the checkpoint `name`: `bytes` computed from the records up to
    /// and including `position`. The write is its own durable LMDB transaction, beside the appends.
    @available(*, noasync, message: "saving blocks the calling thread")
    public func saveCheckpoint(named name: String, at position: Position, bytes: [UInt8]) throws(EventLogError) {
        guard let checkpoints = store.checkpoints else { throw .closed }
        guard position <= head.position else {
            throw .malformedRecord(position: position, reason: "a checkpoint cannot be ahead of the head")
        }
        var value = [UInt8]()
        value.reserveCapacity(bytes.count + 8)
        withUnsafeBytes(of: position.rawValue.bigEndian) { value.append(contentsOf: $0) }
        value.append(contentsOf: bytes)
        try storage { () throws(LMDBError) in
            try store.environment.write { (transaction) throws(LMDBError) in
                try transaction.put(value, forKey: Array(name.utf8), in: checkpoints)
            }
        }
    }

    /// The checkpoint `name`, or `nil` when none was saved.
    public func checkpoint(named name: String) throws(EventLogError) -> StoredCheckpoint? {
        guard let checkpoints = store.checkpoints else { return nil }
        return try storage { () throws(LMDBError) in
            try store.environment.read { (transaction) throws(LMDBError) -> StoredCheckpoint? in
                guard let value = try transaction.value(forKey: Array(name.utf8), in: checkpoints), value.count >= 8
                else { return nil }
                return StoredCheckpoint(
                    name: name,
                    position: Position(UInt64(bigEndian: value.loadUnaligned(as: UInt64.self))),
                    bytes: Array(value[8...])
                )
            }
        }
    }

    /// Runs `body` with the position and the bytes of the checkpoint `name` as they lie in the log's
    /// map, without a copy, or with `nil` when none was saved. The bytes are valid only inside `body`;
    /// afterwards the process gives back the map's pages it read for them (they stay in the page cache),
    /// so that a checkpoint loaded at start does not stay in the resident memory beside what it decoded.
    public func withCheckpoint<R>(
        named name: String, _ body: ((position: Position, bytes: UnsafeRawBufferPointer)?) -> R
    ) throws(EventLogError) -> R {
        guard let checkpoints = store.checkpoints else { return body(nil) }
        let environment = store.environment
        return try storage { () throws(LMDBError) in
            try environment.read { (transaction) throws(LMDBError) -> R in
                guard let value = try transaction.value(forKey: Array(name.utf8), in: checkpoints), value.count >= 8
                else { return body(nil) }
                defer { environment.releaseMappedPages(value) }
                let position = Position(UInt64(bigEndian: value.loadUnaligned(as: UInt64.self)))
                return body((position, UnsafeRawBufferPointer(rebasing: value[8...])))
            }
        }
    }
}
