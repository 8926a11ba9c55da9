/// A Kazakhstan mobile phone number, normalised to E.164: `+77XXXXXXXXX`.
///
/// Accepted inputs: `+7 7XX XXX XX XX`, `87XXXXXXXXX`, `77XXXXXXXXX` and the 10-digit national number
/// `7XXXXXXXXX`, with spaces, dashes, dots and parentheses anywhere. The national number must start with 7
/// (Kazakhstan's mobile and landline range under +7; other +7 numbers are Russian). Geographic landline
/// codes, `71X` and `72X` (Astana 7172, Almaty 727, ...), are rejected: the SMS code needs a mobile phone.
public struct PhoneNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 10-digit national number `7XXXXXXXXX` as one number: copying, hashing and encoding a phone
    /// number make no string.
    let number: UInt64

    /// The E.164 form, `+77XXXXXXXXX`.
    public var rawValue: String {
        var rest = number
        return String(unsafeUninitializedCapacity: 12) { buffer in
            buffer[0] = UInt8(ascii: "+")
            buffer[1] = UInt8(ascii: "7")
            for index in stride(from: 11, through: 2, by: -1) {
                buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            return 12
        }
    }

    /// Parses any accepted form and normalises it.
    public init(parsing text: String) throws(PhoneNumberError) {
        // The digits as one number (meaningful up to 11 digits) and the first three of them.
        var count = 0
        var value: UInt64 = 0
        var leading: (UInt8, UInt8, UInt8) = (0, 0, 0)
        var sawPlus = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                let digit = UInt8(scalar.value)
                switch count {
                case 0: leading.0 = digit
                case 1: leading.1 = digit
                case 2: leading.2 = digit
                default: break
                }
                count += 1
                value = value &* 10 &+ UInt64(digit &- UInt8(ascii: "0"))
            case " ", "-", ".", "(", ")":
                continue
            case "+" where count == 0 && !sawPlus:
                sawPlus = true
            default:
                throw .invalidCharacter(text, Character(scalar))
            }
        }
        guard count > 0 else { throw .noDigits(text) }
        // The national number's first two digits.
        let nationalLeading: (UInt8, UInt8)
        if sawPlus {
            guard leading.0 == UInt8(ascii: "7") else { throw .foreignCountry(text) }
            guard count == 11 else { throw .wrongLength(text, digits: count) }
            nationalLeading = (leading.1, leading.2)
        } else if count == 11 {
            guard leading.0 == UInt8(ascii: "8") || leading.0 == UInt8(ascii: "7") else {
                throw .foreignCountry(text)
            }
            nationalLeading = (leading.1, leading.2)
        } else if count == 10 {
            nationalLeading = (leading.0, leading.1)
        } else {
            throw .wrongLength(text, digits: count)
        }
        guard nationalLeading.0 == UInt8(ascii: "7") else { throw .notKazakhstanMobile(text) }
        guard nationalLeading.1 != UInt8(ascii: "1") && nationalLeading.1 != UInt8(ascii: "2") else {
            throw .landline(text)
        }
        self.number = value % 10_000_000_000
    }

    /// Accepts only the normalised form `+77XXXXXXXXX`; use ``init(parsing:)`` for user input.
    public init?(rawValue: String) {
        guard rawValue.utf8.count == 12, rawValue.hasPrefix("+7"),
            let phone = try? PhoneNumber(parsing: rawValue), phone.rawValue == rawValue
        else { return nil }
        self = phone
    }

    /// A phone number from its national number, or `nil` unless it is a Kazakhstan mobile number
    /// `7XXXXXXXXX` (not `71X` or `72X`).
    init?(nationalNumber number: UInt64) {
        guard (7_000_000_000...7_999_999_999).contains(number) else { return nil }
        let operatorDigit = number / 100_000_000 % 10
        guard operatorDigit != 1 && operatorDigit != 2 else { return nil }
        self.number = number
    }

    /// The 10-digit national number, `7XXXXXXXXX`.
    public var nationalNumber: Substring { rawValue.dropFirst(2) }

    /// Every digit string a person might use for this number: `77XXXXXXXXX`, `87XXXXXXXXX`, `7XXXXXXXXX`.
    public var digitForms: [String] {
        let national = String(nationalNumber)
        return ["7" + national, "8" + national, national]
    }

    /// Orders by the E.164 text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }

    /// Compares the stored number: the `RawRepresentable` default would build both strings.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.number == rhs.number }

    /// Hashes the stored number: the `RawRepresentable` default would build the string.
    public func hash(into hasher: inout Hasher) { hasher.combine(number) }

    /// The E.164 form.
    public var description: String { rawValue }
}

/// Why a phone number was rejected; each case carries the text as given.
public enum PhoneNumberError: DomainValueError {
    /// A character other than digits, spaces, dashes, dots, parentheses and one leading `+`.
    case invalidCharacter(String, Character)
    /// No digits at all.
    case noDigits(String)
    /// Not 10 or 11 digits (11 with a `+7` prefix).
    case wrongLength(String, digits: Int)
    /// A country code other than +7 (or the domestic 8 prefix).
    case foreignCountry(String)
    /// After the country code the number does not start with 7 (not a Kazakhstan number).
    case notKazakhstanMobile(String)
    /// A geographic landline number (`+7 71X`, `+7 72X`); a mobile phone is needed for the SMS code.
    case landline(String)

    /// Always `invalidPhone`.
    public var code: String { "invalidPhone" }

    /// Names the bad value and what is wrong with it.
    public var message: String {
        switch self {
        case .invalidCharacter(let text, let character):
            "phone number \(ASCIIDigits.quoted(text)) contains \(String(character).debugDescription); "
                + "only digits, spaces, dashes, dots, parentheses and a leading + are allowed"
        case .noDigits(let text):
            "phone number \(ASCIIDigits.quoted(text)) contains no digits"
        case .wrongLength(let text, let digits):
            "phone number \(ASCIIDigits.quoted(text)) has \(digits) digits; expected +7 and 10 digits, "
                + "8 and 10 digits, or 10 digits"
        case .foreignCountry(let text):
            "phone number \(ASCIIDigits.quoted(text)) is not a Kazakhstan number (+7)"
        case .notKazakhstanMobile(let text):
            "phone number \(ASCIIDigits.quoted(text)) is not a Kazakhstan mobile number +7 7XX XXX XX XX"
        case .landline(let text):
            "phone number \(ASCIIDigits.quoted(text)) is a landline; a mobile number is needed for the SMS code"
        }
    }
}
