import EventLog
public import Kezek
import Projections

extension Engine {
    /// Why an application did or did not get each seat it applied for, from the recorded decisions
    /// (`bulletinClosed`, `referralIssued`), never recomputed.
    ///
    /// `{"application", "status", "queueNumber", "tier", "key", "bulletins": [...]}`, one entry per bulletin
    /// applied to, in the order applied: `bulletin`, `kindergarten`, `rank` (its place among the ranked
    /// kindergartens, `null` when not ranked), `closesAt`, `closed`, and then either `outcome: "pending"`,
    /// or the close (`closedAt`, `closingPosition`, `policy`, `cutOff`, `unfilledSeats`, `position`: the
    /// application's own place then) with `outcome` `admitted` (`referral`, `referralStatus`), `passedOver`
    /// (`reason`, and `admittedTo` when it won a preferred seat) or `notReached` (the seats were gone
    /// before its turn); each with an `explanation` in plain words.
    public func explanation(of number: ApplicationNumber) throws(EngineError) -> Result<JSONValue, Rejection> {
        guard let application = state.applications[number] else { return .failure(.unknownApplication(number)) }
        let referrals = referrals(of: number)
        let tierChanges = try self.tierChanges(of: application)
        var bulletins: [JSONValue] = []
        let ranked = state.kindergartens(of: application)
        for bulletinNumber in application.bulletins {
            guard let bulletin = state.bulletins[bulletinNumber] else { continue }
            var entry: JSONObject = [
                "bulletin": .number(bulletinNumber),
                "kindergarten": .string(bulletin.kindergarten.rawValue),
                "rank": ranked.firstIndex(of: bulletin.kindergarten).map { .integer(Int64($0 + 1)) }
                    ?? .null,
                "closesAt": .time(bulletin.closesAt),
                "closed": .bool(bulletin.isClosed),
            ]
            guard let (recorded, closed) = try recordedClose(of: bulletinNumber) else {
                entry["outcome"] = "pending"
                entry["explanation"] = .string(
                    "the bulletin closes at \(bulletin.closesAt); its seats then go by queue order to eligible applicants"
                )
                bulletins.append(.object(entry))
                continue
            }
            var tier = application.originalTier
            for change in tierChanges where change.position < recorded.position { tier = change.tier }
            let position = QueuePosition(tier: tier, submittedAt: application.submittedAt, application: number)
            entry["closedAt"] = .time(recorded.time)
            entry["closingPosition"] = .integer(Int64(bitPattern: recorded.position.rawValue))
            entry["policy"] = .string(closed.policy.rawValue)
            entry["seats"] = .integer(Int64(bulletin.seats))
            entry["cutOff"] = closed.cutOff?.json ?? .null
            entry["unfilledSeats"] = .integer(Int64(closed.unfilledSeats))
            entry["position"] = position.json
            let outcome = ClosingOutcome(of: number, in: closed)
            entry["outcome"] = .string(outcome.name)
            switch outcome {
            case .admitted:
                let referral = referrals.first { $0.bulletin == bulletinNumber }
                if let referral {
                    entry["referral"] = .number(referral.number)
                    entry["referralStatus"] = .string(referral.status.rawValue)
                }
                entry["explanation"] = .string(
                    "admitted: a seat was left at its turn in queue order"
                        + (referral.map { "; referral \($0.number) is \($0.status.rawValue)" } ?? ""))
            case .passedOver(let reason):
                entry["reason"] = .string(reason.rawValue)
                var text = "a seat was left at its turn, but \(reason.explanation)"
                if reason == .admittedElsewhere,
                    let won = referrals.first(where: { $0.issuedAt == recorded.time && $0.bulletin != bulletinNumber })
                {
                    entry["admittedTo"] = ["bulletin": .number(won.bulletin), "referral": .number(won.number)]
                    text += " (bulletin \(won.bulletin), referral \(won.number))"
                }
                entry["explanation"] = .string(text)
            case .notReached:
                entry["explanation"] = .string(notReachedExplanation(position, closed.cutOff))
            }
            bulletins.append(.object(entry))
        }
        return .success([
            "application": .number(number),
            "status": .string(application.status.rawValue),
            "queueNumber": model.projections.queueNumber(of: number).map { .integer(Int64($0)) } ?? .null,
            "tier": .string(application.tier.name),
            "key": application.key.json,
            "bulletins": .array(bulletins),
        ])
    }

    private func notReachedExplanation(_ position: QueuePosition, _ cutOff: AllocationCutOff?) -> String {
        guard let cutOff else { return "no seat was left at its turn" }
        let own =
            "its own place (\(position.tier) tier, applied at \(position.submittedAt), number \(position.application))"
        return "the seats were gone before its turn: the last went to application \(cutOff.application) "
            + "(queue number \(cutOff.queueNumber), \(cutOff.tier) tier, applied at \(cutOff.submittedAt)); "
            + "\(own) comes after it"
    }

    /// The tier changes of an application in log order: a rejected claim and the yearly refreshes.
    private func tierChanges(of application: ApplicationRecord) throws(EngineError) -> [(
        position: Position, tier: Tier
    )] {
        var changes: [(position: Position, tier: Tier)] = []
        for recorded in try recordedEvents(inStream: "application-\(application.number.rawValue)") {
            if case .priorityRejected(let e) = recorded.event { changes.append((recorded.position, e.tier)) }
        }
        if let last = state.lastRefreshYear, last >= application.submittedAt.almatyDate.year {
            for year in application.submittedAt.almatyDate.year...last {
                for recorded in try recordedEvents(inStream: "refresh-\(year)") {
                    guard case .queueRefreshed(let e) = recorded.event else { continue }
                    for change in e.tierChanges where change.application == application.number {
                        changes.append((recorded.position, change.to))
                    }
                }
            }
        }
        return changes.sorted { $0.position < $1.position }
    }
}
