import KezekDomainTestSupport
import Testing

@testable import Kezek

@Suite struct TimestampTests {
    @Test func parsesOffsetsAndZ() throws {
        let local = try Timestamp(parsing: "2026-06-18T08:33:20+05:00")
        let utc = try Timestamp(parsing: "2026-06-18T03:33:20Z")
        #expect(local == utc)
        #expect(local.millisecondsSinceEpoch == 1_781_753_600_000)
        #expect(try Timestamp(parsing: "2026-06-17T22:33:20-05:00") == utc)
        #expect(try Timestamp(parsing: "2026-06-18T03:33:20.5Z").millisecondsSinceEpoch == 1_781_753_600_500)
        #expect(try Timestamp(parsing: "2026-06-18T03:33:20.125Z").millisecondsSinceEpoch == 1_781_753_600_125)
        #expect(try Timestamp(parsing: "1969-12-31T23:59:59.999Z").millisecondsSinceEpoch == -1)
    }

    @Test func rejectsBadTimes() throws {
        let cases: [(String, TimestampError)] = [
            ("2026-06-18T08:33:20", .missingOffset("2026-06-18T08:33:20")),
            ("2026-06-18T08:33:20.", .badFraction("2026-06-18T08:33:20.")),
            ("2026-06-18T08:33:20.1234Z", .badFraction("2026-06-18T08:33:20.1234Z")),
            ("2026-02-29T08:33:20Z", .nonexistentDate("2026-02-29T08:33:20Z")),
            ("2026-06-18T24:00:00Z", .nonexistentTimeOfDay("2026-06-18T24:00:00Z")),
            ("2026-06-18T23:60:00Z", .nonexistentTimeOfDay("2026-06-18T23:60:00Z")),
            ("2026-06-18T23:59:60Z", .nonexistentTimeOfDay("2026-06-18T23:59:60Z")),
            ("2026-06-18 08:33:20Z", .malformed("2026-06-18 08:33:20Z")),
            ("2026-06-18T08:33:20+0500", .malformed("2026-06-18T08:33:20+0500")),
            ("2026-06-18T08:33:20+19:00", .badOffset("2026-06-18T08:33:20+19:00")),
            ("2026-06-18T08:33:20Zjunk", .malformed("2026-06-18T08:33:20Zjunk")),
            ("2026-06-18", .malformed("2026-06-18")),
            ("", .malformed("")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try Timestamp(parsing: text) }
        }
        let error = try #require(throws: TimestampError.self) { try Timestamp(parsing: "2026-06-18T24:00:00Z") }
        #expect(error.code == "invalidTime")
        #expect(error.message.contains("2026-06-18T24:00:00Z"))
    }

    @Test func formatsInAlmatyTime() throws {
        #expect(try Timestamp(parsing: "2026-06-18T03:33:20Z").description == "2026-06-18T08:33:20+05:00")
        #expect(try Timestamp(parsing: "2023-06-18T03:33:20Z").description == "2023-06-18T09:33:20+06:00")
        #expect(try Timestamp(parsing: "2026-06-18T03:33:20.07Z").description == "2026-06-18T08:33:20.070+05:00")
        #expect(try Timestamp(parsing: "2026-06-18T20:00:00Z").almatyDate.description == "2026-06-19")
        #expect(Timestamp(millisecondsSinceEpoch: -1).formatted(offsetSeconds: 0) == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(millisecondsSinceEpoch: 0).formatted(offsetSeconds: -12_600) == "1969-12-31T20:30:00-03:30")
    }

    @Test func almatyOffsetChangedOnFirstOfMarch2024() throws {
        let change = Timestamp.almatyOffsetChange
        #expect(change == (try Timestamp(parsing: "2024-02-29T18:00:00Z")))
        #expect(change.adding(milliseconds: -1).description == "2024-02-29T23:59:59.999+06:00")
        #expect(change.description == "2024-02-29T23:00:00+05:00")
        #expect(change.adding(seconds: -1).almatyOffsetSeconds == 21_600)
        #expect(change.almatyOffsetSeconds == 18_000)
        // Local midnight of 1 March 2024 came at +05:00 (the hour before it was lived twice).
        #expect(
            Timestamp.startOfAlmatyDay(try CivilDate(parsing: "2024-03-01")).description == "2024-03-01T00:00:00+05:00")
        #expect(
            try Timestamp(almatyDate: CivilDate(parsing: "2024-02-29"), hour: 23, minute: 30).description
                == "2024-02-29T23:30:00+06:00")
    }

    @Test func roundTripsRandomInstants() throws {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)
            let time = Timestamp(millisecondsSinceEpoch: milliseconds)
            #expect(try Timestamp(parsing: time.description) == time)
            #expect(try Timestamp(parsing: time.formatted(offsetSeconds: 0)) == time)
        }
    }

    @Test func arithmeticAndOrder() throws {
        let start = try Timestamp(parsing: "2026-06-18T08:33:20+05:00")
        #expect(start.adding(days: 2).description == "2026-06-20T08:33:20+05:00")
        #expect(start.adding(seconds: 88).description == "2026-06-18T08:34:48+05:00")
        #expect(start < start.adding(milliseconds: 1))
        #expect(start.milliseconds(to: start.adding(seconds: 1)) == 1000)
        #expect(throws: TimestampError.self) { try Timestamp(almatyDate: CivilDate(parsing: "2026-01-01"), hour: 24) }
    }
}
