import KezekDomainTestSupport
import Testing

@testable import Kezek

/// The codec's fast paths (word-at-a-time varints, one reservation per event, known names, packed IINs
/// and phone numbers, the ASCII path of kindergarten ids) give what the plain byte-by-byte rules give.
@Suite struct CodecFastPathTests {
    /// The varint bytes of `value`, written one byte at a time (the layout's definition).
    private static func varintBytes(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        return bytes
    }

    private static func readVarint(_ bytes: [UInt8], at start: Int) throws(BinaryDecodingError) -> (UInt64, Int) {
        try BinaryReader.withReader(bytes) { (reader: inout BinaryReader) throws(BinaryDecodingError) in
            _ = try reader.readRaw(count: start)
            return (try reader.readVarint(), reader.offset)
        }
    }

    @Test func varintsOfEveryLengthDecodeAtEveryDistanceFromTheEnd() throws {
        var generator = SeededGenerator(seed: 0x7A12)
        for length in 1...10 {
            for _ in 0..<20 {
                let low: UInt64 = length == 1 ? 0 : 1 << (7 * (length - 1))
                let high: UInt64 = length == 10 ? .max : (1 << (7 * length)) - 1
                let value = UInt64.random(in: low...high, using: &generator)
                let encoded = Self.varintBytes(value)
                #expect(encoded.count == length)
                var writer = BinaryWriter()
                writer.writeVarint(value)
                #expect(writer.bytes == encoded)
                for before in [0, 1, 7] {
                    for after in 0...9 {
                        let bytes =
                            Array(repeating: 0x80, count: before) + encoded + Array(repeating: 0x01, count: after)
                        let (decoded, end) = try Self.readVarint(bytes, at: before)
                        #expect(decoded == value)
                        #expect(end == before + length)
                    }
                }
            }
        }
    }

