import Testing

@testable import Kezek

@Suite struct WorkingCalendarTests {
    let calendar = WorkingCalendar.kazakhstan

    private func date(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

    @Test func nauryz2026FallsOnAWeekendAndMoves() {
        // 21 March 2026 is a Saturday, 22 a Sunday, 23 a Monday: days off 21 to 25 March.
        for day in 21...25 {
            #expect(!calendar.isWorkingDay(date("2026-03-\(day)")), "March \(day)")
        }
        #expect(calendar.isWorkingDay(date("2026-03-20")))
        #expect(calendar.isWorkingDay(date("2026-03-26")))
        let moved = calendar.holidays(in: 2026).filter { $0.date.month == 3 && $0.date.day >= 24 }
        #expect(moved.map(\.kind) == [.transferred(from: date("2026-03-21")), .transferred(from: date("2026-03-22"))])
    }

    @Test func holidaysOf2026() {
        let days = calendar.holidays(in: 2026).map(\.date.description)
        #expect(
            days == [
                "2026-01-01", "2026-01-02", "2026-01-07", "2026-03-08", "2026-03-09", "2026-03-21", "2026-03-22",
                "2026-03-23", "2026-03-24", "2026-03-25", "2026-05-01", "2026-05-07", "2026-05-09", "2026-05-11",
                "2026-05-27", "2026-07-06", "2026-08-30", "2026-08-31", "2026-10-25", "2026-10-26", "2026-12-16",
            ])
    }

    @Test func religiousHolidaysAreNotMoved() {
        // 7 January 2024 (Orthodox Christmas) was a Sunday; 8 January was a working day.
        #expect(date("2024-01-07").weekday == .sunday)
        #expect(calendar.isHoliday(date("2024-01-07")))
        #expect(calendar.isWorkingDay(date("2024-01-08")))
        // Kurban Ait 16 June 2024 was a Sunday; 17 June was a working day.
        #expect(calendar.isHoliday(date("2024-06-16")))
        #expect(calendar.isWorkingDay(date("2024-06-17")))
        // Kurban Ait 27 May 2026 is a Wednesday.
        #expect(!calendar.isWorkingDay(date("2026-05-27")))
    }

    @Test func newYearOnAWeekendMovesPastBothDays() {
        // 1 and 2 January 2022 were Saturday and Sunday: Monday 3 and Tuesday 4 off.
        #expect(!calendar.isWorkingDay(date("2022-01-03")))
        #expect(!calendar.isWorkingDay(date("2022-01-04")))
        #expect(calendar.isWorkingDay(date("2022-01-05")))
    }

    @Test func addingWorkingDays() {
        // Friday 20 March 2026 + 5 working days: 26, 27, 30, 31 March, 1 April (21-25 off, then a weekend).
        // March 2026 has 22 weekdays, 4 of them days off (9, 23, 24, 25).
        #expect(calendar.addingWorkingDays(1, to: date("2026-03-20")).description == "2026-03-26")
        #expect(calendar.addingWorkingDays(5, to: date("2026-03-20")).description == "2026-04-01")
        #expect(calendar.addingWorkingDays(0, to: date("2026-03-21")).description == "2026-03-21")
        #expect(calendar.addingWorkingDays(-1, to: date("2026-03-26")).description == "2026-03-20")
        #expect(calendar.addingWorkingDays(5, to: date("2026-06-18")).description == "2026-06-25")
        #expect(calendar.workingDays(from: date("2026-03-01"), through: date("2026-03-31")) == 18)
    }

    @Test func decreedDaysAreDataNotCode() {
        // A decree that makes Saturday 2026-01-03 a working day and Monday 2026-01-05 a day off.
        let decreed = calendar.adding(extraHolidays: [date("2026-01-05")], extraWorkingDays: [date("2026-01-03")])
        #expect(decreed.isWorkingDay(date("2026-01-03")))
        #expect(!decreed.isWorkingDay(date("2026-01-05")))
        #expect(!calendar.isWorkingDay(date("2026-01-03")))
        #expect(calendar.isWorkingDay(date("2026-01-05")))
        #expect(
            decreed.holidays(in: 2026).contains(
                Holiday(date: date("2026-01-05"), name: "Decreed day off", kind: .decreed)))
        // A holiday stays a holiday even if also listed as a working day.
        #expect(!calendar.adding(extraWorkingDays: [date("2026-03-21")]).isWorkingDay(date("2026-03-21")))
        #expect(decreed != calendar)
    }

    @Test func precomputedYearsAgreeWithDirectComputation() {
        for year in [1999, 2000, 2050, 2100, 2101] {
            var day = date("\(year)-01-01")
            let holidays = Set(calendar.holidays(in: year).map(\.date))
            while day.year == year {
                #expect(calendar.isHoliday(day) == holidays.contains(day), "\(day)")
                day = day.adding(days: 1)
            }
        }
    }
}
