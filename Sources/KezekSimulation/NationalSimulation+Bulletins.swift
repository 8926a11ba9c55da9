import Kezek

extension NationalSimulation {
    /// A kindergarten publishes free seats where there is demand: the queue key of an application drawn
    /// at random, at a kindergarten of its place offering its language and group type, with free seats.
    mutating func publish(in state: KezekState) -> Command? {
        for _ in 0..<8 {
            guard !queueKeys.isEmpty else { return nil }
            let key = queueKeys[Int.random(in: 0..<queueKeys.count, using: &random)]
            if chance(5) {
                // Forget applications that left the queue for good, so that the lists stay short.
                queues[key]?.removeAll { state.applications[$0].map { !$0.status.isActive } ?? true }
            }
            guard let place = geography.localities.firstIndex(where: { $0.code == key.locality }) else { continue }
            let offering = catalog.offering(locality: place, language: key.language, groupType: key.groupType)
            guard !offering.isEmpty else { continue }
            let id = catalog.kindergartens[offering[Int.random(in: 0..<offering.count, using: &random)]].id
            guard let kindergarten = state.kindergartens[id], kindergarten.freeSeats > 0 else { continue }
            let closesAt = Timestamp.startOfAlmatyDay(
                now.almatyDate.adding(days: Int.random(in: 1...3, using: &random))
            )
            .adding(seconds: 18 * 3600)
            let year = closesAt.almatyDate.year
            guard (year - 5...year).contains(key.birthYear) else { continue }
            let seats = min(
                kindergarten.freeSeats,
                1 + Int.random(in: 0...2, using: &random) + (chance(20) ? Int.random(in: 1...6, using: &random) : 0))
            pendingBulletin = (key, now, closesAt, seats)
            return .publishBulletin(
                Command.PublishBulletin(
                    kindergarten: id, birthYear: key.birthYear, language: key.language, groupType: key.groupType,
                    seats: seats, opensAt: now, closesAt: closesAt))
        }
        return nil
    }

    /// Families of the bulletin's queue apply while it is open: two to six times as many as there are
    /// seats, drawn from the applications still in that queue.
    mutating func invite(
        to bulletin: BulletinNumber, _ key: QueueKey, _ opensAt: Timestamp, _ closesAt: Timestamp, _ seats: Int
    ) {
        guard let numbers = queues[key], !numbers.isEmpty else { return }
        let wanted = min(numbers.count, seats * Int.random(in: 2...6, using: &random))
        let window = max(1, (closesAt.millisecondsSinceEpoch - opensAt.millisecondsSinceEpoch) / 1000 - 60)
        for _ in 0..<wanted {
            let index = Int.random(in: 0..<numbers.count, using: &random)
            agenda.schedule(
                .apply(numbers[index], bulletin),
                at: opensAt.adding(seconds: Int64.random(in: 1...window, using: &random)))
        }
    }
}
