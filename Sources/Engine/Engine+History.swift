import EventLog
public import Kezek
import Projections

extension Engine {
    /// An applicant's cabinet: `{"applicant", "phone", "children": [{"child", "gender",
    /// "activeApplication", "enrolment", "applications": [{"application", "key", "status", "stage", "tier",
    /// "queueNumber"}]}], "notifications"}`, with at most `limit` notifications, newest first (every line
    /// of every application's history, each naming its `application`).
    public func cabinet(of applicant: IIN, limit: Int = 20) throws(EngineError) -> Result<JSONValue, Rejection> {
        guard let family = model.projections.family(of: applicant, in: state) else {
            return .failure(.unknownApplicant(applicant))
        }
        let children: [JSONValue] = family.children.map { child in
            var object: JSONObject = [
                "child": .string(child.child.iin.rawValue),
                "gender": .string(child.child.gender.rawValue),
                "activeApplication": child.child.activeApplication.map { .number($0) } ?? .null,
            ]
            object["enrolment"] =
                child.child.enrolment.map {
                    ["application": .number($0.application), "kindergarten": .string($0.kindergarten.rawValue)]
                } ?? .null
            object["applications"] = .array(
                child.applications.map { application in
                    [
                        "application": .number(application.number),
                        "key": application.key.json,
                        "status": .string(application.status.rawValue),
                        "stage": .string(stage(of: application.status, application.stage)),
                        "tier": .string(application.tier.name),
                        "queueNumber": application.queueNumber.map { .integer(Int64($0)) } ?? .null,
                    ]
                })
            return .object(object)
        }
        var lines: [(position: UInt64, application: ApplicationNumber, line: JSONObject)] = []
        for child in family.children {
            for application in child.applications {
                guard let record = state.applications[application.number], record.applicant == applicant else {
                    continue
                }
                for line in try historyLines(of: record, referrals: referrals(of: record.number)) {
                    var tagged = JSONObject([JSONMember("application", .number(application.number))])
                    for member in line.line.members { tagged[member.key] = member.value }
                    lines.append((line.position, application.number, tagged))
                }
            }
        }
        lines.sort { ($0.position, $0.application) > ($1.position, $1.application) }
        return .success([
            "applicant": .string(applicant.rawValue),
            "phone": .string(family.phone.rawValue),
            "children": .array(children),
            "notifications": .array(lines.prefix(max(0, limit)).map { .object($0.line) }),
        ])
    }

    /// The stage as the card and the cabinet name it: the projections' stage, or `archive` once
    /// withdrawn or annulled.
    func stage(of status: ApplicationStatus, _ stage: ApplicationStage?) -> String {
        if status == .withdrawn || status == .annulled { return "archive" }
        return (stage ?? .queue).description
    }

    /// An application's history, oldest first: `{"position", "time", "type", ...}` for every event of the
    /// application's stream and of its referrals' streams, the closing of every bulletin it applied to
    /// (with its `outcome` there: `admitted`, or `passedOver` with the `reason`, and the `cutOff`) and
    /// every queue refresh that changed its tier or aged it out. Read from the log, as far as the model
    /// has applied it; `referrals` are the application's (``referrals(of:)``).
    func historyLines(
        of application: ApplicationRecord, referrals: [ReferralRecord]
    ) throws(EngineError) -> [(position: UInt64, line: JSONObject)] {
        let number = application.number
        var streams = [Event.application(number)] + referrals.map { Event.referral($0.number) }
        streams += application.bulletins.map { "bulletin-\($0.rawValue)" }
        let firstYear = application.submittedAt.almatyDate.year
        if let lastYear = state.lastRefreshYear, lastYear >= firstYear {
            streams += (firstYear...lastYear).map { "refresh-\($0)" }
        }
        var records: [Record] = []
        do {
            for name in streams {
                guard let stream = StreamID(rawValue: name) else { continue }
                records += try log.records(in: stream)
            }
        } catch {
            throw .log(error)
        }
        records.sort { $0.position < $1.position }
        var lines: [(position: UInt64, line: JSONObject)] = []
        for record in records where record.position <= model.position {
            guard let fields = Self.historyFields(of: try Event(record: record), for: number) else { continue }
            var line = JSONObject([
                JSONMember("position", .integer(Int64(bitPattern: record.position.rawValue))),
                JSONMember("time", .time(Timestamp(millisecondsSinceEpoch: record.timestamp))),
            ])
            for member in fields.members { line[member.key] = member.value }
            lines.append((record.position.rawValue, line))
        }
        return lines
    }

    /// What a history line of `application` says of `event`: the event's fields, or for a bulletin's
    /// closing and a queue refresh (which name many applications) only this application's part; `nil`
    /// when the event does not concern it.
    private static func historyFields(of event: Event, for application: ApplicationNumber) -> JSONObject? {
        guard case .object(let fields) = event.json else { return nil }
        switch event {
        case .bulletinPublished: return nil
        case .bulletinClosed(let closed):
            var line: JSONObject = ["type": .string(event.type.name), "bulletin": .number(closed.bulletin)]
            if closed.admitted.contains(application) {
                line["outcome"] = .string("admitted")
            } else if let passed = closed.passedOver.first(where: { $0.application == application }) {
                line["outcome"] = .string("passedOver")
                line["reason"] = .string(passed.reason.rawValue)
            } else {
                return nil
            }
            line["cutOff"] = fields["cutOff"] ?? .null
            return line
        case .queueRefreshed(let refresh):
            var line: JSONObject = ["type": .string(event.type.name), "year": .integer(Int64(refresh.year))]
            if let change = refresh.tierChanges.first(where: { $0.application == application }) {
                line["from"] = .string(change.from.name)
                line["to"] = .string(change.to.name)
            } else if refresh.agedOut.contains(application) {
                line["agedOut"] = .bool(true)
            } else {
                return nil
            }
            return line
        default: return fields
        }
    }
}
