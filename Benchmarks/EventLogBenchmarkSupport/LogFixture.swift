public import EventLog
public import KezekTestSupport

/// An event log in a fresh temporary directory, for one benchmark; the directory goes when the
/// fixture does.
public final class LogFixture: Sendable {
    /// The directory of the log.
    public let directory: TemporaryDirectory
    /// The log.
    public let log: EventLog

    /// Opens a new, empty log.
    public init(options: EventLog.Options = EventLog.Options()) throws {
        directory = try TemporaryDirectory(prefix: "kezek-bench-log")
        log = try EventLog(path: directory.path, options: options)
    }

    /// A log of `count` records, loaded with ``EventLog/Durability/bulkLoad`` in batches of
    /// `batchSize` records from a few concurrent tasks, then flushed.
    public static func bulkLoaded(
        records count: Int,
        batchSize: Int = 1_000,
        samples: SampleRecords
    ) async throws -> LogFixture {
        precondition(batchSize > 0, "a batch holds at least one record")
        let fixture = try LogFixture(options: EventLog.Options(durability: .bulkLoad))
        let log = fixture.log
        let batches = (count + batchSize - 1) / batchSize
        try await ConcurrentAppenders.run(count: batches, appenders: 4) { batch in
            let first = batch * batchSize
            let records = (first..<min(first + batchSize, count)).map { samples.record(for: $0) }
            _ = try await log.append(records)
        }
        try log.sync()
        return fixture
    }

    /// Appends `count` single-record commands from `appenders` concurrent tasks, each awaiting its
    /// append (durable, unless the log was opened otherwise) before the next.
    public func appendConcurrently(count: Int, appenders: Int, samples: SampleRecords) async throws {
        let log = log
        try await ConcurrentAppenders.run(count: count, appenders: appenders) { ticket in
            _ = try await log.append([samples.record(for: ticket)])
        }
    }

    /// Reads every record with ``EventLog/forEachRecord(after:_:)`` and returns how many there were,
    /// after touching each one's fields so that the walk cannot be optimized away.
    public func readAll() throws -> (records: UInt64, checksum: Int) {
        var checksum = 0
        let count = try log.forEachRecord { view in
            checksum &+= view.payload.count &+ Int(truncatingIfNeeded: view.timestamp) &+ view.streamBytes.count
            return true
        }
        return (count, checksum)
    }

    /// Finishes the log's writer and flushes it; the directory is removed when the fixture is released.
    public func close() throws {
        try log.close()
    }
}
