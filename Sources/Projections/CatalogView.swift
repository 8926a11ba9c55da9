public import Kezek

extension KezekState {
    /// The kindergartens whose locality is `code` or lies within it (a region or district), by id.
    public func kindergartens(in code: KATOCode) -> [KindergartenRecord] {
        let prefix = code.significantDigits
        return kindergartens.values.filter { $0.locality.description.hasPrefix(prefix) }.sorted { $0.id < $1.id }
    }

    /// The bulletins of a kindergarten that are open at `time`, by number.
    public func openBulletins(of kindergarten: KindergartenID, at time: Timestamp) -> [BulletinRecord] {
        bulletins.values.filter { $0.kindergarten == kindergarten && $0.isOpen(at: time) }
    }
}

extension Projections {
    /// The catalog part of the canonical bytes: the state's kindergartens by id, then its bulletins and
    /// referrals by number, with their seat counts and statuses.
    static func catalogCanonicalBytes(of state: KezekState, into bytes: inout [UInt8]) {
        var writer = BinaryWriter()
        writer.writeRaw("catalog".utf8)
        writer.writeVarint(UInt64(state.kindergartens.count))
        for id in state.kindergartens.keys.sorted() { CheckpointCoding.write(state.kindergartens[id]!, to: &writer) }
        writer.writeVarint(UInt64(state.bulletins.count))
        for record in state.bulletins.values { CheckpointCoding.write(record, to: &writer) }
        writer.writeVarint(UInt64(state.referrals.count))
        for record in state.referrals.values { CheckpointCoding.write(record, to: &writer) }
        bytes += writer.bytes
    }
}
