extension CivilDate {
    /// The number of days from 1970-01-01 to this date (negative before it).
    ///
    /// Howard Hinnant's `days_from_civil`, exact over the whole proleptic Gregorian calendar.
    public var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The first and last day numbers (``daysSinceEpoch``) a date may have: 0001-01-01 and 9999-12-31.
    public static let validDaysSinceEpoch: ClosedRange<Int> = -719_162...2_932_896

    /// Creates the date `daysSinceEpoch` days after 1970-01-01 (Hinnant's `civil_from_days`).
    ///
    /// - Precondition: `daysSinceEpoch` is in ``validDaysSinceEpoch``.
    public init(daysSinceEpoch: Int) {
        precondition(
            Self.validDaysSinceEpoch.contains(daysSinceEpoch),
            "day \(daysSinceEpoch) is outside years 1...9999")
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(unchecked: year, month, day)
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO number 4).
        let offset = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return Weekday(rawValue: offset + 1)!
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The date `months` months later (earlier when negative), the day clamped to the month's length.
    ///
    /// 2024-01-31 plus one month is 2024-02-29; 2023-01-31 plus one month is 2023-02-28.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        precondition(Self.validYears.contains(newYear), "year \(newYear) is outside 1...9999")
        let newDay = Swift.min(day, Self.numberOfDays(inMonth: newMonth, year: newYear))
        return CivilDate(unchecked: newYear, newMonth, newDay)
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }
}
