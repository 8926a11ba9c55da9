public import EventLog
public import Kezek

/// An event as the log keeps it: where and when it was recorded.
public struct RecordedEvent: Sendable, Equatable {
    /// Its log position.
    public var position: Position
    /// The time it was recorded at (its command's time).
    public var time: Timestamp
    /// The event.
    public var event: Event

    /// A recorded event from its parts.
    public init(position: Position, time: Timestamp, event: Event) {
        self.position = position
        self.time = time
        self.event = event
    }
}

extension Engine {
    /// The events of the stream `name` up to the model's position, in log order (read through the
    /// stream index, not by scanning the log).
    func recordedEvents(inStream name: String) throws(EngineError) -> [RecordedEvent] {
        guard let stream = StreamID(rawValue: name) else { return [] }
        let records: [Record]
        do {
            records = try log.records(in: stream)
        } catch {
            throw .log(error)
        }
        var events: [RecordedEvent] = []
        for record in records where record.position <= model.position {
            events.append(
                RecordedEvent(
                    position: record.position, time: Timestamp(millisecondsSinceEpoch: record.timestamp),
                    event: try Event(record: record)))
        }
        return events
    }

    /// The recorded `bulletinClosed` of a bulletin, if it closed.
    func recordedClose(of bulletin: BulletinNumber) throws(EngineError) -> (RecordedEvent, Event.BulletinClosed)? {
        for recorded in try recordedEvents(inStream: "bulletin-\(bulletin.rawValue)") {
            if case .bulletinClosed(let closed) = recorded.event { return (recorded, closed) }
        }
        return nil
    }

    /// Every referral of an application, by number.
    func referrals(of application: ApplicationNumber) -> [ReferralRecord] {
        state.referrals.values.filter { $0.application == application }.sorted { $0.number < $1.number }
    }
}

extension AllocationCutOff {
    /// `{"queueNumber", "application", "tier", "submittedAt"}`.
    var json: JSONValue {
        [
            "queueNumber": .integer(Int64(queueNumber)), "application": .number(application),
            "tier": .string(tier.name), "submittedAt": .time(submittedAt),
        ]
    }
}

extension QueuePosition {
    /// `{"tier", "submittedAt", "application"}`.
    var json: JSONValue {
        ["tier": .string(tier.name), "submittedAt": .time(submittedAt), "application": .number(application)]
    }
}

/// What a closed bulletin gave one of its applicants, as its recorded close says.
enum ClosingOutcome: Equatable {
    /// It won a seat.
    case admitted
    /// A seat was left at its turn but it could not take it, for `reason`.
    case passedOver(PassOverReason)
    /// The seats were gone before its turn.
    case notReached

    init(of application: ApplicationNumber, in closed: Event.BulletinClosed) {
        if closed.admitted.contains(application) {
            self = .admitted
        } else if let passed = closed.passedOver.first(where: { $0.application == application }) {
            self = .passedOver(passed.reason)
        } else {
            self = .notReached
        }
    }

    /// `admitted`, `passedOver` or `notReached`.
    var name: String {
        switch self {
        case .admitted: "admitted"
        case .passedOver: "passedOver"
        case .notReached: "notReached"
        }
    }
}

extension PassOverReason {
    /// Why an applicant could not take a seat left at its turn, in plain words.
    var explanation: String {
        switch self {
        case .interestLapsed: "it was inactive: its confirmation of interest had lapsed"
        case .stopListed: "it was on the stop list after a priority claim was found false"
        case .holdsReferral: "it already held a referral"
        case .notInQueue: "it had left the queue (withdrawn, annulled or enrolled)"
        case .admittedElsewhere: "it won a seat at a bulletin it prefers, closing in the same round"
        case .referralExpired: "it was inactive after an earlier referral expired"
        }
    }
}
