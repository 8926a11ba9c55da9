import LMDB

extension EventLog {
    /// When an append counts as done.
    public enum Durability: Hashable, Sendable {
        /// Each group commit is flushed to disk before its callers are answered (the default).
        case durable
        /// Commits are not flushed until ``EventLog/sync()`` or ``EventLog/close()``: for loading large
        /// data sets, where a crash means loading again. A process crash still loses nothing that was
        /// committed; a power loss may.
        case bulkLoad
    }

    /// How a log is opened.
    public struct Options: Hashable, Sendable {
        /// When an append counts as done.
        public var durability: Durability
        /// The initial LMDB map size in bytes; the map grows by itself when full.
        public var initialMapSize: Int
        /// The map never grows past this many bytes.
        public var maximumMapSize: Int
        /// The most append requests committed in one transaction.
        public var maximumGroupSize: Int
        /// Open for reading only: no writer, no lock, nothing created.
        public var readOnly: Bool

        /// Durable appends, a 256 MiB map growing up to 1 TiB, groups of up to 4,096 requests.
        public init(
            durability: Durability = .durable,
            initialMapSize: Int = 256 << 20,
            maximumMapSize: Int = 1 << 40,
            maximumGroupSize: Int = 4096,
            readOnly: Bool = false
        ) {
            self.durability = durability
            self.initialMapSize = initialMapSize
            self.maximumMapSize = maximumMapSize
            self.maximumGroupSize = maximumGroupSize
            self.readOnly = readOnly
        }

        var environmentOptions: Environment.Options {
            Environment.Options(
                mapSize: initialMapSize,
                maximumMapSize: maximumMapSize,
                minimumGrowth: min(64 << 20, max(initialMapSize, 1 << 16)),
                maxDatabases: 8,
                readOnly: readOnly,
                durability: durability == .durable ? .noMetaSync : .noSync
            )
        }
    }
}
