import EventLog
import Kezek

/// An event as the log keeps it: where and when it was recorded.
struct RecordedEvent: Sendable, Equatable {
    /// Its log position.
    var position: Position
    /// The time it was recorded at (its command's time).
    var time: Timestamp
    /// The event.
    var event: Event
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
