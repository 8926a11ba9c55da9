public import EventLog
public import Kezek

/// Everything the engine derives from the log, as of a position: the decision state (and, beside it, the
/// read models). Built only by ``apply(_:at:position:)``, which live processing and replay both call, so
/// that replaying a log gives exactly the state that running it live gave.
public struct EngineModel: Sendable, Equatable {
    /// The decision state: what `decide` judges commands against.
    public private(set) var state: KezekState
    /// The position of the last event folded in (``Position/zero`` before the first).
    public private(set) var position: Position

    /// The model of an empty log.
    public init() {
        state = KezekState()
        position = .zero
    }

    /// A model restored from a checkpoint.
    init(state: KezekState, position: Position) {
        self.state = state
        self.position = position
    }

    /// Folds the event at `position`, recorded at `time`, into the state and every read model.
    public mutating func apply(_ event: Event, at time: Timestamp, position: Position) {
        state.evolve(event, at: time)
        self.position = position
    }

    /// The canonical bytes of the whole model: the position (8 bytes, big-endian), then the state's
    /// canonical form. Equal models give equal bytes.
    public var canonicalBytes: [UInt8] {
        var writer = BinaryWriter(capacity: 1 << 16)
        writer.write(position.rawValue)
        state.canonicalBytes(into: &writer)
        return writer.bytes
    }

    /// The SHA-256 of ``canonicalBytes``.
    public var digest: StateDigest {
        StateDigest(of: canonicalBytes)
    }
}
