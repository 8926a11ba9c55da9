import EventLog
public import Kezek
import Projections

extension Engine {
    /// What a `tick` at `time` would decide on the current state, writing nothing: the same `decide` that
    /// `apply` runs, on a copy of the model.
    ///
    /// The answer is the `tick` result (`bulletinsClosed`, `referralsExpired`, `interestLapsed`,
    /// `applicationsAnnulled`), each admitted application with the `queueNumber` it had when the seats were
    /// allocated, plus `referralsIssued`, the decision's `at`, the log `position` it was taken on and the
    /// number of `events` it would write. Refused like the command (`timeWentBackwards` before the log's
    /// last time).
    public func dryRunTick(at time: Timestamp) -> Result<JSONValue, Rejection> {
        let envelope = CommandEnvelope(.tick, at: time)
        let events: [Event]
        switch decide(envelope, in: model.state, context: options.context) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let decided): events = decided
        }
        var after = model
        var position = model.position
        var allocationQueueNumbers: [ApplicationNumber: Int] = [:]
        var allocated = false
        var issued: [JSONValue] = []
        for event in events {
            if case .bulletinClosed = event, !allocated {
                allocated = true
                // Queue numbers as the allocation saw them: after this tick's expiries and lapses.
                for case .bulletinClosed(let closed) in events {
                    for number in closed.admitted {
                        allocationQueueNumbers[number] = after.projections.queueNumber(of: number)
                    }
                }
            }
            if case .referralIssued(let e) = event {
                issued.append([
                    "referral": .number(e.referral), "application": .number(e.application),
                    "bulletin": .number(e.bulletin), "kindergarten": .string(e.kindergarten.rawValue),
                    "confirmBy": .time(e.confirmBy),
                ])
            }
            position = position.next
            after.apply(event, at: time, position: position)
        }
        let result = CommandResult(command: .tick, events: events, model: after).fields
        var answer: JSONObject = [
            "dryRun": true,
            "at": .time(time),
            "position": .integer(Int64(bitPattern: model.position.rawValue)),
            "events": .integer(Int64(events.count)),
        ]
        for member in result.members {
            answer[member.key] =
                member.key == "bulletinsClosed" ? withQueueNumbers(member.value, allocationQueueNumbers) : member.value
        }
        answer["referralsIssued"] = .array(issued)
        return .success(.object(answer))
    }

    /// `bulletinsClosed` with each admitted application's queue number at allocation.
    private func withQueueNumbers(_ closed: JSONValue, _ numbers: [ApplicationNumber: Int]) -> JSONValue {
        guard case .array(let bulletins) = closed else { return closed }
        return .array(
            bulletins.map { bulletin in
                guard case .object(var object) = bulletin, case .array(let admitted)? = object["admitted"] else {
                    return bulletin
                }
                object["admitted"] = .array(
                    admitted.map { entry in
                        guard case .object(var fields) = entry, case .integer(let raw)? = fields["application"] else {
                            return entry
                        }
                        let number = ApplicationNumber(rawValue: UInt64(bitPattern: raw))
                        fields["queueNumber"] = numbers[number].map { .integer(Int64($0)) } ?? .null
                        return .object(fields)
                    })
                return .object(object)
            })
    }
}
