import KezekDomainTestSupport
import Testing

@testable import Kezek

@Suite struct EventCodecTests {
    private func encoded(_ event: Event) -> [UInt8] {
        var writer = BinaryWriter()
        event.encode(into: &writer)
        return writer.bytes
    }

    private func decoded(_ bytes: [UInt8], type: EventType, version: UInt16) throws(EventDecodingError) -> Event {
        try BinaryReader.withReader(bytes) { (reader: inout BinaryReader) throws(EventDecodingError) -> Event in
            let event = try Event.decode(type: type, version: version, from: &reader)
            do throws(BinaryDecodingError) {
                try reader.expectEnd()
            } catch {
                throw .binary(error)
            }
            return event
        }
    }

    @Test(arguments: EventType.allCases)
    func roundTripsBinaryAndJSON(type: EventType) throws {
        var generator = SeededGenerator(seed: 0xE7E7 &+ UInt64(type.rawValue))
        for _ in 0..<300 {
            let event = EventSamples.event(of: type, using: &generator)
            #expect(event.type == type)
            let bytes = encoded(event)
            #expect(try decoded(bytes, type: type, version: type.currentVersion) == event)
            let text = event.json.serialized
            let fromJSON = try Event(json: try JSONValue.parse(text))
            #expect(fromJSON == event)
        }
    }

    @Test func typeCodesAndNamesAreStable() {
        #expect(EventType.allCases.count == 24)
        #expect(Set(EventType.allCases.map(\.rawValue)).count == 24)
        #expect(EventType.allCases.allSatisfy { EventType(name: $0.name) == $0 })
        #expect(EventType.applicationSubmitted.rawValue == 4)
        #expect(EventType.queueRefreshed.rawValue == 24)
    }

    private static let submitted = Event.ApplicationSubmitted(
        application: 287_529, applicant: IIN(rawValue: "850612304561")!, child: IIN(rawValue: "230704601230")!,
        key: QueueKey(
            locality: KATOCode(rawValue: 750_000_000)!, birthYear: 2023, language: .kazakh, groupType: .general),
        submittedAt: Timestamp(millisecondsSinceEpoch: 1_781_753_600_000), tier: .firstPriority,
        priority: PriorityClaim(
            category: .largeFamily,
            documents: [SupportingDocument(name: "certificate", issuedOn: CivilDate(daysSinceEpoch: 20_600))]),
        policy: PolicyVersion(rawValue: "2024"))

    @Test func decodesApplicationSubmittedVersion1WithoutKindergartens() throws {
        // Version 1 layout: the version 2 fields without the trailing ranked kindergartens.
        var v1 = BinaryWriter()
        let event = Self.submitted
        v1.writeVarint(event.application.rawValue)
        v1.writeVarint(850_612_304_561)
        v1.writeVarint(230_704_601_230)
        v1.writeVarint(750_000_000)
        v1.writeZigzag(2023)
        v1.write("kk")
        v1.write(UInt8(0))  // general
        v1.writeZigzag(event.submittedAt.millisecondsSinceEpoch)
        v1.write(UInt8(1))  // firstPriority
        v1.write(true)  // a claim follows
        v1.write(UInt8(4))  // largeFamily
        v1.writeVarint(1)
        v1.write("certificate")
        v1.writeZigzag(20_600)
        v1.write("2024")
        let upcast = try decoded(v1.bytes, type: .applicationSubmitted, version: 1)
        #expect(upcast == .applicationSubmitted(event))
        guard case .applicationSubmitted(let payload) = upcast else { return }
        #expect(payload.kindergartens.isEmpty)

        // The current layout is version 2: the same bytes plus the list.
        var ranked = event
        ranked.kindergartens = [try KindergartenID(validating: "almaty-kg-0117")]
        var v2 = v1
        v2.writeVarint(1)
        v2.write("almaty-kg-0117")
        #expect(encoded(.applicationSubmitted(ranked)) == v2.bytes)
        #expect(try decoded(v2.bytes, type: .applicationSubmitted, version: 2) == .applicationSubmitted(ranked))
    }

    @Test func rejectsUnknownTypesAndNewerVersions() {
        let bytes = encoded(.applicationWithdrawn(.init(application: 7)))
        #expect(throws: EventDecodingError.unknownType(999)) {
            try BinaryReader.withReader(bytes) { (reader: inout BinaryReader) throws(EventDecodingError) in
                _ = try Event.decode(typeCode: 999, version: 1, from: &reader)
            }
        }
        #expect(throws: EventDecodingError.unsupportedVersion(.applicationWithdrawn, version: 2, newest: 1)) {
            try decoded(bytes, type: .applicationWithdrawn, version: 2)
        }
        #expect(throws: EventDecodingError.unsupportedVersion(.applicationSubmitted, version: 3, newest: 2)) {
            try decoded(bytes, type: .applicationSubmitted, version: 3)
        }
        #expect(throws: EventDecodingError.unsupportedVersion(.applicationWithdrawn, version: 0, newest: 1)) {
            try decoded(bytes, type: .applicationWithdrawn, version: 0)
        }
        #expect(throws: EventDecodingError.unknownTypeName("applicationTeleported")) {
            try Event(json: ["type": "applicationTeleported"])
        }
    }

    @Test func rejectsTruncatedAndCorruptBytes() {
        let bytes = encoded(.applicationSubmitted(Self.submitted))
        for length in 0..<bytes.count {
            #expect(throws: EventDecodingError.self) {
                try decoded(Array(bytes[..<length]), type: .applicationSubmitted, version: 2)
            }
        }
        // A corrupt IIN (check digit off by one) is caught.
        var corrupt = BinaryWriter()
        corrupt.writeVarint(850_612_304_562)
        corrupt.writeVarint(7_011_234_567)
        #expect(throws: EventDecodingError.binary(BinaryDecodingError(offset: 0, reason: .invalidValue(type: "IIN")))) {
            try decoded(corrupt.bytes, type: .applicantRegistered, version: 1)
        }
    }

    @Test func jsonFormUsesContractNames() throws {
        let json = Event.applicationSubmitted(Self.submitted).json
        #expect(
            json.description
                == #"{"type":"applicationSubmitted","application":287529,"applicant":"850612304561","#
                + #""child":"230704601230","key":{"locality":"750000000","birthYear":2023,"language":"kk","#
                + #""groupType":"general"},"submittedAt":"2026-06-18T08:33:20+05:00","tier":"firstPriority","#
                + #""priority":{"category":"largeFamily","documents":[{"name":"certificate","issuedOn":"2026-05-27"}]},"#
                + #""policy":"2024","kindergartens":[]}"#)
    }

    @Test func jsonErrorsNameTheField() {
        #expect(throws: EventDecodingError.json(field: "application", expected: "a positive integer")) {
            try Event(json: ["type": "applicationWithdrawn", "application": "7"])
        }
        #expect(throws: EventDecodingError.json(field: "key.birthYear", expected: "an integer")) {
            var object = Event.applicationSubmitted(Self.submitted).json
            if case .object(var members) = object, case .object(var key)? = members["key"] {
                key["birthYear"] = nil
                members["key"] = .object(key)
                object = .object(members)
            }
            _ = try Event(json: object)
        }
    }

    @Test func typicalEventsAreCompact() {
        #expect(encoded(.bulletinApplied(.init(application: 287_529, bulletin: 1_204))).count == 5)
        #expect(encoded(.applicationSubmitted(Self.submitted)).count == 57)
    }
}
