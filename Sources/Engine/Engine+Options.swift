public import EventLog
public import Kezek

extension Engine {
    /// How an engine is opened.
    public struct Options: Sendable {
        /// How the log is opened (durability, map size, group size, read-only).
        public var log: EventLog.Options
        /// The person registry asked for the IINs a command names.
        public var registry: any PersonRegistry
        /// The rules, calendar and classifier; its `persons` are filled in per command.
        public var context: DecisionContext
        /// A checkpoint is saved once this many events were applied since the last one, and at least half
        /// as many as the last one covered (and on close).
        public var checkpointInterval: UInt64
        /// Where warnings go (a checkpoint that could not be used, ...); stderr in the command-line tool.
        public var warn: @Sendable (String) -> Void

        /// Durable appends, the open development registry, the standard rules, a checkpoint every 100,000
        /// events, warnings dropped.
        public init(
            log: EventLog.Options = EventLog.Options(),
            registry: any PersonRegistry = OpenPersonRegistry(),
            context: DecisionContext = DecisionContext(),
            checkpointInterval: UInt64 = 100_000,
            warn: @escaping @Sendable (String) -> Void = { _ in }
        ) {
            self.log = log
            self.registry = registry
            self.context = context
            self.checkpointInterval = checkpointInterval
            self.warn = warn
        }
    }
}
