/// Why an IIN was rejected; each case carries the text as given.
public enum IINError: DomainValueError {
    /// Not 12 characters.
    case wrongLength(String, length: Int)
    /// A character that is not an ASCII digit.
    case nonDigit(String)
    /// Digit 7 is 0, 7, 8 or 9 (no century and sex).
    case invalidCenturyDigit(String, digit: Int)
    /// The first six digits with the century give no real date.
    case invalidBirthDate(String, year: Int, month: Int, day: Int)
    /// Both check-digit passes give 10: such a number is never issued.
    case neverIssued(String)
    /// The last digit is not the check digit of the first eleven.
    case checkDigitMismatch(String, expected: Int, found: Int)

    /// Always `invalidIIN`.
    public var code: String { "invalidIIN" }

    /// Names the bad value and what is wrong with it.
    public var message: String {
        switch self {
        case .wrongLength(let text, let length):
            "IIN \(ASCIIDigits.quoted(text)) has \(length) characters; an IIN has exactly 12 digits"
        case .nonDigit(let text):
            "IIN \(ASCIIDigits.quoted(text)) contains a character that is not a digit 0-9"
        case .invalidCenturyDigit(let text, let digit):
            "IIN \(ASCIIDigits.quoted(text)) has century digit \(digit) in position 7; it must be 1 to 6"
        case .invalidBirthDate(let text, let year, let month, let day):
            "IIN \(ASCIIDigits.quoted(text)) encodes the birth date \(year)-\(ASCIIDigits.padded(month, width: 2))-"
                + "\(ASCIIDigits.padded(day, width: 2)), which does not exist"
        case .neverIssued(let text):
            "IIN \(ASCIIDigits.quoted(text)) cannot exist: both check-digit passes give 10, so it is never issued"
        case .checkDigitMismatch(let text, let expected, let found):
            "IIN \(ASCIIDigits.quoted(text)) has check digit \(found) but its first 11 digits require \(expected); "
                + "probably a typing error"
        }
    }
}
