import Testing

@testable import Kezek

@Suite struct CivilDateTests {
    @Test func rejectsNonexistentDates() {
        #expect(throws: CivilDateError.nonexistentDate(year: 2023, month: 2, day: 29)) {
            try CivilDate(year: 2023, month: 2, day: 29)
        }
        #expect(throws: CivilDateError.self) { try CivilDate(year: 2024, month: 13, day: 1) }
        #expect(throws: CivilDateError.self) { try CivilDate(year: 2024, month: 4, day: 31) }
        #expect(throws: CivilDateError.self) { try CivilDate(year: 0, month: 1, day: 1) }
        #expect(throws: CivilDateError.self) { try CivilDate(year: 1900, month: 2, day: 29) }
        #expect(throws: Never.self) { try CivilDate(year: 2000, month: 2, day: 29) }
    }

    @Test func parsesAndFormatsISO() throws {
        let date = try CivilDate(parsing: "2026-06-18")
        #expect(date.year == 2026 && date.month == 6 && date.day == 18)
        #expect(date.description == "2026-06-18")
        #expect(try CivilDate(parsing: "0001-01-01").description == "0001-01-01")
        for bad in ["2026-6-18", "2026/06/18", "20260618", "2026-06-18T00:00", "+026-06-18", "", "2026-02-30"] {
            #expect(throws: CivilDateError.self, "\(bad)") { try CivilDate(parsing: bad) }
        }
        let error = try #require(throws: CivilDateError.self) { try CivilDate(parsing: "2026-02-30") }
        #expect(error.code == "invalidDate")
        #expect(error.message.contains("2026-02-30"))
    }

    @Test func epochDaysKnownValues() throws {
        #expect(try CivilDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(try CivilDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(try CivilDate(year: 1969, month: 12, day: 31).daysSinceEpoch == -1)
        #expect(try CivilDate(year: 2024, month: 3, day: 1).daysSinceEpoch == 19_783)
        #expect(CivilDate(daysSinceEpoch: CivilDate.validDaysSinceEpoch.lowerBound).description == "0001-01-01")
        #expect(CivilDate(daysSinceEpoch: CivilDate.validDaysSinceEpoch.upperBound).description == "9999-12-31")
    }

    @Test func epochDaysRoundTripAndSuccession() {
        var previous = CivilDate(daysSinceEpoch: -800)
        for day in -799...60_000 {
            let date = CivilDate(daysSinceEpoch: day)
            #expect(date.daysSinceEpoch == day)
            #expect(previous < date)
            if date.day == 1 {
                #expect(previous.day == CivilDate.numberOfDays(inMonth: previous.month, year: previous.year))
            } else {
                #expect(date.day == previous.day + 1 && date.month == previous.month)
            }
            previous = date
        }
    }

    @Test func weekdays() throws {
        #expect(try CivilDate(year: 1970, month: 1, day: 1).weekday == .thursday)
        #expect(try CivilDate(year: 2026, month: 3, day: 21).weekday == .saturday)
        #expect(try CivilDate(year: 2026, month: 11, day: 28).weekday == .saturday)
        #expect(try CivilDate(year: 1969, month: 12, day: 29).weekday == .monday)
        #expect(Weekday.sunday.isWeekend && !Weekday.friday.isWeekend)
    }

    @Test func addingDaysAndMonths() throws {
        let date = try CivilDate(year: 2024, month: 1, day: 31)
        #expect(date.adding(months: 1).description == "2024-02-29")
        #expect(try CivilDate(year: 2023, month: 1, day: 31).adding(months: 1).description == "2023-02-28")
        #expect(date.adding(months: -2).description == "2023-11-30")
        #expect(date.adding(months: 12).description == "2025-01-31")
        #expect(date.adding(days: 30).description == "2024-03-01")
        #expect(date.adding(days: -31).description == "2023-12-31")
        #expect(date.days(to: try CivilDate(year: 2024, month: 3, day: 1)) == 30)
    }
}
