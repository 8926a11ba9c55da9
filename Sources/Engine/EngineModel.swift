public import EventLog
public import Kezek
public import Projections

/// Everything the engine derives from the log, as of a position: the decision state and the read models
/// (queue numbers, cards, statistics; families and the catalog are views of the state). Built only by ``apply(_:at:position:)``, which live processing and replay both call, so
/// that replaying a log gives exactly the state that running it live gave.
public struct EngineModel: Sendable, Equatable {
    /// The decision state: what `decide` judges commands against.
    public private(set) var state: KezekState
    /// The read models: queue numbers in O(log n), cards, statistics.
    public private(set) var projections: Projections
    /// The position of the last event folded in (``Position/zero`` before the first).
    public private(set) var position: Position

    /// The model of an empty log.
    public init() {
        state = KezekState()
        projections = Projections()
        position = .zero
    }

    /// A model restored from a checkpoint.
    init(state: KezekState, projections: Projections, position: Position) {
        self.state = state
        self.projections = projections
        self.position = position
    }

    /// The model taken apart, so that its parts can be folded (or measured) separately without a copy.
    public consuming func parts() -> (KezekState, Projections) {
        (state, projections)
    }

    /// Folds the event at `position`, recorded at `time`, into the state and every read model.
    public mutating func apply(_ event: Event, at time: Timestamp, position: Position) {
        state.evolve(event, at: time)
        projections.apply(event, at: time, position: position.rawValue)
        self.position = position
    }

    /// The canonical bytes of the whole model: the position (8 bytes, big-endian), the state's canonical
    /// form, then the projections' canonical form. Equal models give equal bytes.
    public var canonicalBytes: [UInt8] {
        var writer = BinaryWriter(capacity: 1 << 16)
        writer.write(position.rawValue)
        state.canonicalBytes(into: &writer)
        var bytes = writer.bytes
        projections.canonicalBytes(into: &bytes)
        return bytes
    }

    /// The SHA-256 of ``canonicalBytes``.
    public var digest: StateDigest {
        StateDigest(of: canonicalBytes)
    }
}
