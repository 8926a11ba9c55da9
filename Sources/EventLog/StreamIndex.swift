import LMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One entry of the stream index: the record at `position` is version `version` of `stream`.
struct IndexEntry: Sendable {
    var stream: StreamID
    var version: StreamVersion
    var position: Position
}

/// The stream index entries of the records after the index's watermark, kept by the writer.
///
/// Writing an index entry with every record would dirty one random page of the `streams` database per
/// record, several kilobytes to flush for a record of a few hundred bytes. Instead the writer keeps
/// the entries of recent records here and writes them, sorted, in one go with the commit that makes the
/// tail reach ``LogStore/indexFlushThreshold`` records, moving the watermark (`indexedThrough` in
/// `meta`) in the same transaction. Nothing is lost in a crash: the tail is rebuilt from the records
/// after the watermark, and readers merge that tail into what the index says.
final class StreamTail: @unchecked Sendable {
    // Used by the writer thread only (and by the opener before the writer starts).
    private(set) var versions: [StreamID: StreamVersion] = [:]
    private(set) var entries: [IndexEntry] = []

    var count: Int { entries.count }

    func add(_ new: [IndexEntry]) {
        for entry in new { versions[entry.stream] = entry.version }
        entries += new
    }

    func removeAll() {
        versions.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }
}

extension LogStore {
    /// How many records may wait outside the stream index before the writer writes their entries.
    static let indexFlushThreshold = 32_768
    static let watermarkKey = Array("indexedThrough".utf8)

    /// The last position whose index entry is in the `streams` database. A log written before the
    /// watermark existed indexed every record at once, so it counts as indexed up to its head.
    func indexedThrough(
        in transaction: borrowing some ReadableTransaction & ~Copyable,
        head: Position
    ) throws(LMDBError) -> Position {
        guard let value = try transaction.value(forKey: Self.watermarkKey, in: meta), value.count == 8 else {
            return head
        }
        return Position(UInt64(bigEndian: value.loadUnaligned(as: UInt64.self)))
    }

    /// The index entries of the records after the watermark whose stream is `stream` (every stream
    /// when `nil`), read from the records themselves.
    func tailEntries(
        of stream: StreamID?,
        after watermark: Position,
        in transaction: borrowing some ReadableTransaction & ~Copyable
    ) throws(LMDBError) -> Result<[IndexEntry], EventLogError> {
        let wanted = stream.map { Array($0.rawValue.utf8) }
        return try transaction.withCursor(on: records) { (cursor) throws(LMDBError) in
            var key = RecordFormat.key(watermark.next)
            var entry = try withUnsafeBytes(of: &key) { (key) throws(LMDBError) in try cursor.seek(atLeast: key) }
            var found: [IndexEntry] = []
            while let current = entry {
                let position = Position(UInt64(bigEndian: current.key.loadUnaligned(as: UInt64.self)))
                switch RecordView.parse(position: position, value: current.value) {
                case .success(let view):
                    if wanted == nil || view.streamBytes.elementsEqual(wanted!) {
                        found.append(IndexEntry(stream: view.stream, version: view.streamVersion, position: position))
                    }
                case .failure(let error):
                    return .failure(error)
                }
                entry = try cursor.next()
            }
            return .success(found)
        }
    }

    /// The current version of `stream`: the index's, or a later one from the unindexed tail.
    func currentVersion(
        of stream: StreamID,
        in transaction: borrowing some ReadableTransaction & ~Copyable
    ) throws(LMDBError) -> Result<StreamVersion, EventLogError> {
        let headPosition: Position
        switch Result(catching: { () throws(EventLogError) in try head(in: transaction).position }) {
        case .success(let position): headPosition = position
        case .failure(let error): return .failure(error)
        }
        let watermark = try indexedThrough(in: transaction, head: headPosition)
        let tail = try tailEntries(of: stream, after: watermark, in: transaction)
        return try tail.map { (entries) throws(LMDBError) -> StreamVersion in
            if let last = entries.last { return last.version }
            return try indexedVersion(of: stream, in: transaction)
        }
    }

    /// Writes `entries` into the `streams` database in key order and moves the watermark to `through`.
    func writeIndex(
        _ entries: [IndexEntry],
        through: Position,
        in transaction: borrowing WriteTransaction
    ) throws(LMDBError) {
        var keyed: [([UInt8], Position)] = entries.map { entry in
            var key = Array(entry.stream.rawValue.utf8)
            key.append(0)
            withUnsafeBytes(of: entry.version.rawValue.bigEndian) { key.append(contentsOf: $0) }
            return (key, entry.position)
        }
        keyed.sort { precedes($0.0, $1.0) }
        for (key, position) in keyed {
            let value = withUnsafeBytes(of: position.rawValue.bigEndian) { Array($0) }
            try transaction.put(value, forKey: key, in: streams)
        }
        let watermark = withUnsafeBytes(of: through.rawValue.bigEndian) { Array($0) }
        try transaction.put(watermark, forKey: Self.watermarkKey, in: meta)
    }
}

/// Byte order of two keys, as LMDB compares them (`memcmp`, then the shorter first).
private func precedes(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    left.withUnsafeBytes { left in
        right.withUnsafeBytes { right in
            let common = min(left.count, right.count)
            let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
            return order != 0 ? order < 0 : left.count < right.count
        }
    }
}

extension Result {
    /// Maps a success with a throwing transform, keeping the typed error of the transform.
    fileprivate func map<NewSuccess, E: Error>(
        _ transform: (Success) throws(E) -> NewSuccess
    ) throws(E) -> Result<NewSuccess, Failure> {
        switch self {
        case .success(let value): .success(try transform(value))
        case .failure(let error): .failure(error)
        }
    }
}
