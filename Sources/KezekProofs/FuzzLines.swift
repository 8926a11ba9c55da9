import Foundation
import Kezek
import KezekTestSupport

/// Lines of bad input for `kezek apply`, with some valid commands among them: random bytes, truncated
/// JSON, wrong types, huge numbers, long strings (up to 1 MB), invalid UTF-8, unknown fields and types,
/// deep nesting, and valid commands mutated. No line holds a newline, so each is one input line.
public struct FuzzLines {
    /// The kinds of line, for the summary.
    public enum Kind: String, CaseIterable, Sendable {
        case valid, mutated, randomBytes, truncated, wrongType, hugeNumber, longString, invalidUTF8
        case unknownField, unknownType, deepNesting, blank
    }

    private var random: SeededGenerator
    private var commands: ValidCommands

    /// Lines drawn from `seed`.
    public init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        commands = ValidCommands(seed: seed ^ 0x6675_7A7A)
    }

    /// The next line and its kind; `onlyBad` leaves out valid commands and every mutation that may keep one
    /// valid, so that every line of the batch must be rejected.
    public mutating func next(onlyBad: Bool = false) -> (bytes: [UInt8], kind: Kind) {
        let roll = Int.random(in: 0..<1000, using: &random)
        if !onlyBad {
            if roll < 60 { return (Array(commands.next().text.utf8), .valid) }
            if roll < 200 { return (mutated(), .mutated) }
            if roll < 230 { return (withUnknownField(valid: true), .unknownField) }
        }
        switch roll % 11 {
        case 0: return (randomBytes(), .randomBytes)
        case 1: return (truncated(), .truncated)
        case 2: return (wrongType(), .wrongType)
        case 3: return (hugeNumber(), .hugeNumber)
        case 4: return (longString(), .longString)
        case 5: return (invalidUTF8(), .invalidUTF8)
        case 6: return (withUnknownField(valid: false), .unknownField)
        case 7: return (unknownType(), .unknownType)
        case 8: return (deepNesting(), .deepNesting)
        case 9: return (blank(), .blank)
        default: return (truncated(), .truncated)
        }
    }

    private mutating func validObject() -> JSONObject {
        let line = commands.next().text
        guard case .object(let object) = try! JSONValue.parse(line) else { preconditionFailure("not an object") }
        return object
    }

    private mutating func pick<T>(_ elements: [T]) -> T { elements.randomElement(using: &random)! }

    /// A field other than `at` and `type`, if the object has one.
    private mutating func someField(of object: JSONObject) -> String? {
        let keys = object.keys.filter { $0 != "at" && $0 != "type" }
        return keys.isEmpty ? nil : pick(keys)
    }

    private mutating func randomBytes() -> [UInt8] {
        (0..<Int.random(in: 0...300, using: &random)).map { _ in
            let byte = UInt8.random(in: 0...255, using: &random)
            return byte == UInt8(ascii: "\n") ? 0 : byte
        }
    }

    private mutating func truncated() -> [UInt8] {
        let line = Array(commands.next().text.utf8)
        return Array(line.prefix(Int.random(in: 0..<line.count, using: &random)))
    }

    private static let wrongValues: [JSONValue] = [
        .null, .bool(true), .bool(false), .integer(0), .integer(-1), .string(""), .string("x"), .array([]),
        .array([.integer(1), .string("a")]), .object([:]), .object(["kk": .integer(1)]),
    ]

    private mutating func wrongType() -> [UInt8] {
        var object = validObject()
        let key = Bool.random(using: &random) ? (someField(of: object) ?? "at") : pick(["at", "type"])
        var value = pick(Self.wrongValues)
        if object[key] == value { value = .array([value]) }
        object[key] = value
        return JSONValue.object(object).serialized
    }

    private static let hugeNumbers = [
        "1e400", "-1e400", "99999999999999999999999999999999", "18446744073709551616", "9223372036854775808",
        "-9223372036854775809", "1.5", "-0", "0.000000000000000000000000001", "123456789012345678901234567890e99",
        "1E+2", "4294967297", "2147483648", "-2147483649", "1e-400",
    ]

    private mutating func hugeNumber() -> [UInt8] {
        var object = validObject()
        let key = someField(of: object) ?? pick(["at", "type"])
        let marker = "\"@@huge@@\""
        object[key] = .string("@@huge@@")
        let text = String(decoding: JSONValue.object(object).serialized, as: UTF8.self)
        return Array(text.replacingFirst(marker, with: pick(Self.hugeNumbers)).utf8)
    }

    private mutating func longString() -> [UInt8] {
        var object = validObject()
        let key = someField(of: object) ?? "type"
        let length =
            Int.random(in: 0..<500, using: &random) == 0 ? 1 << 20 : Int.random(in: 100...5_000, using: &random)
        object[key] = .string(String(repeating: pick(["7", "a", "ж", "\\"]), count: length))
        return JSONValue.object(object).serialized
    }

    private static let badSequences: [[UInt8]] = [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xC3], [0xFE, 0xFF], [0xE0, 0x80, 0xAF],
    ]

    private mutating func invalidUTF8() -> [UInt8] {
        var line = Array(commands.next().text.utf8)
        // Inside a string value: after an opening quote.
        let quotes = line.indices.filter { line[$0] == UInt8(ascii: "\"") }
        let at = quotes.isEmpty ? 0 : pick(quotes) + 1
        line.insert(contentsOf: pick(Self.badSequences), at: min(at, line.count))
        return line
    }

    private mutating func withUnknownField(valid: Bool) -> [UInt8] {
        var object = valid ? validObject() : ["type": .string("tick")]
        object[pick(["extra", "Type", "at ", "x-debug", "κλειδί", "__proto__"])] = pick(Self.wrongValues)
        return JSONValue.object(object).serialized
    }

    private mutating func unknownType() -> [UInt8] {
        var object = validObject()
        object["type"] = .string(pick(["frobnicate", "Tick", "tick ", "", "registerkindergarten", "submit"]))
        return JSONValue.object(object).serialized
    }

    private mutating func deepNesting() -> [UInt8] {
        let depth = Int.random(in: 0..<50, using: &random) == 0 ? 100_000 : pick([2, 63, 64, 65, 200, 1_000, 10_000])
        let (open, close) = Bool.random(using: &random) ? ("[", "]") : ("{\"a\":", "}")
        let complete = Bool.random(using: &random)
        return Array(
            (String(repeating: open, count: depth) + "1" + (complete ? String(repeating: close, count: depth) : ""))
                .utf8)
    }

    private mutating func blank() -> [UInt8] {
        Array(pick(["", " ", "\t", "\r", "{}", "[]", "null", "\"tick\"", "\u{FEFF}{}", "{\"type\":null}"]).utf8)
    }

    /// A valid command changed once: a field dropped, a byte replaced (not in `at`), a key renamed.
    private mutating func mutated() -> [UInt8] {
        var object = validObject()
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            if let key = someField(of: object) { object[key] = nil }
            return JSONValue.object(object).serialized
        case 1:
            if let key = someField(of: object) { object[key] = pick(Self.wrongValues) }
            return JSONValue.object(object).serialized
        case 2:
            if let key = someField(of: object), let value = object[key] {
                object[key] = nil
                object[key.uppercased()] = value
            }
            return JSONValue.object(object).serialized
        default:
            var line = JSONValue.object(object).serialized
            let protected = Self.range(ofAtValueIn: line)
            let candidates = line.count - protected.count
            if candidates > 0 {
                var index = Int.random(in: 0..<candidates, using: &random)
                if index >= protected.lowerBound { index += protected.count }
                var byte = UInt8.random(in: 0...255, using: &random)
                if byte == UInt8(ascii: "\n") { byte = UInt8(ascii: "x") }
                line[index] = byte
            }
            return line
        }
    }

    /// The bytes of the `at` member (key and value), left alone by byte mutations so that no accepted line
    /// moves the clock.
    static func range(ofAtValueIn line: [UInt8]) -> Range<Int> {
        let key = Array("\"at\":\"".utf8)
        guard line.count > key.count else { return 0..<0 }
        for start in 0...(line.count - key.count) where line[start..<start + key.count].elementsEqual(key) {
            var end = start + key.count
            while end < line.count && line[end] != UInt8(ascii: "\"") { end += 1 }
            return start..<min(end + 1, line.count)
        }
        return 0..<0
    }
}

extension String {
    /// The string with the first `target` replaced by `replacement`.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
