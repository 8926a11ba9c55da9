/// Why a JSON text was rejected, and where: `offset` is the 0-based byte offset of the offending byte.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Hashable {
        /// The input ended inside a value (or was empty).
        case unexpectedEnd
        /// A byte that cannot start or continue a value here.
        case unexpectedByte(UInt8)
        /// A byte sequence inside a string that is not valid UTF-8.
        case invalidUTF8
        /// An unescaped control character (U+0000 to U+001F) inside a string.
        case controlCharacter(UInt8)
        /// A backslash followed by something other than `"\/bfnrtu`.
        case invalidEscape(UInt8)
        /// `\u` not followed by four hexadecimal digits.
        case invalidUnicodeEscape
        /// A `\u` escape of a UTF-16 surrogate without its partner.
        case loneSurrogate
        /// A malformed number (e.g. `01`, `1.`, `-`, `1e`).
        case invalidNumber
        /// Arrays and objects nested deeper than `JSONValue.maximumDepth`.
        case tooDeep
        /// Something other than whitespace after the value.
        case trailingData
        /// The same key twice in one object.
        case duplicateKey(String)
    }

    /// The 0-based byte offset in the input where the problem was found.
    public let offset: Int
    /// What was wrong.
    public let reason: Reason

    /// An error at `offset` for `reason`.
    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }

    /// A plain-English explanation naming the offset, e.g. `unexpected byte '}' at byte 12`.
    public var message: String {
        let what: String
        switch reason {
        case .unexpectedEnd: what = "unexpected end of input"
        case .unexpectedByte(let byte): what = "unexpected \(Self.describe(byte))"
        case .invalidUTF8: what = "invalid UTF-8"
        case .controlCharacter(let byte): what = "unescaped control character \(Self.hex(byte)) in a string"
        case .invalidEscape(let byte): what = "invalid escape \\\(Self.printable(byte)) in a string"
        case .invalidUnicodeEscape: what = "\\u must be followed by four hexadecimal digits"
        case .loneSurrogate: what = "unpaired UTF-16 surrogate in a \\u escape"
        case .invalidNumber: what = "malformed number"
        case .tooDeep: what = "nested deeper than \(JSONValue.maximumDepth) levels"
        case .trailingData: what = "unexpected data after the JSON value"
        case .duplicateKey(let key): what = "duplicate key \"\(key)\""
        }
        return "\(what) at byte \(offset)"
    }

    /// Same as `message`.
    public var description: String { message }

    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "character '\(Self.printable(byte))'"
        }
        return "byte \(hex(byte))"
    }

    private static func printable(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(UnicodeScalar(byte)) : hex(byte)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }
}
