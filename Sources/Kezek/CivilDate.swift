/// A calendar date without a time or a time zone (proleptic Gregorian calendar), such as a birth date.
///
/// Always valid: the initialisers reject impossible dates. Years are limited to 1...9999 so every date has
/// a four-digit ISO 8601 form.
public struct CivilDate: Hashable, Comparable, Sendable {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...28/29/30/31.
    public let day: Int

    /// The years a date may have.
    public static let validYears: ClosedRange<Int> = 1...9999

    /// Creates a date, rejecting one that does not exist (2023-02-29, month 13, year 0).
    public init(year: Int, month: Int, day: Int) throws(CivilDateError) {
        guard Self.validYears.contains(year), (1...12).contains(month),
            (1...Self.numberOfDays(inMonth: month, year: year)).contains(day)
        else {
            throw .nonexistentDate(year: year, month: month, day: day)
        }
        self.init(unchecked: year, month, day)
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of `month` (1...12) in `year`.
    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Orders dates chronologically.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
