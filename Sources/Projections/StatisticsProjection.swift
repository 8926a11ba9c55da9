public import Kezek

/// Queued counts per region (the first two KATO digits) by birth year, tier, language and group type:
/// one counter per (region, birth year, language, group type, tier), kept current with the queues.
public struct StatisticsProjection: Equatable, Sendable {
    /// In-queue counts by cell; a cell that drops to zero is removed, so equal states compare equal.
    var cells: [StatisticsCell: Int] = [:]

    /// No statistics.
    public init() {}

    /// The regions that have applications in the queue, ascending (11 ... 99).
    public var regions: [Int] { Set(cells.keys.map(\.key.region)).sorted() }

    /// The queued counts of a region (two digits, e.g. 75 for Almaty); all zero for an unknown region.
    public func statistics(ofRegion region: Int) -> RegionStatistics {
        var result = RegionStatistics(region: region)
        for (cell, count) in cells where cell.key.region == region {
            let key = cell.key.key
            result.total += count
            result.byBirthYear[key.birthYear, default: 0] += count
            result.byTier[cell.tier, default: 0] += count
            result.byLanguage[key.language, default: 0] += count
            result.byGroupType[key.groupType, default: 0] += count
        }
        return result
    }

    /// Counts one application in (`delta` 1) or out (`delta` -1) of the queue of `key` with `tier`.
    mutating func count(_ delta: Int, key: PackedQueueKey, tier: Tier) {
        let cell = StatisticsCell(key: key.regional, tier: tier)
        let count = cells[cell, default: 0] + delta
        cells[cell] = count == 0 ? nil : count
    }

    /// Writes the cells in order.
    public func canonicalBytes(into bytes: inout [UInt8]) {
        var writer = BinaryWriter()
        writer.writeRaw("statistics".utf8)
        writer.writeVarint(UInt64(cells.count))
        for cell in cells.keys.sorted() {
            writer.writeVarint(cell.key.rawValue)
            writer.write(UInt8(cell.tier.rawValue))
            writer.writeZigzag(Int64(cells[cell]!))
        }
        bytes += writer.bytes
    }
}

/// One counter of the statistics: a queue key reduced to its region, and a tier.
struct StatisticsCell: Hashable, Comparable, Sendable {
    var key: PackedQueueKey
    var tier: Tier

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.key, lhs.tier) < (rhs.key, rhs.tier) }
}

extension PackedQueueKey {
    /// The same key with the locality replaced by its region (`AB0000000`).
    var regional: PackedQueueKey {
        PackedQueueKey(unchecked: rawValue & 0xFF_FFFF | UInt64(locality.region.rawValue) << 24)
    }
}

/// The queued counts of one region.
public struct RegionStatistics: Hashable, Sendable {
    /// The region: the first two KATO digits.
    public var region: Int
    /// All applications in the queue.
    public var total = 0
    /// By the children's birth year.
    public var byBirthYear: [Int: Int] = [:]
    /// By tier.
    public var byTier: [Tier: Int] = [:]
    /// By language of instruction.
    public var byLanguage: [LanguageCode: Int] = [:]
    /// By group type.
    public var byGroupType: [GroupType: Int] = [:]

    /// Empty counts of a region.
    public init(region: Int) { self.region = region }
}
