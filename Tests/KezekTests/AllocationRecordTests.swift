import Testing

@testable import Kezek

/// How a round is recorded in `bulletinClosed`: version 2 and the upcast of version 1.
@Suite struct AllocationRecordTests {
    static let closed = Event.BulletinClosed(
        bulletin: 12, admitted: [5, 9],
        cutOff: AllocationCutOff(
            queueNumber: 7, tier: .general, submittedAt: Timestamp(millisecondsSinceEpoch: 1_781_753_600_000),
            application: 9),
        unfilledSeats: 1, passedOver: [PassedOver(application: 6, reason: .interestLapsed)],
        policy: PolicyVersion(rawValue: "2024"))

    static func encoded(_ event: Event) -> [UInt8] {
        var writer = BinaryWriter()
        event.encode(into: &writer)
        return writer.bytes
    }

    static func decoded(_ bytes: [UInt8], version: UInt16) throws -> Event {
        try BinaryReader.withReader(bytes) { (reader: inout BinaryReader) throws(EventDecodingError) -> Event in
            let event = try Event.decode(type: .bulletinClosed, version: version, from: &reader)
            do throws(BinaryDecodingError) {
                try reader.expectEnd()
            } catch {
                throw .binary(error)
            }
            return event
        }
    }

    @Test func version1ReadsAsSerialDictatorshipWithoutDigest() throws {
        #expect(EventType.bulletinClosed.currentVersion == 2)
        // Version 2 appends the algorithm (tag 0), an absent digest (0) and no sibling priority (count 0)
        // to the version 1 layout.
        let current = Self.encoded(.bulletinClosed(Self.closed))
        #expect(Array(current.suffix(3)) == [0, 0, 0])
        let version1 = Array(current.dropLast(3))
        let upcast = try Self.decoded(version1, version: 1)
        #expect(upcast == .bulletinClosed(Self.closed))
        guard case .bulletinClosed(let payload) = upcast else { return }
        #expect(payload.algorithm == .serialDictatorship)
        #expect(payload.inputDigest == nil)
        #expect(payload.siblingPriority.isEmpty)
        #expect(throws: EventDecodingError.self) { try Self.decoded(version1, version: 2) }
    }

    @Test func version2CarriesTheRound() throws {
        var round = Self.closed
        round.algorithm = .deferredAcceptance
        round.inputDigest = SHA256Hasher.hash(Array("round".utf8))
        round.siblingPriority = [9]
        let bytes = Self.encoded(.bulletinClosed(round))
        #expect(bytes.count == Self.encoded(.bulletinClosed(Self.closed)).count + 32 + 1)
        #expect(try Self.decoded(bytes, version: 2) == .bulletinClosed(round))
        let json = Event.bulletinClosed(round).json
        guard case .object(let object) = json else {
            Issue.record("not an object: \(json)")
            return
        }
        #expect(object["algorithm"] == .string("deferredAcceptance"))
        #expect(object["inputDigest"] == .string(round.inputDigest!.hex))
        #expect(object["siblingPriority"] == .array([.integer(9)]))
        #expect(try Event(json: json) == .bulletinClosed(round))
    }
}
