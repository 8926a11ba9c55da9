public import EventLog
public import Kezek
import Projections

extension Engine {
    /// Rebuilds the model from the log alone up to and including the last record whose time is at or
    /// before `time`. A log's times never go back, so this is a prefix of the log; a time before the
    /// first record gives the empty model.
    public static func replay(_ log: EventLog, through time: Timestamp) throws(EngineError) -> EngineModel {
        try catchUp(EngineModel(), from: log, through: time)
    }
}

extension EngineModel {
    /// The queue's figures: `{"applications"` (ever submitted), `"inQueue"`, `"byTier": {name: count}`,
    /// `"regions"` (with applications in the queue)`}`.
    public var queueStatistics: JSONValue {
        let statistics = projections.statistics
        var inQueue = 0
        var byTier: [Tier: Int] = [:]
        let regions = statistics.regions
        for region in regions {
            let figures = statistics.statistics(ofRegion: region)
            inQueue += figures.total
            for (tier, count) in figures.byTier { byTier[tier, default: 0] += count }
        }
        var tiers = JSONObject()
        for tier in Tier.allCases { tiers[tier.name] = .integer(Int64(byTier[tier] ?? 0)) }
        return [
            "applications": .integer(Int64(state.applications.count)),
            "inQueue": .integer(Int64(inQueue)),
            "byTier": .object(tiers),
            "regions": .integer(Int64(regions.count)),
        ]
    }
}
