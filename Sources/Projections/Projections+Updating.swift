import Kezek

extension Projections {
    func row(of number: ApplicationNumber) -> UInt32? { applications.rowIndex[number] }

    /// Changes a row with `body` (if the application exists) and brings its queue membership in line.
    mutating func update(_ number: ApplicationNumber, _ body: (inout ApplicationRow) -> Void) {
        guard let row = row(of: number) else { return }
        body(&applications.rows[Int(row)])
        syncQueue(row)
    }

    /// Puts the row's slot in its queue with its tier when its status counts for the queue, takes it out
    /// otherwise, and keeps the statistics in step.
    mutating func syncQueue(_ row: UInt32) {
        let record = applications.rows[Int(row)]
        guard let location = queues.location(of: record.number) else { return }
        let current = queues.tier(queue: location.queue, slot: location.slot)
        let wanted = record.status.isInQueue ? record.tier : nil
        guard current != wanted else { return }
        let key = queues.key(ofQueue: location.queue)
        if let current { statistics.count(-1, key: key, tier: current) }
        if let wanted {
            queues.update(queue: location.queue) { $0.enter(slot: location.slot, tier: wanted) }
            statistics.count(1, key: key, tier: wanted)
        } else {
            queues.update(queue: location.queue) { $0.leave(slot: location.slot) }
        }
    }

    mutating func submit(_ event: Event.ApplicationSubmitted) {
        guard let row = applications.insert(event) else { return }
        queues.addSlot(for: event.application, to: PackedQueueKey(event.key), submittedAt: event.submittedAt)
        syncQueue(row)
    }

    mutating func applyToBulletin(_ event: Event.BulletinApplied) {
        guard offers.isPublished(event.bulletin), let row = row(of: event.application) else { return }
        if applications.rows[Int(row)].stage == .queue { applications.rows[Int(row)].stage = .bulletin }
    }
}
