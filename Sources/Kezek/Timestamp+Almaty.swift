extension Timestamp {
    /// When Kazakhstan moved to a single time zone: 2024-03-01T00:00 local (+06:00), 2024-02-29T18:00Z.
    ///
    /// Asia/Almaty clocks were set back one hour, from +06:00 to +05:00.
    public static let almatyOffsetChange = Timestamp(millisecondsSinceEpoch: 1_709_229_600_000)

    /// Asia/Almaty's offset from UTC at this instant, in seconds: +06:00 before ``almatyOffsetChange``,
    /// +05:00 from it on.
    ///
    /// Earlier changes (daylight saving time until 2005) are not modelled: the engine's data starts later.
    public var almatyOffsetSeconds: Int {
        self < Self.almatyOffsetChange ? 6 * 3600 : 5 * 3600
    }

    /// The calendar date in Asia/Almaty at this instant (the date on the wall in Almaty and Astana).
    public var almatyDate: CivilDate { localDate(offsetSeconds: almatyOffsetSeconds) }

    /// The instant an Asia/Almaty wall clock shows `date` at the given time.
    ///
    /// During the hour repeated on 2024-02-29 (23:00-24:00 existed at +06:00 and again at +05:00) the
    /// earlier instant is chosen.
    public init(
        almatyDate date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0
    ) throws(TimestampError) {
        let early = try Timestamp(
            date: date, hour: hour, minute: minute, second: second, millisecond: millisecond,
            offsetSeconds: 6 * 3600)
        if early < Self.almatyOffsetChange {
            self = early
        } else {
            self = early.adding(seconds: 3600)
        }
    }

    /// The first instant of `date` in Asia/Almaty (local midnight).
    public static func startOfAlmatyDay(_ date: CivilDate) -> Timestamp {
        try! Timestamp(almatyDate: date)
    }
}
