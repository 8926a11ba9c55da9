import EventLog
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

    /// The application's card: its fields, stage, queue number, bulletins, referral and history (every
    /// event of the application and of its referrals, in log order).
    public func card(of number: ApplicationNumber) throws(EngineError) -> Result<JSONValue, Rejection> {
        guard let application = state.applications[number] else { return .failure(.unknownApplication(number)) }
        var card: JSONObject = [
            "application": .number(number),
            "submittedAt": .time(application.submittedAt),
            "applicant": .string(application.applicant.rawValue),
            "child": .string(application.child.rawValue),
            "key": application.key.json,
            "kindergartens": .array(application.kindergartens.map { .string($0.rawValue) }),
            "tier": .string(application.tier.name),
            "originalTier": .string(application.originalTier.name),
            "status": .string(application.status.rawValue),
            "stage": .string(stage(of: application)),
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
        let referrals = state.referrals.values.filter { $0.application == number }.sorted { $0.number < $1.number }
        card["referrals"] = .array(referrals.map(\.json))
        card["history"] = .array(try history(of: number, referrals: referrals.map(\.number)))
        return .success(.object(card))
    }

    /// The queue number from the order-statistic index, O(log n).
    private func queueNumberJSON(of number: ApplicationNumber) -> JSONValue {
        model.projections.queueNumber(of: number).map { .integer(Int64($0)) } ?? .null
    }

    /// The furthest of the five stages the application reached (queue, bulletin, referral, registration,
    /// admission), or `archive` once withdrawn or annulled.
    private func stage(of application: ApplicationRecord) -> String {
        if application.status == .withdrawn || application.status == .annulled { return "archive" }
        return model.projections.card(of: application.number)?.stage.description ?? "queue"
    }

    private func history(of number: ApplicationNumber, referrals: [ReferralNumber]) throws(EngineError) -> [JSONValue] {
        var records: [Record] = []
        do {
            for name in [Event.application(number)] + referrals.map(Event.referral) {
                guard let stream = StreamID(rawValue: name) else { continue }
                records += try log.records(in: stream)
            }
        } catch {
            throw .log(error)
        }
        records.sort { $0.position < $1.position }
        var history: [JSONValue] = []
        for record in records where record.position <= model.position {
            let event = try Event(record: record)
            var entry = JSONObject([
                JSONMember("position", .integer(Int64(bitPattern: record.position.rawValue))),
                JSONMember("time", .time(Timestamp(millisecondsSinceEpoch: record.timestamp))),
            ])
            if case .object(let fields) = event.json {
                for member in fields.members { entry[member.key] = member.value }
            }
            history.append(.object(entry))
        }
        return history
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
