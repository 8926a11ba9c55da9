import KezekDomainTestSupport
import Testing

@testable import Kezek

@Suite struct CommandDecodingTests {
    private func decode(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> Result<
        CommandEnvelope, Rejection
    > {
        Command.decode(line)
    }

    private func rejection(_ line: String) -> Rejection? {
        if case .failure(let rejection) = Command.decode(line) { return rejection }
        return nil
    }

    private let at = #""at":"2026-06-18T08:33:20+05:00""#

    @Test func decodesSubmitApplication() throws {
        let line = """
            {"type":"submitApplication",\(at),"applicant":"850612304561","child":"230704601230",\
            "locality":"750000000","language":"kk","groupType":"general","kindergartens":["almaty-kg-0117"],\
            "priority":{"category":"largeFamily","documents":[{"name":"certificate","issuedOn":"2026-06-01"}]},\
            "consent":true,"comment":"ignored"}
            """
        let envelope = try Command.decode(line).get()
        #expect(envelope.at == Timestamp(millisecondsSinceEpoch: 1_781_753_600_000))
        guard case .submitApplication(let payload) = envelope.command else {
            Issue.record("wrong command \(envelope.command)")
            return
        }
        #expect(payload.applicant.rawValue == "850612304561")
        #expect(payload.child.rawValue == "230704601230")
        #expect(payload.locality.description == "750000000")
        #expect(payload.language == .kazakh)
        #expect(payload.groupType == .general)
        #expect(payload.kindergartens.map(\.rawValue) == ["almaty-kg-0117"])
        #expect(payload.priority?.category == .largeFamily)
        #expect(payload.priority?.documents.first?.issuedOn.description == "2026-06-01")
    }

    @Test func decodesTick() throws {
        #expect(try Command.decode("{\"type\":\"tick\",\(at)}").get().command == .tick)
    }

    @Test(arguments: [
        ("{", "malformedCommand"),
        ("[]", "malformedCommand"),
        (#"{"at":"2026-06-18T08:33:20+05:00"}"#, "malformedCommand"),
        (#"{"type":"fly","at":"2026-06-18T08:33:20+05:00"}"#, "unknownCommand"),
        (#"{"type":"tick"}"#, "malformedCommand"),
        (#"{"type":"tick","at":"2026-06-18T08:33:20"}"#, "invalidTime"),
        (#"{"type":"confirmInterest","at":"2026-06-18T08:33:20Z","application":"7"}"#, "malformedCommand"),
        (#"{"type":"confirmInterest","at":"2026-06-18T08:33:20Z","application":0}"#, "malformedCommand"),
        (#"{"type":"confirmInterest","at":"2026-06-18T08:33:20Z","application":1e3}"#, "malformedCommand"),
        (
            #"{"type":"registerApplicant","at":"2026-06-18T08:33:20Z","iin":"061211600013","phone":"+77011234567"}"#,
            "invalidIIN"
        ),
        (
            #"{"type":"registerApplicant","at":"2026-06-18T08:33:20Z","iin":"061211600012","phone":"+7 727 123 45 67"}"#,
            "invalidPhone"
        ),
        (
            #"{"type":"addChild","at":"2026-06-18T08:33:20Z","applicant":"850612304561","child":"230704601230","gender":"male"}"#,
            "genderMismatch"
        ),
        (
            #"{"type":"addChild","at":"2026-06-18T08:33:20Z","applicant":"850612304561","child":"230704601230","gender":"girl"}"#,
            "malformedCommand"
        ),
        (#"{"type":"extendReferral","at":"2026-06-18T08:33:20Z","referral":3,"days":31}"#, "invalidExtension"),
        (#"{"type":"refreshQueue","at":"2026-06-18T08:33:20Z","year":0}"#, "invalidYear"),
        (
            #"{"type":"verifyPriority","at":"2026-06-18T08:33:20Z","application":3,"verdict":"maybe"}"#,
            "malformedCommand"
        ),
    ])
    func rejects(line: String, code: String) {
        #expect(rejection(line)?.code == code, "\(String(describing: rejection(line)))")
    }

    private func submission(_ changes: [String: JSONValue]) -> String {
        var object: JSONObject = [
            "type": "submitApplication", "at": "2026-06-18T08:33:20+05:00", "applicant": "850612304561",
            "child": "230704601230", "locality": "750000000", "language": "ru", "groupType": "special",
            "kindergartens": .array([]), "consent": .bool(true),
        ]
        for (key, value) in changes {
            object[key] = value == .null ? nil : value
        }
        return JSONValue.object(object).description
    }

    @Test func submitApplicationFieldCodes() {
        #expect(rejection(submission([:])) == nil)
        #expect(rejection(submission(["consent": .bool(false)])) == .consentRequired)
        #expect(rejection(submission(["consent": .null])) == .consentRequired)
        #expect(rejection(submission(["consent": "yes"]))?.code == "malformedCommand")
        #expect(rejection(submission(["locality": "999999999"]))?.code == "unknownLocality")
        #expect(rejection(submission(["locality": "75"]))?.code == "invalidLocality")
        #expect(rejection(submission(["language": "xx"]))?.code == "unknownLanguage")
        #expect(rejection(submission(["groupType": "nursery"]))?.code == "unknownGroupType")
        #expect(rejection(submission(["child": .null])) == .malformedCommand(.missingField("child")))
        let five = JSONValue.array(["a", "b", "c", "d", "e"])
        #expect(rejection(submission(["kindergartens": five])) == .tooManyKindergartens(count: 5, maximum: 4))
        #expect(rejection(submission(["kindergartens": .array(["a", "a"])]))?.code == "kindergartenListedTwice")
        #expect(
            rejection(submission(["kindergartens": .array(["a", .integer(3)])]))
                == .malformedCommand(.wrongType(field: "kindergartens[1]", expected: "a string", found: "integer")))
        #expect(
            rejection(submission(["priority": .object(["category": "pirate", "documents": .array([])])]))?.code
                == "unknownCategory")
        #expect(
            rejection(submission(["priority": .object(["category": "orphan", "documents": .array([])])]))
                == .documentsRequired(category: .orphan))
        let badDate = JSONValue.object([
            "category": "orphan", "documents": .array([.object(["name": "x", "issuedOn": "2026-02-30"])]),
        ])
        guard case .invalidDate(let field, _)? = rejection(submission(["priority": badDate])) else {
            Issue.record("expected invalidDate")
            return
        }
        #expect(field == "priority.documents[0].issuedOn")
    }

    @Test func messagesNameTheValue() {
        let iin = rejection(
            #"{"type":"registerApplicant","at":"2026-06-18T08:33:20Z","iin":"061211600013","phone":"+77011234567"}"#)
        #expect(iin?.message.contains("061211600013") == true)
        #expect(rejection(#"{"type":"fly","at":"2026-06-18T08:33:20Z"}"#)?.message.contains("\"fly\"") == true)
        #expect(
            rejection(#"{"type":"tick","at":"2026-06-18T08:33:20Z"} x"#)?.message
                == "the line is not valid JSON: unexpected data after the JSON value at byte 44")
    }

    @Test func publishBulletinChecksWindowAndSeats() {
        let base =
            #"{"type":"publishBulletin","at":"2026-06-18T08:33:20Z","kindergarten":"k1","birthYear":2022,"language":"kk","groupType":"general""#
        #expect(
            rejection(
                base + #","seats":0,"opensAt":"2026-07-01T09:00:00+05:00","closesAt":"2026-07-02T09:00:00+05:00"}"#)
                == .invalidSeats(0, capacity: nil))
        #expect(
            rejection(
                base + #","seats":3,"opensAt":"2026-07-02T09:00:00+05:00","closesAt":"2026-07-02T09:00:00+05:00"}"#)?
                .code == "invalidWindow")
    }

    @Test func randomCommandsRoundTripThroughJSON() throws {
        var generator = SeededGenerator(seed: 0xC0FFEE)
        for _ in 0..<3_000 {
            let envelope = CommandEnvelope(
                Self.randomCommand(using: &generator), at: DomainSamples.time(using: &generator))
            let line = envelope.json.serialized
            let decoded = try Command.decode(line).get()
            #expect(decoded == envelope)
        }
    }

    static func randomCommand(using generator: inout SeededGenerator) -> Command {
        typealias S = DomainSamples
        switch CommandType.allCases.randomElement(using: &generator)! {
        case .registerKindergarten:
            return .registerKindergarten(
                .init(
                    id: S.kindergarten(using: &generator), name: S.name(using: &generator),
                    locality: S.locality(using: &generator), languages: S.languages(using: &generator),
                    groupTypes: S.groupTypes(using: &generator), capacity: Int.random(in: 1...500, using: &generator)))
        case .registerApplicant:
            return .registerApplicant(.init(applicant: S.iin(using: &generator), phone: S.phone(using: &generator)))
        case .addChild:
            let sex = Sex.allCases.randomElement(using: &generator)!
            return .addChild(
                .init(
                    applicant: S.iin(using: &generator), child: S.iin(using: &generator, sex: sex), gender: sex,
                    nationality: S.optionalText(using: &generator)))
        case .submitApplication:
            return .submitApplication(
                .init(
                    applicant: S.iin(using: &generator), child: S.iin(using: &generator),
                    locality: S.locality(using: &generator), language: S.language(using: &generator),
                    groupType: S.groupType(using: &generator), kindergartens: S.kindergartens(using: &generator),
                    priority: S.optionalClaim(using: &generator)))
        case .verifyPriority:
            return .verifyPriority(
                .init(
                    application: S.application(using: &generator),
                    verdict: PriorityVerdict.allCases.randomElement(using: &generator)!,
                    reason: S.optionalText(using: &generator)))
        case .confirmInterest: return .confirmInterest(S.application(using: &generator))
        case .withdrawApplication: return .withdrawApplication(S.application(using: &generator))
        case .publishBulletin:
            let opensAt = S.time(using: &generator)
            return .publishBulletin(
                .init(
                    kindergarten: S.kindergarten(using: &generator), birthYear: S.birthYear(using: &generator),
                    language: S.language(using: &generator), groupType: S.groupType(using: &generator),
                    seats: Int.random(in: 1...60, using: &generator), opensAt: opensAt,
                    closesAt: opensAt.adding(seconds: Int64.random(in: 1...1_000_000, using: &generator))))
        case .applyToBulletin:
            return .applyToBulletin(
                .init(application: S.application(using: &generator), bulletin: S.bulletin(using: &generator)))
        case .tick: return .tick
        case .confirmReferral: return .confirmReferral(S.referral(using: &generator))
        case .refuseReferral: return .refuseReferral(S.referral(using: &generator))
        case .extendReferral:
            return .extendReferral(
                .init(referral: S.referral(using: &generator), days: Int.random(in: 1...30, using: &generator)))
        case .registerEnrollment: return .registerEnrollment(S.referral(using: &generator))
        case .confirmAdmission: return .confirmAdmission(S.referral(using: &generator))
        case .refreshQueue: return .refreshQueue(year: Int.random(in: 2019...2040, using: &generator))
        }
    }
}
