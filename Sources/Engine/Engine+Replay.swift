public import EventLog

extension Engine {
    /// Rebuilds the model from the log alone (no checkpoint): every record from the first, up to and
    /// including `limit` when given. The digest of the result equals the live engine's at that position.
    /// `progress` hears the position reached every ``progressInterval`` records. A log of at least
    /// `concurrentlyFrom` events is folded on three threads (the records read and decoded on one, the
    /// state on this one, the read models on a third), with the same result.
    public static func replay(
        _ log: EventLog, until limit: Position? = nil, concurrentlyFrom threshold: UInt64 = pipelineThreshold,
        progress: (Position) -> Void = { _ in }
    ) throws(EngineError) -> EngineModel {
        try catchUp(EngineModel(), from: log, until: limit, concurrentlyFrom: threshold, progress: progress)
    }

    /// The model of the log up to `limit`: this engine's model when `limit` is its position or later,
    /// otherwise a full replay up to `limit`.
    public func model(at limit: Position?) throws(EngineError) -> EngineModel {
        guard let limit, limit < model.position else { return model }
        return try Self.replay(log, until: limit)
    }
}
