public import Kezek
import Projections

extension Engine {
    /// Where an application stands: `{"application", "queueNumber", "tier", "status", "key"}`;
    /// `queueNumber` is `null` when the application is not in the queue (referred or archived).
    public func standing(of number: ApplicationNumber) -> Result<JSONValue, Rejection> {
        guard let application = state.applications[number] else { return .failure(.unknownApplication(number)) }
        return .success([
            "application": .number(number),
            "queueNumber": queueNumberJSON(of: number),
            "tier": .string(application.tier.name),
            "status": .string(application.status.rawValue),
            "key": application.key.json,
        ])
    }

    /// The queue of `key` in order, at most `limit` entries:
    /// `{"key", "length", "queue": [{"queueNumber", "application", "tier", "submittedAt", "status"}]}`.
    public func queue(for key: QueueKey, limit: Int? = nil) -> JSONValue {
        let projections = model.projections
        let entries = projections.queue(for: key, limit: limit ?? .max)
        return [
            "key": key.json,
            "length": .integer(Int64(projections.queues.count(for: key))),
            "queue": .array(
                entries.map { entry in
                    [
                        "queueNumber": .integer(Int64(entry.queueNumber)),
                        "application": .number(entry.application),
                        "tier": .string(entry.tier.name),
                        "submittedAt": .time(entry.submittedAt),
                        "status": .string(state.applications[entry.application]?.status.rawValue ?? "queued"),
                    ]
                }),
        ]
    }

    /// The application's card: its fields (the decision state's record), stage, queue number, bulletins,
    /// referrals and history (its events, its bulletins' closings and the queue refreshes that changed it,
    /// read from the log).
    public func card(of number: ApplicationNumber) throws(EngineError) -> Result<JSONValue, Rejection> {
        guard let application = state.applications[number] else { return .failure(.unknownApplication(number)) }
        var card: JSONObject = [
            "application": .number(number),
            "submittedAt": .time(application.submittedAt),
            "applicant": .string(application.applicant.rawValue),
            "child": .string(application.child.rawValue),
            "key": application.key.json,
            "kindergartens": .array(state.kindergartens(of: application).map { .string($0.rawValue) }),
            "tier": .string(application.tier.name),
            "originalTier": .string(application.originalTier.name),
            "status": .string(application.status.rawValue),
            "stage": .string(stage(of: application.status, model.projections.stage(of: number))),
            "queueNumber": queueNumberJSON(of: number),
        ]
        if let claim = application.claim {
            card["priority"] = [
                "category": .string(claim.category.rawValue),
                "status": .string(application.claimStatus?.rawValue ?? ClaimStatus.pending.rawValue),
                "documents": .array(
                    claim.documents.map { ["name": .string($0.name), "issuedOn": .string($0.issuedOn.description)] }),
            ]
        }
        if let inactivity = application.inactivity { card["inactivity"] = .string(inactivity.rawValue) }
        if let until = application.interestValidUntil { card["interestValidUntil"] = .time(until) }
        if let until = application.stopListedUntil { card["stopListedUntil"] = .time(until) }
        card["bulletins"] = .array(application.bulletins.map { .number($0) })
        let referrals = referrals(of: number)
        card["referrals"] = .array(referrals.map(\.json))
        card["history"] = .array(try historyLines(of: application, referrals: referrals).map { .object($0.line) })
        return .success(.object(card))
    }

    /// The queue number from the order-statistic index, O(log n).
    private func queueNumberJSON(of number: ApplicationNumber) -> JSONValue {
        model.projections.queueNumber(of: number).map { .integer(Int64($0)) } ?? .null
    }
}

extension QueueKey {
    /// `{"locality", "birthYear", "language", "groupType"}`.
    public var json: JSONValue {
        [
            "locality": .string(locality.description),
            "birthYear": .integer(Int64(birthYear)),
            "language": .string(language.rawValue),
            "groupType": .string(groupType.rawValue),
        ]
    }
}

extension ReferralRecord {
    /// The referral as shown on an application's card.
    var json: JSONValue {
        var object: JSONObject = [
            "referral": .number(number),
            "bulletin": .number(bulletin),
            "kindergarten": .string(kindergarten.rawValue),
            "status": .string(status.rawValue),
            "issuedAt": .time(issuedAt),
            "confirmBy": .time(confirmBy),
        ]
        if let registerBy { object["registerBy"] = .time(registerBy) }
        return .object(object)
    }
}
