public import EventLog

/// What an import wrote: the new log's head, its event count and the state digest after the last
/// event (equal to `kezek replay`'s).
public struct ImportSummary: Hashable, Sendable {
    /// The head of the imported log: its last position and chain hash.
    public var head: LogHead
    /// The digest of the state rebuilt from the imported events.
    public var digest: StateDigest
}
