import Kezek

extension Projections {
    mutating func issue(_ event: Event.ReferralIssued, _ context: Context) {
        guard offers.issue(event), let row = row(of: event.application) else { return }
        applications.rows[Int(row)].status = .referred
        applications.rows[Int(row)].inactivity = nil
        applications.rows[Int(row)].referral = event.referral.rawValue
        applications.rows[Int(row)].stage = .referral
        syncQueue(row)
        record(.referralIssued, row: row, context, detail: event.referral.rawValue)
    }

    /// Records a line on the application of a referral, if both exist.
    mutating func recordOnReferral(
        _ referral: ReferralNumber, _ type: EventType, _ context: Context, code: UInt8 = 0
    ) {
        guard let application = offers.application(of: referral), let row = row(of: application) else { return }
        record(type, row: row, context, detail: referral.rawValue, code: code)
    }

    /// Ends a referral that held a seat: the seat is free, the application is back in the queue at its
    /// original place, restorable until `restorableUntil` when inactive (as `evolve` does, only if it still
    /// holds this referral).
    mutating func endReferral(
        _ number: ReferralNumber, as status: ReferralStatus, application applicationStatus: ApplicationStatus,
        inactivity: InactivityReason?, _ type: EventType, _ context: Context, code: UInt8 = 0,
        restorableUntil: Timestamp? = nil
    ) {
        guard let application = offers.end(number, as: status), let row = row(of: application) else { return }
        if applications.rows[Int(row)].referral == number.rawValue {
            applications.rows[Int(row)].referral = 0
            applications.rows[Int(row)].status = applicationStatus
            applications.rows[Int(row)].inactivity = inactivity
            applications.rows[Int(row)].restorableUntil =
                restorableUntil?.millisecondsSinceEpoch ?? ApplicationRow.noTime
            applications.rows[Int(row)].stage = .queue
            syncQueue(row)
        }
        record(type, row: row, context, detail: number.rawValue, code: code)
    }

    mutating func registerEnrollment(_ event: Event.EnrollmentRegistered, _ context: Context) {
        offers.set(event.referral, to: .registered)
        guard let application = offers.application(of: event.referral), let row = row(of: application) else {
            return
        }
        if applications.rows[Int(row)].referral == event.referral.rawValue {
            applications.rows[Int(row)].stage = .registration
        }
        record(.enrollmentRegistered, row: row, context, detail: event.referral.rawValue)
    }

    mutating func admit(_ event: Event.AdmissionConfirmed, _ context: Context) {
        guard offers.end(event.referral, as: .admitted) != nil else { return }
        if let row = row(of: event.application) {
            applications.rows[Int(row)].referral = 0
            applications.rows[Int(row)].stage = .admission
            close(event.application, as: .enrolled, context)
            record(.admissionConfirmed, row: row, context, detail: event.referral.rawValue)
        }
    }

    mutating func refresh(_ event: Event.QueueRefreshed, _ context: Context) {
        let year = UInt64(bitPattern: Int64(event.year))
        for change in event.tierChanges {
            guard let row = row(of: change.application) else { continue }
            applications.rows[Int(row)].tier = change.to
            syncQueue(row)
            record(.queueRefreshed, row: row, context, detail: year, code: UInt8(change.to.rawValue))
        }
        for application in event.agedOut {
            guard let row = row(of: application) else { continue }
            record(.queueRefreshed, row: row, context, detail: year, code: HistoryEntry.agedOutCode)
        }
    }
}
