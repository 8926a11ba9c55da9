import Kezek

extension Projections {
    mutating func issue(_ event: Event.ReferralIssued) {
        guard offers.issue(event) else { return }
        update(event.application) {
            $0.status = .referred
            $0.referral = event.referral.rawValue
            $0.stage = .referral
        }
    }

    /// Ends a referral that held a seat: the application is back in the queue at its original place (as
    /// `evolve` does, only if it still holds this referral), with `status`.
    mutating func endReferral(
        _ number: ReferralNumber, as status: ReferralStatus, application applicationStatus: ApplicationStatus
    ) {
        guard let application = offers.end(number, as: status) else { return }
        update(application) {
            guard $0.referral == number.rawValue else { return }
            $0.referral = 0
            $0.status = applicationStatus
            $0.stage = .queue
        }
    }

    mutating func registerEnrollment(_ event: Event.EnrollmentRegistered) {
        offers.set(event.referral, to: .registered)
        guard let application = offers.application(of: event.referral), let row = row(of: application) else {
            return
        }
        if applications.rows[Int(row)].referral == event.referral.rawValue {
            applications.rows[Int(row)].stage = .registration
        }
    }

    mutating func admit(_ event: Event.AdmissionConfirmed) {
        guard offers.end(event.referral, as: .admitted) != nil else { return }
        update(event.application) {
            $0.referral = 0
            $0.stage = .admission
            $0.status = .enrolled
        }
    }
}
