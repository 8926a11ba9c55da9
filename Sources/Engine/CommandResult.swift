public import Kezek
import Projections

/// What a successful command assigned or caused, as the fields of its result line (after `"ok": true`).
public struct CommandResult: Sendable, Equatable {
    /// The fields, in the order they are printed.
    public var fields: JSONObject

    /// A result with these fields.
    public init(fields: JSONObject) {
        self.fields = fields
    }

    /// The result of `command`, which caused `events`; `model` is the model after them.
    public init(command: Command, events: [Event], model: EngineModel) {
        var builder = ResultBuilder(events: events, model: model)
        builder.describe(command)
        fields = builder.fields
    }
}

/// Builds a result from a command's events: one method per kind of command.
struct ResultBuilder {
    let events: [Event]
    let model: EngineModel
    var fields = JSONObject()

    init(events: [Event], model: EngineModel) {
        self.events = events
        self.model = model
    }

    var state: KezekState { model.state }

    /// The queue number as the order-statistic index answers it.
    func queueNumber(of number: ApplicationNumber) -> JSONValue {
        model.projections.queueNumber(of: number).map { .integer(Int64($0)) } ?? .null
    }

    mutating func set(_ key: String, _ value: JSONValue) {
        fields[key] = value
    }

    mutating func describe(_ command: Command) {
        switch command {
        case .registerKindergarten(let payload):
            set("kindergarten", .string(payload.id.rawValue))
        case .registerApplicant(let payload):
            set("applicant", .string(payload.applicant.rawValue))
        case .addChild(let payload):
            set("child", .string(payload.child.rawValue))
            set("applicant", .string(payload.applicant.rawValue))
        case .submitApplication:
            submitted()
        case .verifyPriority(let payload):
            verified(payload)
        case .confirmInterest(let number):
            set("application", .number(number))
            for event in events {
                if case .interestConfirmed(let e) = event { set("interestValidUntil", .time(e.validUntil)) }
                if case .applicationRestored(let e) = event {
                    set("restored", true)
                    set("interestValidUntil", .time(e.validUntil))
                }
            }
            queueFields(of: number)
        case .withdrawApplication(let number):
            set("application", .number(number))
            set("status", .string(ApplicationStatus.withdrawn.rawValue))
        case .publishBulletin(let payload):
            for case .bulletinPublished(let e) in events {
                set("bulletin", .number(e.bulletin))
                set("kindergarten", .string(payload.kindergarten.rawValue))
                set("seats", .integer(Int64(e.seats)))
                set("opensAt", .time(e.opensAt))
                set("closesAt", .time(e.closesAt))
            }
        case .applyToBulletin(let payload):
            set("application", .number(payload.application))
            set("bulletin", .number(payload.bulletin))
            queueFields(of: payload.application)
        case .tick:
            tick()
        case .confirmReferral(let number):
            set("referral", .number(number))
            for case .referralConfirmed(let e) in events { set("registerBy", .time(e.registerBy)) }
        case .refuseReferral(let number):
            set("referral", .number(number))
            for event in events {
                if case .referralRefused(let e) = event { set("application", .number(e.application)) }
                if case .applicationAnnulled = event { set("applicationStatus", .string("annulled")) }
            }
        case .extendReferral(let payload):
            set("referral", .number(payload.referral))
            for case .referralExtended(let e) in events {
                set("days", .integer(Int64(e.days)))
                set("registerBy", .time(e.registerBy))
            }
        case .registerEnrollment(let number):
            set("referral", .number(number))
            set("status", .string(ReferralStatus.registered.rawValue))
        case .confirmAdmission(let number):
            set("referral", .number(number))
            for case .admissionConfirmed(let e) in events {
                set("application", .number(e.application))
                set("child", .string(e.child.rawValue))
                set("kindergarten", .string(e.kindergarten.rawValue))
                set("enrolled", true)
            }
        case .refreshQueue(let year):
            refreshed(year: year)
        }
    }

    /// The queue number and status of an application as it stands after the command.
    mutating func queueFields(of number: ApplicationNumber) {
        guard let application = state.applications[number] else { return }
        set("queueNumber", queueNumber(of: number))
        set("status", .string(application.status.rawValue))
    }

