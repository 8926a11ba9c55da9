extension Decider {
    func publishBulletin(_ payload: Command.PublishBulletin) throws(Rejection) -> [Event] {
        let kindergarten = try kindergarten(payload.kindergarten)
        guard kindergarten.languages.contains(payload.language) else {
            throw .languageNotOffered(kindergarten.id, payload.language)
        }
        guard kindergarten.groupTypes.contains(payload.groupType) else {
            throw .groupTypeNotOffered(kindergarten.id, payload.groupType)
        }
        guard policy.isPlaceable(birthYear: payload.birthYear, in: payload.closesAt.almatyDate.year) else {
            throw .invalidYear(payload.birthYear)
        }
        guard (1...kindergarten.capacity).contains(payload.seats) else {
            throw .invalidSeats(payload.seats, capacity: kindergarten.capacity)
        }
        guard payload.opensAt < payload.closesAt else {
            throw .invalidWindow(opensAt: payload.opensAt, closesAt: payload.closesAt)
        }
        guard payload.seats <= kindergarten.freeSeats else {
            throw .notEnoughFreeSeats(kindergarten.id, seats: payload.seats, free: Swift.max(0, kindergarten.freeSeats))
        }
        let key = QueueKey(
            locality: kindergarten.locality, birthYear: payload.birthYear, language: payload.language,
            groupType: payload.groupType)
        return [
            .bulletinPublished(
                Event.BulletinPublished(
                    bulletin: state.nextBulletinNumber, kindergarten: kindergarten.id, key: key, seats: payload.seats,
                    opensAt: payload.opensAt, closesAt: payload.closesAt))
        ]
    }

    func applyToBulletin(_ payload: Command.ApplyToBulletin) throws(Rejection) -> [Event] {
        let application = try application(payload.application)
        let bulletin = try bulletin(payload.bulletin)
        try requireActive(application)
        guard !bulletin.isClosed, at < bulletin.closesAt else {
            throw .bulletinClosed(bulletin.number, closesAt: bulletin.closesAt)
        }
        guard bulletin.opensAt <= at else { throw .bulletinNotOpen(bulletin.number, opensAt: bulletin.opensAt) }
        guard application.key == bulletin.key else {
            throw .bulletinKeyMismatch(application: application.number, bulletin: bulletin.number)
        }
        guard !application.bulletins.contains(bulletin.number) else {
            throw .alreadyAppliedToBulletin(application: application.number, bulletin: bulletin.number)
        }
        switch application.status {
        case .referred:
            throw .notEligible(application.number, reason: .holdsReferral)
        case .inactive:
            let reason: IneligibilityReason =
                application.inactivity == .referralExpired ? .referralExpired : .interestLapsed
            throw .notEligible(application.number, reason: reason)
        default:
            break
        }
        if let until = application.stopListedUntil, at < until { throw .stopListed(application.number, until: until) }
        return [.bulletinApplied(Event.BulletinApplied(application: application.number, bulletin: bulletin.number))]
    }
}
