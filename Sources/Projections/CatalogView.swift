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
