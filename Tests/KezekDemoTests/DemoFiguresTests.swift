import Kezek
import Testing

@testable import KezekDemo

@Suite("kezek demo: rounds, months and text")
struct DemoFiguresTests {
    static func time(_ text: String) -> Timestamp { try! Timestamp(parsing: text) }

    @Test("a tick result becomes a round: seats, referrals, free seats and cut-offs")
    func roundFromTick() throws {
        let fields: JSONObject = [
            "bulletinsClosed": [
                [
                    "bulletin": 1, "admitted": [["application": 4], ["application": 9]], "unfilledSeats": 0,
                    "cutOff": ["queueNumber": 7],
                ],
                ["bulletin": 2, "admitted": [], "unfilledSeats": 3, "cutOff": .null],
            ]
        ]
        let round = try #require(
            AllocationRound(tickResult: fields, at: Self.time("2024-08-01T20:00:00+05:00"), seconds: 0.5))
        #expect(round.bulletins == 2)
        #expect(round.admitted == 2)
        #expect(round.unfilled == 3)
        #expect(round.seats == 5)
        #expect(round.cutOffs == [7])
        #expect(
            AllocationRound(tickResult: ["bulletinsClosed": []], at: Self.time("2024-08-01T20:00:00+05:00"), seconds: 0)
                == nil)
    }

    @Test("rounds group by Almaty calendar month, with the median and highest cut-off")
    func months() {
        func round(_ time: String, cutOffs: [Int]) -> AllocationRound {
            AllocationRound(
                time: Self.time(time), bulletins: cutOffs.count, seats: cutOffs.count + 1, admitted: cutOffs.count,
                unfilled: 1, cutOffs: cutOffs, seconds: 0)
        }
        let months = MonthFigures.group([
            round("2024-07-31T20:00:00+05:00", cutOffs: [5]),
            // 00:30 in Almaty on 1 August is still 31 July in UTC: it counts for August.
            round("2024-08-01T00:30:00+05:00", cutOffs: [9, 2]),
            round("2024-08-20T20:00:00+05:00", cutOffs: [4]),
            round("2024-10-01T20:00:00+05:00", cutOffs: []),
        ])
        #expect(months.map(\.label) == ["2024-07", "2024-08", "2024-10"])
        #expect(months[1].rounds == 2)
        #expect(months[1].seats == 5)
        #expect(months[1].cutOffs == [2, 4, 9])
        #expect(months[1].medianCutOff == 4)
        #expect(months[1].highestCutOff == 9)
        #expect(months[2].medianCutOff == nil)
    }

    @Test("text is escaped and numbers grouped")
    func markup() {
        #expect(
            Markup.escape(#"<a href="x">Ана & 'бала'</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Ана &amp; &#39;бала&#39;&lt;/a&gt;")
        #expect(Markup.grouped(0) == "0")
        #expect(Markup.grouped(999) == "999")
        #expect(Markup.grouped(1_000) == "1\u{2009}000")
        #expect(Markup.grouped(1_234_567) == "1\u{2009}234\u{2009}567")
        #expect(Markup.decimal(2.25, places: 1) == "2.3")
        #expect(Markup.decimal(1234.5, places: 2) == "1\u{2009}234.50")
        #expect(Markup.percent(1, of: 3) == "33.3%")
        #expect(SVGChart.niceCeiling(0) == 1)
        #expect(SVGChart.niceCeiling(13) == 20)
        #expect(SVGChart.niceCeiling(50) == 50)
        #expect(SVGChart.niceCeiling(51) == 100)
    }

    @Test("decimals in the summary's JSON keep their places")
    func decimals() {
        #expect(JSONValue.decimal(0.1234, places: 3).description == "0.123")
        #expect(JSONValue.decimal(12, places: 3).description == "12.000")
        #expect(JSONValue.decimal(0.0006, places: 3).description == "0.001")
    }
}
