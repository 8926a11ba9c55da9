/// Kazakhstan's working days: Monday to Friday, except holidays, plus decreed working Saturdays.
///
/// Holidays are data. Fixed holidays (``FixedHoliday``) falling on a Saturday or Sunday move to the next
/// working day unless religious; dated holidays (Kurban Ait, announced yearly) never move. Each year the
/// government decrees extra days off and working Saturdays: a deployment adds them through
/// ``extraHolidays`` and ``extraWorkingDays`` without a code change. A holiday is never a working day,
/// even when listed in ``extraWorkingDays``.
public struct WorkingCalendar: Hashable, Sendable {
    /// A holiday on the same month and day every year.
    public struct FixedHoliday: Hashable, Sendable {
        /// The month, 1...12.
        public let month: Int
        /// The day of the month.
        public let day: Int
        /// The English name.
        public let name: String
        /// Whether it is a religious holiday, not moved off a weekend.
        public let isReligious: Bool

        /// Describes a fixed holiday.
        public init(month: Int, day: Int, name: String, isReligious: Bool = false) {
            self.month = month
            self.day = day
            self.name = name
            self.isReligious = isReligious
        }
    }

    /// The holidays on the same date every year.
    public let fixedHolidays: [FixedHoliday]
    /// Religious holidays whose date is announced each year (never moved), by date, with their names.
    public let datedHolidays: [CivilDate: String]
    /// Extra days off decreed for particular years.
    public let extraHolidays: Set<CivilDate>
    /// Saturdays or Sundays decreed working days (usually in exchange for a bridge day off).
    public let extraWorkingDays: Set<CivilDate>

    /// Holiday dates of the years in ``precomputedYears``, for constant-time lookups.
    private let precomputed: Set<CivilDate>
    private static let precomputedYears: ClosedRange<Int> = 2000...2100

    /// Builds a calendar from holiday data.
    public init(
        fixedHolidays: [FixedHoliday], datedHolidays: [CivilDate: String] = [:],
        extraHolidays: Set<CivilDate> = [], extraWorkingDays: Set<CivilDate> = []
    ) {
        self.fixedHolidays = fixedHolidays
        self.datedHolidays = datedHolidays
        self.extraHolidays = extraHolidays
        self.extraWorkingDays = extraWorkingDays
        var dates: Set<CivilDate> = []
        for year in Self.precomputedYears {
            dates.formUnion(
                Self.holidays(
                    in: year, fixed: fixedHolidays, dated: datedHolidays, extra: extraHolidays
                ).lazy.map(\.date))
        }
        self.precomputed = dates
    }

    /// Compares the holiday data.
    public static func == (lhs: WorkingCalendar, rhs: WorkingCalendar) -> Bool {
        lhs.fixedHolidays == rhs.fixedHolidays && lhs.datedHolidays == rhs.datedHolidays
            && lhs.extraHolidays == rhs.extraHolidays && lhs.extraWorkingDays == rhs.extraWorkingDays
    }

    /// Hashes the holiday data.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fixedHolidays)
        hasher.combine(datedHolidays)
        hasher.combine(extraHolidays)
        hasher.combine(extraWorkingDays)
    }

    /// The same calendar with more decreed days off and working days.
    public func adding(extraHolidays: Set<CivilDate> = [], extraWorkingDays: Set<CivilDate> = []) -> WorkingCalendar {
        WorkingCalendar(
            fixedHolidays: fixedHolidays, datedHolidays: datedHolidays,
            extraHolidays: self.extraHolidays.union(extraHolidays),
            extraWorkingDays: self.extraWorkingDays.union(extraWorkingDays))
    }

    /// Every holiday of `year`, by date: fixed, religious, transferred and decreed days off.
    public func holidays(in year: Int) -> [Holiday] {
        Self.holidays(in: year, fixed: fixedHolidays, dated: datedHolidays, extra: extraHolidays)
    }

    private static func holidays(
        in year: Int, fixed fixedHolidays: [FixedHoliday], dated datedHolidays: [CivilDate: String],
        extra extraHolidays: Set<CivilDate>
    ) -> [Holiday] {
        var result: [Holiday] = []
        var taken: Set<CivilDate> = []
        func add(_ holiday: Holiday) {
            if taken.insert(holiday.date).inserted { result.append(holiday) }
        }
        for fixed in fixedHolidays {
            guard let date = try? CivilDate(year: year, month: fixed.month, day: fixed.day) else { continue }
            add(Holiday(date: date, name: fixed.name, kind: fixed.isReligious ? .religious : .fixed))
        }
        for (date, name) in datedHolidays where date.year == year {
            add(Holiday(date: date, name: name, kind: .religious))
        }
        for date in extraHolidays where date.year == year {
            add(Holiday(date: date, name: "Decreed day off", kind: .decreed))
        }
        let movable = result.filter { $0.kind == .fixed && $0.date.weekday.isWeekend }.sorted { $0.date < $1.date }
        for holiday in movable {
            var target = holiday.date.adding(days: 1)
            while target.weekday.isWeekend || taken.contains(target) { target = target.adding(days: 1) }
            add(Holiday(date: target, name: holiday.name, kind: .transferred(from: holiday.date)))
        }
        return result.sorted { $0.date < $1.date }
    }

    /// Whether `date` is a holiday (including transferred and decreed days off).
    public func isHoliday(_ date: CivilDate) -> Bool {
        if Self.precomputedYears.contains(date.year) { return precomputed.contains(date) }
        return holidays(in: date.year).contains { $0.date == date }
    }

    /// Whether `date` is a working day: a weekday or decreed working weekend day, and not a holiday.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        guard !date.weekday.isWeekend || extraWorkingDays.contains(date) else { return false }
        return !isHoliday(date)
    }

    /// The `count`-th working day after `date` (before it when negative); `date` itself when zero.
    ///
    /// `date` does not count, working or not: 5 working days after Friday 2026-03-20 is Monday 2026-03-30
    /// (Nauryz and its transferred days fall in between).
    public func addingWorkingDays(_ count: Int, to date: CivilDate) -> CivilDate {
        let step = count < 0 ? -1 : 1
        var remaining = abs(count)
        var current = date
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The number of working days in `start...end` (zero when `end` is before `start`).
    public func workingDays(from start: CivilDate, through end: CivilDate) -> Int {
        guard start <= end else { return 0 }
        var count = 0
        var current = start
        while current <= end {
            if isWorkingDay(current) { count += 1 }
            current = current.adding(days: 1)
        }
        return count
    }
}
