/// A Kazakhstan mobile phone number, normalised to E.164: `+77XXXXXXXXX`.
///
/// Accepted inputs: `+7 7XX XXX XX XX`, `87XXXXXXXXX`, `77XXXXXXXXX` and the 10-digit national number
/// `7XXXXXXXXX`, with spaces, dashes, dots and parentheses anywhere. The national number must start with 7
/// (Kazakhstan's mobile and landline range under +7; other +7 numbers are Russian). Geographic landline
/// codes, `71X` and `72X` (Astana 7172, Almaty 727, ...), are rejected: the SMS code needs a mobile phone.
public struct PhoneNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The E.164 form, `+77XXXXXXXXX`.
    public let rawValue: String

    /// Parses any accepted form and normalises it.
    public init(parsing text: String) throws(PhoneNumberError) {
        var digits: [UInt8] = []
        var sawPlus = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                digits.append(UInt8(scalar.value))
            case " ", "-", ".", "(", ")":
                continue
            case "+" where digits.isEmpty && !sawPlus:
                sawPlus = true
            default:
                throw .invalidCharacter(text, Character(scalar))
            }
        }
        guard !digits.isEmpty else { throw .noDigits(text) }
        let national: ArraySlice<UInt8>
        if sawPlus {
            guard digits.first == UInt8(ascii: "7") else { throw .foreignCountry(text) }
            guard digits.count == 11 else { throw .wrongLength(text, digits: digits.count) }
            national = digits.dropFirst()
        } else if digits.count == 11 {
            guard digits.first == UInt8(ascii: "8") || digits.first == UInt8(ascii: "7") else {
                throw .foreignCountry(text)
            }
            national = digits.dropFirst()
        } else if digits.count == 10 {
            national = digits[...]
        } else {
            throw .wrongLength(text, digits: digits.count)
        }
        guard national.first == UInt8(ascii: "7") else { throw .notKazakhstanMobile(text) }
        let operatorDigit = national[national.startIndex + 1]
        guard operatorDigit != UInt8(ascii: "1") && operatorDigit != UInt8(ascii: "2") else {
            throw .landline(text)
        }
        self.rawValue = "+7" + String(decoding: national, as: UTF8.self)
    }

    /// Accepts only the normalised form `+77XXXXXXXXX`; use ``init(parsing:)`` for user input.
    public init?(rawValue: String) {
        guard rawValue.utf8.count == 12, rawValue.hasPrefix("+7"),
            let phone = try? PhoneNumber(parsing: rawValue), phone.rawValue == rawValue
        else { return nil }
        self = phone
    }

    /// The 10-digit national number, `7XXXXXXXXX`.
    public var nationalNumber: Substring { rawValue.dropFirst(2) }

    /// Every digit string a person might use for this number: `77XXXXXXXXX`, `87XXXXXXXXX`, `7XXXXXXXXX`.
    public var digitForms: [String] {
        let national = String(nationalNumber)
        return ["7" + national, "8" + national, national]
    }

    /// Orders by the E.164 text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

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
