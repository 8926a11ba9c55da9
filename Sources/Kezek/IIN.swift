/// A Kazakhstan individual identification number (ЖСН / ИИН): 12 digits, validated.
///
/// Layout: `YYMMDD` birth date, one digit for century and sex (1/2 1800s, 3/4 1900s, 5/6 2000s; odd male,
/// even female), four serial digits, one check digit. The check digit catches typing errors only: names
/// and the authoritative birth date come from the person registry.
public struct IIN: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 12 digits.
    public let rawValue: String

    /// Parses and validates 12 ASCII digits.
    public init(parsing text: String) throws(IINError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 12 else { throw .wrongLength(text, length: text.count) }
        var digits: [Int] = []
        digits.reserveCapacity(12)
        for byte in bytes {
            guard let digit = ASCIIDigits.digit(byte) else { throw .nonDigit(text) }
            digits.append(digit)
        }
        guard let century = Self.century(ofDigit: digits[6]) else {
            throw .invalidCenturyDigit(text, digit: digits[6])
        }
        let year = century + digits[0] * 10 + digits[1]
        let month = digits[2] * 10 + digits[3]
        let day = digits[4] * 10 + digits[5]
        do {
            _ = try CivilDate(year: year, month: month, day: day)
        } catch {
            throw .invalidBirthDate(text, year: year, month: month, day: day)
        }
        guard let expected = Self.checkDigit(forFirstEleven: digits[0..<11]) else { throw .neverIssued(text) }
        guard expected == digits[11] else { throw .checkDigitMismatch(text, expected: expected, found: digits[11]) }
        self.rawValue = text
    }

    /// Validates `rawValue`, or returns `nil`.
    public init?(rawValue: String) {
        guard let iin = try? IIN(parsing: rawValue) else { return nil }
        self = iin
    }

    /// The check digit for the first 11 digits, or `nil` when both weightings give 10 (never issued).
    ///
    /// First pass: weights 1...11; if that gives 10, second pass: weights 3, 4, ..., 11, 1, 2.
    public static func checkDigit(forFirstEleven digits: some Collection<Int>) -> Int? {
        precondition(digits.count == 11, "an IIN check digit needs exactly 11 digits")
        var first = 0
        var second = 0
        for (index, digit) in digits.enumerated() {
            first += digit * (index + 1)
            second += digit * ((index + 2) % 11 + 1)
        }
        if first % 11 != 10 { return first % 11 }
        if second % 11 != 10 { return second % 11 }
        return nil
    }

    /// The first year of the century digit 7 names, or `nil` for 0, 7, 8, 9.
    static func century(ofDigit digit: Int) -> Int? {
        switch digit {
        case 1, 2: 1800
        case 3, 4: 1900
        case 5, 6: 2000
        default: nil
        }
    }

    private func digit(_ index: Int) -> Int {
        let utf8 = rawValue.utf8
        return Int(utf8[utf8.index(utf8.startIndex, offsetBy: index)] - UInt8(ascii: "0"))
    }

    /// The birth date encoded in the number.
    public var birthDate: CivilDate {
        let year = Self.century(ofDigit: digit(6))! + digit(0) * 10 + digit(1)
        return CivilDate(unchecked: year, digit(2) * 10 + digit(3), digit(4) * 10 + digit(5))
    }

    /// The sex encoded in the number.
    public var sex: Sex { digit(6) % 2 == 1 ? .male : .female }

    /// Orders by the digits.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The 12 digits.
    public var description: String { rawValue }
}
