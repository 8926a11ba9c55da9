extension WorkingCalendar {
    /// Kazakhstan's public holidays (data/holidays-kz.csv) with no decreed extra days.
    ///
    /// Add each year's government decree with ``adding(extraHolidays:extraWorkingDays:)``.
    public static let kazakhstan = WorkingCalendar(
        fixedHolidays: [
            FixedHoliday(month: 1, day: 1, name: "New Year"),
            FixedHoliday(month: 1, day: 2, name: "New Year"),
            FixedHoliday(month: 1, day: 7, name: "Orthodox Christmas", isReligious: true),
            FixedHoliday(month: 3, day: 8, name: "International Women's Day"),
            FixedHoliday(month: 3, day: 21, name: "Nauryz"),
            FixedHoliday(month: 3, day: 22, name: "Nauryz"),
            FixedHoliday(month: 3, day: 23, name: "Nauryz"),
            FixedHoliday(month: 5, day: 1, name: "Unity Day of the People of Kazakhstan"),
            FixedHoliday(month: 5, day: 7, name: "Defender of the Fatherland Day"),
            FixedHoliday(month: 5, day: 9, name: "Victory Day"),
            FixedHoliday(month: 7, day: 6, name: "Capital Day"),
            FixedHoliday(month: 8, day: 30, name: "Constitution Day"),
            FixedHoliday(month: 10, day: 25, name: "Republic Day"),
            FixedHoliday(month: 12, day: 16, name: "Independence Day"),
        ],
        datedHolidays: [
            kurbanAit(2024, 6, 16),
            kurbanAit(2025, 6, 6),
            kurbanAit(2026, 5, 27),
        ].reduce(into: [:]) { $0[$1] = "Kurban Ait (first day)" })

    private static func kurbanAit(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(unchecked: year, month, day)
    }
}
