public import Kezek

/// The kindergarten catalog with its seats in use, the bulletins and the referrals.
///
/// Uses the domain's own records, folded exactly as `KezekState.evolve` folds them, so seat counts agree
/// with the decision state.
public struct CatalogProjection: Equatable, Sendable {
    /// Registered kindergartens by id.
    public internal(set) var kindergartens: [KindergartenID: KindergartenRecord] = [:]
    /// Every bulletin ever published, by number.
    public internal(set) var bulletins = NumberedTable<BulletinNumber, BulletinRecord>()
    /// Every referral ever issued, by number.
    public internal(set) var referrals = NumberedTable<ReferralNumber, ReferralRecord>()

    /// An empty catalog.
    public init() {}

    /// The kindergartens whose locality is `code` or lies within it (a region or district), by id.
    public func kindergartens(in code: KATOCode) -> [KindergartenRecord] {
        let prefix = code.significantDigits
        return kindergartens.values.filter { $0.locality.description.hasPrefix(prefix) }.sorted { $0.id < $1.id }
    }

    /// The bulletins of a kindergarten that are open at `time`, by number.
    public func openBulletins(of kindergarten: KindergartenID, at time: Timestamp) -> [BulletinRecord] {
        bulletins.values.filter { $0.kindergarten == kindergarten && $0.isOpen(at: time) }.sorted {
            $0.number < $1.number
        }
    }

    // MARK: Updating, as `KezekState.evolve` does

    mutating func publish(_ event: Event.BulletinPublished) {
        guard bulletins[event.bulletin] == nil else { return }
        bulletins[event.bulletin] = BulletinRecord(event)
        kindergartens[event.kindergarten]?.offered += event.seats
    }

    mutating func close(_ event: Event.BulletinClosed) {
        guard let bulletin = bulletins[event.bulletin], !bulletin.isClosed else { return }
        bulletins[event.bulletin]?.isClosed = true
        bulletins[event.bulletin]?.admitted = event.admitted
        kindergartens[bulletin.kindergarten]?.offered -= bulletin.seats
    }

    /// Records a referral; `false` when the number was taken (the event is then ignored).
    mutating func issue(_ event: Event.ReferralIssued) -> Bool {
        guard referrals[event.referral] == nil else { return false }
        referrals[event.referral] = ReferralRecord(event)
        kindergartens[event.kindergarten]?.referred += 1
        return true
    }

    /// Ends a referral that holds a seat; returns it, or `nil` when it held none (nothing changed).
    mutating func end(_ number: ReferralNumber, as status: ReferralStatus) -> ReferralRecord? {
        guard let referral = referrals[number], referral.status.holdsSeat else { return nil }
        referrals[number]?.status = status
        kindergartens[referral.kindergarten]?.referred -= 1
        if status == .admitted { kindergartens[referral.kindergarten]?.enrolled += 1 }
        return referral
    }

    /// Writes kindergartens, bulletins and referrals in key order.
    public func canonicalBytes(into bytes: inout [UInt8]) {
        var writer = BinaryWriter()
        writer.writeRaw("catalog".utf8)
        writer.writeVarint(UInt64(kindergartens.count))
        for id in kindergartens.keys.sorted() { CheckpointCoding.write(kindergartens[id]!, to: &writer) }
        writer.writeVarint(UInt64(bulletins.count))
        for record in bulletins.values { CheckpointCoding.write(record, to: &writer) }
        writer.writeVarint(UInt64(referrals.count))
        for record in referrals.values { CheckpointCoding.write(record, to: &writer) }
        bytes += writer.bytes
    }
}
