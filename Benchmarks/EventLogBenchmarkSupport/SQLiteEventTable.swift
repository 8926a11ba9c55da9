public import EventLog
import Foundation
import GRDB
public import KezekTestSupport

/// The same log kept the plain way, for comparison: SQLite through GRDB, an `events` table with an
/// integer position, WAL, `synchronous=FULL`, one write transaction per command.
public final class SQLiteEventTable: Sendable {
    /// The directory of the database.
    public let directory: TemporaryDirectory
    private let pool: DatabasePool

    private static let insert = "INSERT INTO events (stream, type, time, payload) VALUES (?, ?, ?, ?)"

    /// Creates a new database with an empty `events` table in a fresh temporary directory.
    public init() throws {
        directory = try TemporaryDirectory(prefix: "kezek-bench-sqlite")
        pool = try DatabasePool(path: directory.appending("events.sqlite"))
        // A pool turns WAL on and then sets `synchronous=NORMAL` on its writer, after any
        // `prepareDatabase`; FULL syncs the WAL at every commit, as durable as the event log.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE events (
                        position INTEGER PRIMARY KEY,
                        stream TEXT NOT NULL,
                        type INTEGER NOT NULL,
                        time INTEGER NOT NULL,
                        payload BLOB NOT NULL
                    )
                    """
            )
        }
    }

    /// Inserts one record in its own write transaction, which commits (and syncs the WAL) before the
    /// call returns.
    public func append(_ record: NewRecord) async throws {
        let payload = Data(record.payload)
        try await pool.write { db in
            try db.cachedStatement(sql: Self.insert).execute(arguments: [
                record.stream.rawValue, Int64(record.type.rawValue), record.timestamp, payload,
            ])
        }
    }

    /// Appends `count` single-record commands from `appenders` concurrent tasks, each awaiting its
    /// transaction before the next.
    public func appendConcurrently(count: Int, appenders: Int, samples: SampleRecords) async throws {
        try await ConcurrentAppenders.run(count: count, appenders: appenders) { ticket in
            try await self.append(samples.record(for: ticket))
        }
    }

    /// The number of rows in `events`.
    public func count() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
    }

    /// The journal mode and the `synchronous` level of the writer connection, to show what was measured.
    public func settings() throws -> (journalMode: String, synchronous: Int) {
        try pool.write { db in
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
            let level = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            return (mode, level)
        }
    }

    /// Closes the database's connections; the directory is removed when the table is released.
    public func close() throws {
        try pool.close()
    }
}
