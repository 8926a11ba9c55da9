import EventLog
public import Kezek
import Projections

extension Engine {
    /// A bulletin as `kezek show --bulletin` prints it: its fields and status, its applicants in queue
    /// order with their queue numbers, and once closed what its recorded `bulletinClosed` says (admitted,
    /// cut-off, unfilled seats, passed over with reasons) and the referrals it produced with their status.
    ///
    /// The status is `upcoming`, `open`, `due` (the window ended; the next `tick` closes it) or `closed`, as
    /// of the log's last time (`asOf`). While not closed each applicant says whether it is eligible then;
    /// once closed each says its `outcome` (`admitted`, `passedOver` with a `reason`, or `notReached`).
    public func bulletinReport(_ number: BulletinNumber) throws(EngineError) -> Result<JSONValue, Rejection> {
        guard let bulletin = state.bulletins[number] else { return .failure(.unknownBulletin(number)) }
        let asOf = state.lastTime ?? bulletin.opensAt
        var report: JSONObject = [
            "bulletin": .number(number),
            "kindergarten": .string(bulletin.kindergarten.rawValue),
            "key": bulletin.key.json,
            "seats": .integer(Int64(bulletin.seats)),
            "opensAt": .time(bulletin.opensAt),
            "closesAt": .time(bulletin.closesAt),
            "status": .string(status(of: bulletin, at: asOf)),
            "asOf": .time(asOf),
        ]
        let close = try recordedClose(of: number)
        let applicants = bulletin.applicants.compactMap { state.applications[$0] }.sorted {
            $0.queuePosition < $1.queuePosition
        }
        report["applicants"] = .array(
            applicants.map { application in
                var entry: JSONObject = [
                    "application": .number(application.number),
                    "queueNumber": model.projections.queueNumber(of: application.number).map { .integer(Int64($0)) }
                        ?? .null,
                    "tier": .string(application.tier.name),
                    "submittedAt": .time(application.submittedAt),
                    "status": .string(application.status.rawValue),
                ]
                if let (_, closed) = close {
                    let outcome = ClosingOutcome(of: application.number, in: closed)
                    entry["outcome"] = .string(outcome.name)
                    if case .passedOver(let reason) = outcome { entry["reason"] = .string(reason.rawValue) }
                } else {
                    let ineligibility = state.ineligibility(of: application, at: asOf)
                    entry["eligible"] = .bool(ineligibility == nil)
                    if let ineligibility { entry["ineligibility"] = .string(ineligibility.rawValue) }
                }
                return .object(entry)
            })
        if let (recorded, closed) = close {
            let referrals = state.referrals.values.filter { $0.bulletin == number }.sorted { $0.number < $1.number }
            var referralOf: [ApplicationNumber: ReferralRecord] = [:]
            for referral in referrals { referralOf[referral.application] = referral }
            report["closedAt"] = .time(recorded.time)
            report["closingPosition"] = .integer(Int64(bitPattern: recorded.position.rawValue))
            report["policy"] = .string(closed.policy.rawValue)
            report["admitted"] = .array(
                closed.admitted.map { application in
                    var entry: JSONObject = ["application": .number(application)]
                    if let referral = referralOf[application] {
                        entry["referral"] = .number(referral.number)
                        entry["referralStatus"] = .string(referral.status.rawValue)
                    }
                    return .object(entry)
                })
            report["cutOff"] = closed.cutOff?.json ?? .null
            report["unfilledSeats"] = .integer(Int64(closed.unfilledSeats))
            report["passedOver"] = .array(
                closed.passedOver.map {
                    ["application": .number($0.application), "reason": .string($0.reason.rawValue)]
                })
            report["referrals"] = .array(
                referrals.map { referral in
                    var entry: JSONObject = ["application": .number(referral.application)]
                    if case .object(let fields) = referral.json {
                        for member in fields.members where member.key != "bulletin" { entry[member.key] = member.value }
                    }
                    return .object(entry)
                })
        }
        return .success(.object(report))
    }

    private func status(of bulletin: BulletinRecord, at time: Timestamp) -> String {
        if bulletin.isClosed { return "closed" }
        if time < bulletin.opensAt { return "upcoming" }
        return time < bulletin.closesAt ? "open" : "due"
    }
}
