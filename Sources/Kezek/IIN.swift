/// A Kazakhstan individual identification number (ЖСН / ИИН): 12 digits, validated.
///
/// Layout: `YYMMDD` birth date, one digit for century and sex (1/2 1800s, 3/4 1900s, 5/6 2000s; odd male,
/// even female), four serial digits, one check digit. The check digit catches typing errors only: names
/// and the authoritative birth date come from the person registry.
///
/// Stored as one number, so that copying, hashing, comparing and encoding an IIN make no string.
public struct IIN: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 12 digits as one decimal number, leading zeros implied (`061211600012` is 61 211 600 012).
    @usableFromInline let number: UInt64

    /// The 12 digits.
    public var rawValue: String {
        var rest = number
        return String(unsafeUninitializedCapacity: 12) { buffer in
            for index in stride(from: 11, through: 0, by: -1) {
                buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            return 12
        }
    }

    /// Parses and validates 12 ASCII digits.
    public init(parsing text: String) throws(IINError) {
        guard text.utf8.count == 12 else { throw .wrongLength(text, length: text.count) }
        var contiguous = text
        let digits = contiguous.withUTF8 { bytes -> UInt64? in
            var number: UInt64 = 0
            for byte in bytes {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                number = number &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
            }
            return number
        }
        guard let number = digits else { throw .nonDigit(text) }
        let centuryDigit = Self.digit(6, of: number)
        guard let century = Self.century(ofDigit: centuryDigit) else {
            throw .invalidCenturyDigit(text, digit: centuryDigit)
        }
        let year = century + Self.digits(0..<2, of: number)
        let month = Self.digits(2..<4, of: number)
        let day = Self.digits(4..<6, of: number)
        do {
            _ = try CivilDate(year: year, month: month, day: day)
        } catch {
            throw .invalidBirthDate(text, year: year, month: month, day: day)
        }
        guard let expected = Self.checkDigit(of: number) else { throw .neverIssued(text) }
        let found = Self.digit(11, of: number)
        guard expected == found else { throw .checkDigitMismatch(text, expected: expected, found: found) }
        self.number = number
    }

    /// Validates 12 ASCII digits read from a buffer (a checkpoint), without making a string; `nil` for
    /// anything `init(parsing:)` would refuse.
    public init?(asciiDigits bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 12 else { return nil }
        var number: UInt64 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            number = number &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
        }
        guard let century = Self.century(ofDigit: Self.digit(6, of: number)),
            (try? CivilDate(
                year: century + Self.digits(0..<2, of: number), month: Self.digits(2..<4, of: number),
                day: Self.digits(4..<6, of: number))) != nil,
            let expected = Self.checkDigit(of: number), expected == Self.digit(11, of: number)
        else { return nil }
        self.number = number
    }

    /// Validates `rawValue`, or returns `nil`.
    public init?(rawValue: String) {
        guard let iin = try? IIN(parsing: rawValue) else { return nil }
        self = iin
    }

    /// One more than the largest number of 12 digits.
    @usableFromInline static let numberLimit: UInt64 = 1_000_000_000_000

    /// An IIN from its 12 digits as one number, which the caller has validated.
    @usableFromInline init(validatedNumber number: UInt64) {
        self.number = number
    }

    /// An IIN from its 12 digits as one number, as the state's image keeps it; `nil` beyond 12 digits.
    /// The check digit is not checked again: the image keeps only IINs the engine accepted.
    @usableFromInline init?(imageNumber number: UInt64) {
        guard number < Self.numberLimit else { return nil }
        self.number = number
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
        return checkDigit(firstPass: first, secondPass: second)
    }

    /// The check digit for the first 11 of the 12 digits packed in `number`, or `nil` when never issued.
    static func checkDigit(of number: UInt64) -> Int? {
        // Digit i (0 is the leftmost) has the weights i + 1 and (i + 2) % 11 + 1. Two halves of 6 digits
        // let 32-bit arithmetic take the digits apart.
        var high = UInt32(truncatingIfNeeded: number / 1_000_000)
        var low = UInt32(truncatingIfNeeded: number % 1_000_000) / 10
        var first: UInt32 = 0
        var second: UInt32 = 0
        @inline(__always)
        func take(_ rest: inout UInt32, _ firstWeight: UInt32, _ secondWeight: UInt32) {
            let digit = rest % 10
            rest /= 10
            first &+= digit &* firstWeight
            second &+= digit &* secondWeight
        }
        take(&low, 11, 2)
        take(&low, 10, 1)
        take(&low, 9, 11)
        take(&low, 8, 10)
        take(&low, 7, 9)
        take(&high, 6, 8)
        take(&high, 5, 7)
        take(&high, 4, 6)
        take(&high, 3, 5)
        take(&high, 2, 4)
        take(&high, 1, 3)
        return checkDigit(firstPass: Int(first), secondPass: Int(second))
    }

    private static func checkDigit(firstPass first: Int, secondPass second: Int) -> Int? {
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

    /// Digit `index` (0 is the leftmost of 12) of `number`.
    static func digit(_ index: Int, of number: UInt64) -> Int {
        digits(index..<index + 1, of: number)
    }

    /// The digits `range` (0 is the leftmost of 12) of `number`, read as one decimal number.
    static func digits(_ range: Range<Int>, of number: UInt64) -> Int {
        var divisor: UInt64 = 1
        for _ in range.upperBound..<12 { divisor &*= 10 }
        var modulus: UInt64 = 1
        for _ in range { modulus &*= 10 }
        return Int(truncatingIfNeeded: number / divisor % modulus)
    }

    /// Whether `number` has at most 12 digits, with a century digit, a month and a day in range and the
    /// right check digit: the checks that catch a corrupt stored IIN cheaply.
    static func isPlausible(_ number: UInt64) -> Bool {
        guard number < 1_000_000_000_000 else { return false }
        let month = digits(2..<4, of: number)
        let day = digits(4..<6, of: number)
        guard (1...6).contains(digit(6, of: number)), (1...12).contains(month), (1...31).contains(day) else {
            return false
        }
        return checkDigit(of: number) == digit(11, of: number)
    }

    /// The birth date encoded in the number.
    public var birthDate: CivilDate {
        let year = Self.century(ofDigit: Self.digit(6, of: number))! + Self.digits(0..<2, of: number)
        return CivilDate(unchecked: year, Self.digits(2..<4, of: number), Self.digits(4..<6, of: number))
    }

    /// The sex encoded in the number.
    public var sex: Sex { Self.digit(6, of: number) % 2 == 1 ? .male : .female }

    /// Orders by the digits.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }

    /// Compares the stored number: the `RawRepresentable` default would build both strings.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.number == rhs.number }

    /// Hashes the stored number: the `RawRepresentable` default would build the string.
    public func hash(into hasher: inout Hasher) { hasher.combine(number) }

    /// The 12 digits.
    public var description: String { rawValue }
}
