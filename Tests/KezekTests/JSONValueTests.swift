import KezekDomainTestSupport
import Testing

@testable import Kezek

@Suite struct JSONValueTests {
    private func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONValue.parse(text)
    }

    private func parseError(_ bytes: [UInt8]) -> JSONParseError? {
        do {
            _ = try JSONValue.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func parseError(_ text: String) -> JSONParseError? {
        parseError(Array(text.utf8))
    }

    @Test func parsesScalars() throws {
        #expect(try parse("null") == .null)
        #expect(try parse(" true ") == .bool(true))
        #expect(try parse("false") == .bool(false))
        #expect(try parse("0") == .integer(0))
        #expect(try parse("-42") == .integer(-42))
        #expect(try parse("9223372036854775807") == .integer(.max))
        #expect(try parse("-9223372036854775808") == .integer(.min))
        #expect(try parse("\"kezek\"") == .string("kezek"))
    }

    @Test func keepsNumbersOutsideInt64AsText() throws {
        #expect(try parse("9223372036854775808") == .number(JSONNumber(validatedText: "9223372036854775808")))
        #expect(try parse("-9223372036854775809") == .number(JSONNumber(validatedText: "-9223372036854775809")))
        #expect(try parse("1.50") == .number(JSONNumber(validatedText: "1.50")))
        #expect(try parse("2E-3") == .number(JSONNumber(validatedText: "2E-3")))
        #expect(try parse("123456789012345678901234567890").description == "123456789012345678901234567890")
    }

    @Test func keepsKeyOrder() throws {
        let value = try parse(#"{"z": 1, "a": [true, null], "m": {"k": "v"}}"#)
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["a"] == .array([.bool(true), .null]))
        #expect(value.description == #"{"z":1,"a":[true,null],"m":{"k":"v"}}"#)
    }

    @Test func decodesEscapes() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u0041\u00e9\u0416""#) == .string("AéЖ"))
        #expect(try parse(#""\ud83d\ude00 ok""#) == .string("😀 ok"))
        #expect(try parse("\"Қазақстан 😀\"") == .string("Қазақстан 😀"))
    }

    @Test func serializesEscapes() {
        let value = JSONValue.string("q\"b\\s/\n\t\u{1}é😀")
        #expect(value.description == #""q\"b\\s/\n\t\u0001é😀""#)
    }

    @Test(arguments: [
        ("", 0, JSONParseError.Reason.unexpectedEnd),
        ("[1,]", 3, .unexpectedByte(UInt8(ascii: "]"))),
        ("{\"a\" 1}", 5, .unexpectedByte(UInt8(ascii: "1"))),
        ("01", 1, .invalidNumber),
        ("1.", 2, .invalidNumber),
        ("-", 1, .invalidNumber),
        ("1e+", 3, .invalidNumber),
        ("1 2", 2, .trailingData),
        ("{} x", 3, .trailingData),
        ("tru", 3, .unexpectedEnd),
        ("nul1", 3, .unexpectedByte(UInt8(ascii: "1"))),
        ("\"a\nb\"", 2, .controlCharacter(0x0A)),
        (#""\x""#, 1, .invalidEscape(UInt8(ascii: "x"))),
        (#""\u12g4""#, 5, .invalidUnicodeEscape),
        (#""\ud800""#, 1, .loneSurrogate),
        (#""\udc00""#, 1, .loneSurrogate),
        (#"{"a":1,"a":2}"#, 7, .duplicateKey("a")),
        ("\"abc", 4, .unexpectedEnd),
    ])
    func rejectsMalformedInput(text: String, offset: Int, reason: JSONParseError.Reason) {
        #expect(parseError(text) == JSONParseError(offset: offset, reason: reason))
    }

    @Test func rejectsInvalidUTF8() {
        #expect(parseError([0x22, 0x61, 0xC3, 0x22]) == JSONParseError(offset: 2, reason: .invalidUTF8))
        // An overlong encoding, an encoded surrogate, a scalar above U+10FFFF, a byte-order mark.
        #expect(parseError([0x22, 0xC0, 0x80, 0x22]) == JSONParseError(offset: 1, reason: .invalidUTF8))
        #expect(parseError([0x22, 0xED, 0xA0, 0x80, 0x22]) == JSONParseError(offset: 1, reason: .invalidUTF8))
        #expect(parseError([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]) == JSONParseError(offset: 1, reason: .invalidUTF8))
        #expect(parseError([0xEF, 0xBB, 0xBF, 0x31]) == JSONParseError(offset: 0, reason: .unexpectedByte(0xEF)))
    }

    @Test func limitsDepth() throws {
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try parse(deepest).description == deepest)
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(parseError(tooDeep) == JSONParseError(offset: 64, reason: .tooDeep))
        let objects = String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(parseError(objects)?.reason == .tooDeep)
    }

    @Test func errorMessageNamesTheOffset() {
        #expect(parseError("[1,]")?.message == "unexpected character ']' at byte 3")
    }

    @Test func rejectsDuplicateKeysInLargeObjects() {
        let members = (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(parseError("{\(members),\"k3\":0}")?.reason == .duplicateKey("k3"))
    }

    @Test func objectSubscriptReplacesAppendsAndRemoves() {
        var object: JSONObject = ["a": .integer(1), "b": .integer(2)]
        object["a"] = .integer(3)
        object["c"] = .null
        object["b"] = nil
        #expect(object.members == [JSONMember("a", .integer(3)), JSONMember("c", .null)])
    }

    @Test func randomValuesRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x4A53_4F4E)
        for _ in 0..<2_000 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let text = value.serialized
            let parsed = try JSONValue.parse(text)
            #expect(parsed == value)
            #expect(parsed.serialized == text)
        }
    }

    static func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let choice = Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2:
            return .integer(
                Int64.random(in: .min ... .max, using: &generator) >> Int64.random(in: 0..<63, using: &generator))
        case 3:
            let text = "\(Int.random(in: -999...999, using: &generator)).\(Int.random(in: 0...99, using: &generator))e7"
            return .number(JSONNumber(validatedText: text))
        case 4: return .string(randomString(using: &generator))
        case 5:
            return .array(
                (0..<Int.random(in: 0..<5, using: &generator)).map { _ in
                    randomValue(depth: depth + 1, using: &generator)
                })
        default:
            var object = JSONObject()
            for index in 0..<Int.random(in: 0..<5, using: &generator) {
                object["\(randomString(using: &generator))\(index)"] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(object)
        }
    }

    static func randomString(using generator: inout SeededGenerator) -> String {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\u{0}", "\u{1F}", "é", "Қ", "😀", "\u{7F}",
        ]
        let count = Int.random(in: 0..<8, using: &generator)
        var string = ""
        for _ in 0..<count {
            string.unicodeScalars.append(alphabet.randomElement(using: &generator)!)
        }
        return string
    }
}
