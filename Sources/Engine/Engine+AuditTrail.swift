public import EventLog
public import Kezek
import Projections

extension Engine {
    /// An application's whole history for an auditor: every event that touched it (its own events, those
    /// of its referrals, the closes of the bulletins it applied to, the yearly refreshes that moved it), in
    /// log order, each with its `position`, `time`, `type`, the `queueNumber` the application had right
    /// after it (`null` while out of the queue), its `fields` and the `reason` of the decision in plain
    /// words.
    ///
    /// One pass over `log` (up to `limit`, or its head) folds the projections from scratch, so each queue
    /// number is the one the order-statistic index gave at that point; no engine or checkpoint is needed.
    /// A `bulletinClosed` is reduced to what concerns the application: `bulletin`, `outcome`, `reason`,
    /// `cutOff`, `unfilledSeats`, `policy`. An application never submitted is `unknownApplication`.
    public static func auditTrail(
        of number: ApplicationNumber, in log: EventLog, until limit: Position? = nil
    ) throws(EngineError) -> Result<JSONValue, Rejection> {
        var projections = Projections()
        var trail = AuditTrail(application: number)
        var failure: EngineError?
        var position = Position.zero
        do {
            try log.forEachRecord { view in
                if let limit, view.position > limit { return false }
                let event: Event
                do throws(EngineError) {
                    event = try Event(record: view)
                } catch {
                    failure = error
                    return false
                }
                let time = Timestamp(millisecondsSinceEpoch: view.timestamp)
                projections.apply(event, at: time, position: view.position.rawValue)
                trail.note(event, at: time, position: view.position) { projections.queueNumber(of: number) }
                position = view.position
                return true
            }
        } catch {
            throw .log(error)
        }
        if let failure { throw failure }
        guard !trail.entries.isEmpty else { return .failure(.unknownApplication(number)) }
        return .success([
            "application": .number(number),
            "position": .integer(Int64(bitPattern: position.rawValue)),
            "events": .array(trail.entries),
        ])
    }

    /// ``auditTrail(of:in:until:)`` of this engine's log, up to the engine's position.
    public func auditTrail(of number: ApplicationNumber) throws(EngineError) -> Result<JSONValue, Rejection> {
        try Self.auditTrail(of: number, in: log, until: model.position)
    }
}

/// The entries of one application's audit trail, built while the log is folded.
struct AuditTrail {
    let application: ApplicationNumber
    var referrals: Set<ReferralNumber> = []
    var bulletins: Set<BulletinNumber> = []
    var entries: [JSONValue] = []

    init(application: ApplicationNumber) {
        self.application = application
    }

    /// Adds an entry when `event` touched the application; `queueNumber` is asked only then.
    mutating func note(_ event: Event, at time: Timestamp, position: Position, queueNumber: () -> Int?) {
        guard let fields = touchedFields(event) else { return }
        entries.append([
            "position": .integer(Int64(bitPattern: position.rawValue)),
            "time": .time(time),
            "type": .string(event.type.name),
            "queueNumber": queueNumber().map { .integer(Int64($0)) } ?? .null,
            "fields": .object(fields),
            "reason": .string(event.auditReason(for: application)),
        ])
    }

    /// The fields to show when `event` touched the application, `nil` when it did not.
    private mutating func touchedFields(_ event: Event) -> JSONObject? {
        switch event {
        case .referralIssued(let e) where e.application == application:
            referrals.insert(e.referral)
        case .bulletinApplied(let e) where e.application == application:
            bulletins.insert(e.bulletin)
        case .bulletinClosed(let e):
            guard bulletins.contains(e.bulletin) else { return nil }
            let outcome = ClosingOutcome(of: application, in: e)
            var fields: JSONObject = ["bulletin": .number(e.bulletin), "outcome": .string(outcome.name)]
            if case .passedOver(let reason) = outcome { fields["reason"] = .string(reason.rawValue) }
            fields["cutOff"] = e.cutOff?.json ?? .null
            fields["unfilledSeats"] = .integer(Int64(e.unfilledSeats))
            fields["policy"] = .string(e.policy.rawValue)
            return fields
        case .queueRefreshed(let e):
            guard e.agedOut.contains(application) || e.tierChanges.contains(where: { $0.application == application })
            else { return nil }
            var fields: JSONObject = ["year": .integer(Int64(e.year))]
            if e.agedOut.contains(application) { fields["agedOut"] = true }
            if let change = e.tierChanges.first(where: { $0.application == application }) {
                fields["from"] = .string(change.from.name)
                fields["to"] = .string(change.to.name)
            }
            return fields
        default:
            break
        }
        guard event.concerns(application, referrals: referrals), case .object(let fields) = event.json else {
            return nil
        }
        return JSONObject(fields.members.filter { $0.key != "type" })
    }
}

extension Event {
    /// Whether the event names the application, or one of its referrals.
    func concerns(_ application: ApplicationNumber, referrals: Set<ReferralNumber>) -> Bool {
        switch self {
        case .applicationSubmitted(let e): e.application == application
        case .priorityVerified(let e): e.application == application
        case .priorityRejected(let e): e.application == application
        case .interestConfirmed(let e): e.application == application
        case .interestLapsed(let e): e.application == application
        case .applicationRestored(let e): e.application == application
        case .applicationWithdrawn(let e): e.application == application
        case .applicationAnnulled(let e): e.application == application
        case .stopListed(let e): e.application == application
        case .bulletinApplied(let e): e.application == application
        case .referralIssued(let e): e.application == application
        case .referralConfirmed(let e): referrals.contains(e.referral)
        case .referralRefused(let e): referrals.contains(e.referral)
        case .referralExpired(let e): referrals.contains(e.referral)
        case .referralExtended(let e): referrals.contains(e.referral)
        case .enrollmentRegistered(let e): referrals.contains(e.referral)
        case .admissionConfirmed(let e): referrals.contains(e.referral)
        case .referralCancelled(let e): referrals.contains(e.referral)
        case .kindergartenRegistered, .applicantRegistered, .childAdded, .bulletinPublished, .bulletinClosed,
            .queueRefreshed:
            false
        }
    }
}
