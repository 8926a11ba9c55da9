import Kezek

extension Projections {
    func row(of number: ApplicationNumber) -> UInt32? { applications.rowIndex[number] }

    /// Changes a row with `body` (if the application exists), records a history line and brings its queue
    /// membership in line.
    mutating func update(
        _ number: ApplicationNumber, _ type: EventType, _ context: Context, detail: Timestamp? = nil,
        code: UInt8 = 0, _ body: (inout ApplicationRow) -> Void
    ) {
        guard let row = row(of: number) else { return }
        body(&applications.rows[Int(row)])
        syncQueue(row)
        record(type, row: row, context, detail: UInt64(bitPattern: detail?.millisecondsSinceEpoch ?? 0), code: code)
    }

    mutating func record(_ type: EventType, row: UInt32, _ context: Context, detail: UInt64 = 0, code: UInt8 = 0) {
        applications.record(type, row: row, at: context.time, position: context.position, detail: detail, code: code)
    }

    /// Puts the row's slot in its queue with its tier when its status counts for the queue, takes it out
    /// otherwise, and keeps the statistics in step.
    mutating func syncQueue(_ row: UInt32) {
        let record = applications.rows[Int(row)]
        let slot = Int(record.slot)
        let current = queues.tier(key: record.key, slot: slot)
        let wanted = record.status.isInQueue ? record.tier : nil
        guard current != wanted else { return }
        if let current { statistics.count(-1, key: record.key, tier: current) }
        if let wanted {
            queues.update(record.key) { $0.enter(slot: slot, tier: wanted) }
            statistics.count(1, key: record.key, tier: wanted)
        } else {
            queues.update(record.key) { $0.leave(slot: slot) }
        }
    }

    mutating func submit(_ event: Event.ApplicationSubmitted, _ context: Context) {
        guard let row = applications.insert(event) else { return }
        let key = applications.rows[Int(row)].key
        let (slot, shifted) = queues.addSlot(for: event.application, to: key, submittedAt: event.submittedAt)
        applications.rows[Int(row)].slot = UInt32(slot)
        if shifted, let index = queues.index(for: key) {
            for later in (slot + 1)..<index.slotCount {
                applications.rows[Int(applications.rowIndex[index.application(atSlot: later)]!)].slot = UInt32(later)
            }
        }
        syncQueue(row)
        record(.applicationSubmitted, row: row, context, code: UInt8(event.tier.rawValue))
    }

    mutating func lapse(_ event: Event.InterestLapsed, _ context: Context) {
        guard let row = row(of: event.application), applications.rows[Int(row)].status == .queued else { return }
        update(event.application, .interestLapsed, context, detail: event.restorableUntil) {
            $0.status = .inactive
            $0.inactivity = .interestLapsed
            $0.restorableUntil = event.restorableUntil.millisecondsSinceEpoch
        }
    }

    mutating func restore(_ event: Event.ApplicationRestored, _ context: Context) {
        guard let row = row(of: event.application), applications.rows[Int(row)].status == .inactive else { return }
        update(event.application, .applicationRestored, context, detail: event.validUntil) {
            if $0.inactivity == .interestLapsed || $0.restorableUntil != ApplicationRow.noTime {
                $0.restorationsUsed &+= 1
            }
            $0.status = .queued
            $0.inactivity = nil
            $0.restorableUntil = ApplicationRow.noTime
            $0.interestValidUntil = event.validUntil.millisecondsSinceEpoch
        }
    }

    /// Moves an application to the archive and frees its child for a new one.
    mutating func close(
        _ number: ApplicationNumber, as status: ApplicationStatus, _ context: Context, code: UInt8 = 0
    ) {
        guard let row = row(of: number) else { return }
        let type: EventType =
            switch status {
            case .withdrawn: .applicationWithdrawn
            case .annulled: .applicationAnnulled
            default: .admissionConfirmed
            }
        applications.rows[Int(row)].status = status
        applications.rows[Int(row)].inactivity = nil
        syncQueue(row)
        // An enrolment's line is recorded by `admit`, with its referral.
        if status != .enrolled { record(type, row: row, context, code: code) }
    }

    mutating func applyToBulletin(_ event: Event.BulletinApplied, _ context: Context) {
        guard offers.isPublished(event.bulletin), let row = row(of: event.application) else { return }
        if applications.rows[Int(row)].stage == .queue { applications.rows[Int(row)].stage = .bulletin }
        record(.bulletinApplied, row: row, context, detail: event.bulletin.rawValue)
    }

    mutating func closeBulletin(_ event: Event.BulletinClosed, _ context: Context) {
        guard offers.close(event.bulletin) else { return }
        for passed in event.passedOver {
            guard let row = row(of: passed.application) else { continue }
            record(
                .bulletinClosed, row: row, context, detail: event.bulletin.rawValue,
                code: HistoryEntry.code(passed.reason))
        }
    }
}