    @Test func truncatedVarintsNameWhatIsMissingWhateverTheirLength() {
        for length in 2...10 {
            let encoded = Self.varintBytes(length == 10 ? .max : 1 << (7 * (length - 1)))
            for kept in 0..<length {
                let bytes = [0x05] + encoded.prefix(kept)
                #expect(
                    throws: BinaryDecodingError(offset: 1, reason: .truncated(needed: kept + 1, available: kept))
                ) {
                    _ = try Self.readVarint(bytes, at: 1)
                }
            }
        }
    }

    @Test func eventsLargerThanTheFirstReservationAreWrittenWhole() throws {
        let admitted = (1...300).map { ApplicationNumber(rawValue: UInt64(1_000 + $0) << 40) }
        let event = Event.bulletinClosed(
            .init(
                bulletin: 9, admitted: admitted, unfilledSeats: 0, passedOver: [],
                policy: PolicyVersion(rawValue: "2024")))
        var writer = BinaryWriter()
        writer.writeRaw([0xAA, 0xBB])
        event.encode(into: &writer)
        // Bulletin, count (2 bytes), 300 numbers of 8 bytes, no cut-off, no seats left, no one passed over,
        // the policy, the algorithm, no digest, no sibling priority.
        #expect(writer.bytes.count == 2 + 1 + 2 + 300 * 8 + 1 + 1 + 1 + 5 + 1 + 1 + 1)
        #expect(writer.bytes.prefix(2) == [0xAA, 0xBB])
        let decoded = try BinaryReader.withReader(writer.bytes) {
            (reader: inout BinaryReader) throws(EventDecodingError) -> Event in
            _ = try? reader.readRaw(count: 2)
            return try Event.decode(type: .bulletinClosed, version: 2, from: &reader)
        }
        #expect(decoded == event)
    }

    @Test func knownNamesAreWrittenAsTheirStrings() throws {
        var known = BinaryWriter()
        known.append(PolicyVersion(rawValue: "2024"), reserving: 16) { $0.write(to: &$1) }
        known.append(LanguageCode.kazakh, reserving: 16) { $0.write(to: &$1) }
        var plain = BinaryWriter()
        plain.write("2024")
        plain.write("kk")
        #expect(known.bytes == plain.bytes)

        // Versions outside the policy book, short or long, are plain strings.
        for name in ["1999", "2031-draft", ""] {
            var writer = BinaryWriter()
            writer.write(name)
            let decoded = try BinaryReader.withReader(writer.bytes) {
                (reader: inout BinaryReader) throws(BinaryDecodingError) in try PolicyVersion(from: &reader)
            }
            #expect(decoded == PolicyVersion(rawValue: name))
        }
    }

    @Test func unknownAndMalformedLanguagesFailAsBefore() {
        func language(_ bytes: [UInt8]) throws(BinaryDecodingError) -> LanguageCode {
            try BinaryReader.withReader(bytes) { (reader: inout BinaryReader) throws(BinaryDecodingError) in
                _ = try reader.readUInt8()
                return try LanguageCode(from: &reader)
            }
        }
        #expect(throws: BinaryDecodingError(offset: 1, reason: .invalidValue(type: "LanguageCode"))) {
            try language([0, 2, UInt8(ascii: "x"), UInt8(ascii: "x")])
        }
        #expect(throws: BinaryDecodingError(offset: 1, reason: .invalidUTF8)) {
            try language([0, 2, 0xFF, 0xFF])
        }
        #expect(throws: BinaryDecodingError(offset: 2, reason: .truncated(needed: 2, available: 1))) {
            try language([0, 2, UInt8(ascii: "k")])
        }
        #expect((try? language([0, 2, UInt8(ascii: "r"), UInt8(ascii: "u")])) == .russian)
    }

    @Test func storedPhoneNumbersMustBeKazakhstanMobiles() {
        func phone(_ value: UInt64) -> PhoneNumber? {
            var writer = BinaryWriter()
            writer.writeVarint(value)
            return try? BinaryReader.withReader(writer.bytes) {
                (reader: inout BinaryReader) throws(BinaryDecodingError) in try PhoneNumber(from: &reader)
            }
        }
        #expect(phone(7_012_345_678)?.rawValue == "+77012345678")
        #expect(phone(7_771_234_567)?.rawValue == "+77771234567")
        for rejected: UInt64 in [7_172_123_456, 7_272_345_678, 6_999_999_999, 8_012_345_678, 77_012_345_678, 0] {
            #expect(phone(rejected) == nil, "\(rejected)")
        }
    }

    @Test func packedIdentifiersOrderAndPrintAsTheirDigits() throws {
        var generator = SeededGenerator(seed: 0x1D5)
        let iins = (0..<200).map { _ in DomainSamples.iin(using: &generator) }
        for (lhs, rhs) in zip(iins, iins.shuffled(using: &generator)) {
            #expect((lhs < rhs) == (lhs.rawValue < rhs.rawValue))
            #expect((lhs == rhs) == (lhs.rawValue == rhs.rawValue))
            #expect(try IIN(parsing: lhs.rawValue) == lhs)
        }
        let phones = (0..<200).map { _ in DomainSamples.phone(using: &generator) }
        for (lhs, rhs) in zip(phones, phones.shuffled(using: &generator)) {
            #expect((lhs < rhs) == (lhs.rawValue < rhs.rawValue))
            #expect(PhoneNumber(rawValue: lhs.rawValue) == lhs)
        }
    }

    @Test func asciiKindergartenIDsCountCharactersAsTheGeneralRules() {
        let longest = String(repeating: "k", count: KindergartenID.maximumLength)
        #expect((try? KindergartenID(validating: longest))?.rawValue == longest)
        #expect(throws: KindergartenIDError.tooLong(longest + "k", length: 65)) {
            try KindergartenID(validating: longest + "k")
        }
        #expect(throws: KindergartenIDError.surroundingWhitespace(" kg-1")) { try KindergartenID(validating: " kg-1") }
        #expect(throws: KindergartenIDError.surroundingWhitespace("kg-1 ")) { try KindergartenID(validating: "kg-1 ") }
        #expect((try? KindergartenID(validating: "kg 1"))?.rawValue == "kg 1")
        // 65 bytes but 64 characters ("\r\n" is one): the general rules count characters, then find the
        // control character.
        let crlf = String(repeating: "k", count: 63) + "\r\n"
        #expect(throws: KindergartenIDError.unprintable(crlf, scalar: "\r")) { try KindergartenID(validating: crlf) }
        #expect(throws: KindergartenIDError.unprintable("kg\u{7F}", scalar: "\u{7F}")) {
            try KindergartenID(validating: "kg\u{7F}")
        }
    }
}