    mutating func submitted() {
        for case .applicationSubmitted(let e) in events {
            set("application", .number(e.application))
            set("queueNumber", queueNumber(of: e.application))
            set("tier", .string(e.tier.name))
            set("submittedAt", .time(e.submittedAt))
        }
    }

    mutating func verified(_ payload: Command.VerifyPriority) {
        set("application", .number(payload.application))
        set("verdict", .string(payload.verdict.rawValue))
        if let application = state.applications[payload.application] {
            set("tier", .string(application.tier.name))
        }
        queueFields(of: payload.application)
        for event in events {
            if case .referralCancelled(let e) = event { set("referralCancelled", .number(e.referral)) }
            if case .stopListed(let e) = event { set("stopListedUntil", .time(e.until)) }
        }
    }

    mutating func tick() {
        var closed: [JSONValue] = []
        var issued: [BulletinNumber: [JSONValue]] = [:]
        var expired: [JSONValue] = []
        var lapsed: [JSONValue] = []
        var annulled: [JSONValue] = []
        for event in events {
            switch event {
            case .referralIssued(let e):
                issued[e.bulletin, default: []].append([
                    "application": .number(e.application), "referral": .number(e.referral),
                    "confirmBy": .time(e.confirmBy),
                ])
            case .referralExpired(let e):
                var entry: JSONObject = [
                    "referral": .number(e.referral), "application": .number(e.application),
                    "deadline": .string(e.deadline.rawValue), "dueAt": .time(e.dueAt),
                ]
                if let until = e.restorableUntil { entry["restorableUntil"] = .time(until) }
                expired.append(.object(entry))
            case .interestLapsed(let e):
                lapsed.append(["application": .number(e.application), "restorableUntil": .time(e.restorableUntil)])
            case .applicationAnnulled(let e):
                annulled.append(["application": .number(e.application), "reason": .string(e.reason.rawValue)])
            default:
                break
            }
        }
        for case .bulletinClosed(let e) in events {
            var bulletin: JSONObject = [
                "bulletin": .number(e.bulletin),
                "admitted": .array(issued[e.bulletin] ?? []),
                "unfilledSeats": .integer(Int64(e.unfilledSeats)),
            ]
            if let kindergarten = state.bulletins[e.bulletin]?.kindergarten {
                bulletin["kindergarten"] = .string(kindergarten.rawValue)
            }
            bulletin["cutOff"] =
                e.cutOff.map { cutOff in
                    [
                        "queueNumber": .integer(Int64(cutOff.queueNumber)), "application": .number(cutOff.application),
                        "tier": .string(cutOff.tier.name), "submittedAt": .time(cutOff.submittedAt),
                    ]
                } ?? .null
            bulletin["passedOver"] = .array(
                e.passedOver.map { ["application": .number($0.application), "reason": .string($0.reason.rawValue)] })
            closed.append(.object(bulletin))
        }
        set("bulletinsClosed", .array(closed))
        set("referralsExpired", .array(expired))
        set("interestLapsed", .array(lapsed))
        set("applicationsAnnulled", .array(annulled))
    }

    mutating func refreshed(year: Int) {
        set("year", .integer(Int64(year)))
        for case .queueRefreshed(let e) in events {
            set("agedOut", .array(e.agedOut.map { .number($0) }))
            set(
                "tierChanges",
                .array(
                    e.tierChanges.map {
                        [
                            "application": .number($0.application), "from": .string($0.from.name),
                            "to": .string($0.to.name),
                        ]
                    }))
        }
        if fields["agedOut"] == nil {
            set("agedOut", [])
            set("tierChanges", [])
        }
    }
}

extension JSONValue {
    /// A number the engine assigns, as a JSON integer.
    static func number<Number: RawRepresentable<UInt64>>(_ number: Number) -> JSONValue {
        .integer(Int64(bitPattern: number.rawValue))
    }

    /// A time, as ISO 8601 with the Asia/Almaty offset.
    static func time(_ time: Timestamp) -> JSONValue {
        .string(time.description)
    }
}
