extension Decider {
    /// A referral at one of `statuses` whose current deadline has not passed (even if no tick expired it yet).
    private func runningReferral(
        _ number: ReferralNumber, at statuses: Set<ReferralStatus>
    ) throws(Rejection) -> ReferralRecord {
        let referral = try referral(number)
        guard statuses.contains(referral.status) else { throw .referralNotPending(number) }
        if let deadline = referral.currentDeadline, deadline.dueAt <= at { throw .referralNotPending(number) }
        return referral
    }

    func confirmReferral(_ number: ReferralNumber) throws(Rejection) -> [Event] {
        let referral = try runningReferral(number, at: [.issued])
        if state.applications[referral.application]?.claimStatus == .pending {
            throw .priorityNotVerified(application: referral.application, referral: number)
        }
        let registerBy = policy.registrationDeadline(confirmedAt: at, calendar: context.calendar)
        return [
            .referralConfirmed(
                Event.ReferralConfirmed(referral: number, registerBy: registerBy, policy: policy.version))
        ]
    }

    func refuseReferral(_ number: ReferralNumber) throws(Rejection) -> [Event] {
        let referral = try runningReferral(number, at: [.issued, .confirmed])
        return [
            .referralRefused(Event.ReferralRefused(referral: number, application: referral.application)),
            .applicationAnnulled(
                Event.ApplicationAnnulled(
                    application: referral.application, reason: .referralRefused, policy: policy.version)),
        ]
    }

    func extendReferral(_ payload: Command.ExtendReferral) throws(Rejection) -> [Event] {
        let referral = try runningReferral(payload.referral, at: [.confirmed])
        guard referral.extensionsUsed < policy.maximumExtensions else { throw .extensionUsed(payload.referral) }
        guard (1...policy.maximumExtensionDays).contains(payload.days) else {
            throw .invalidExtension(days: payload.days, maximum: policy.maximumExtensionDays)
        }
        let registerBy = policy.extending(referral.registerBy ?? at, byDays: payload.days)
        return [
            .referralExtended(
                Event.ReferralExtended(
                    referral: payload.referral, days: payload.days, registerBy: registerBy, policy: policy.version))
        ]
    }

    func registerEnrollment(_ number: ReferralNumber) throws(Rejection) -> [Event] {
        _ = try runningReferral(number, at: [.confirmed])
        return [.enrollmentRegistered(Event.EnrollmentRegistered(referral: number))]
    }

    func confirmAdmission(_ number: ReferralNumber) throws(Rejection) -> [Event] {
        let referral = try runningReferral(number, at: [.registered])
        let application = try application(referral.application)
        return [
            .admissionConfirmed(
                Event.AdmissionConfirmed(
                    referral: number, application: application.number, child: application.child,
                    kindergarten: referral.kindergarten))
        ]
    }
}
