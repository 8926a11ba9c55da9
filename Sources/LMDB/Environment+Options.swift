extension Environment {
    /// How commits reach the disk.
    public enum Durability: Hashable, Sendable {
        /// Every commit is flushed (`fdatasync`) before it returns: a committed transaction survives a
        /// crash of the process or the machine.
        case durable
        /// `MDB_NOMETASYNC`: a commit flushes its data pages but writes the metadata page without
        /// waiting; that page reaches the disk with the next commit's flush or ``Environment/sync()``.
        /// A machine crash may undo the last commit (never corrupts); flush before promising it.
        case noMetaSync
        /// `MDB_NOSYNC`: commits are not flushed; call ``Environment/sync()`` at the end. A process crash
        /// loses nothing (the page cache survives it), a machine crash may lose recent commits.
        case noSync
    }

    /// What an environment is opened with.
    public struct Options: Hashable, Sendable {
        /// The initial map size in bytes (`mdb_env_set_mapsize`); the map grows on demand.
        public var mapSize: Int
        /// The map never grows past this many bytes; a write that needs more fails with
        /// ``LMDBError/mapFull``.
        public var maximumMapSize: Int
        /// The smallest step by which the map grows.
        public var minimumGrowth: Int
        /// The number of named databases (`mdb_env_set_maxdbs`).
        public var maxDatabases: Int
        /// The number of concurrent read transactions (`mdb_env_set_maxreaders`).
        public var maxReaders: Int
        /// Open read-only (`MDB_RDONLY`).
        public var readOnly: Bool
        /// Whether each commit is flushed.
        public var durability: Durability

        /// Options with sensible defaults: a 1 GiB initial map growing up to 1 TiB, 16 named databases,
        /// 510 readers, durable commits.
        public init(
            mapSize: Int = 1 << 30,
            maximumMapSize: Int = 1 << 40,
            minimumGrowth: Int = 1 << 20,
            maxDatabases: Int = 16,
            maxReaders: Int = 510,
            readOnly: Bool = false,
            durability: Durability = .durable
        ) {
            self.mapSize = mapSize
            self.maximumMapSize = maximumMapSize
            self.minimumGrowth = minimumGrowth
            self.maxDatabases = maxDatabases
            self.maxReaders = maxReaders
            self.readOnly = readOnly
            self.durability = durability
        }
    }
}
