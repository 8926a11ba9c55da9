/// An instant, as milliseconds since 1970-01-01T00:00:00Z (leap seconds not counted, as in Unix time).
///
/// The engine's server time: every command and event carries one. Text is ISO 8601 with an explicit
/// offset; ``description`` shows the instant in Asia/Almaty local time.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSinceEpoch: Int64

    /// Milliseconds in one second.
    public static let millisecondsPerSecond: Int64 = 1000
    /// Milliseconds in one day of 86 400 seconds.
    public static let millisecondsPerDay: Int64 = 86_400_000

    /// Wraps a count of milliseconds since the epoch.
    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// The instant of a local date and time at a fixed offset from UTC.
    public init(
        date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0,
        offsetSeconds: Int
    ) throws(TimestampError) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
            (0...999).contains(millisecond)
        else {
            throw .nonexistentTime(hour: hour, minute: minute, second: second)
        }
        let seconds =
            Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            - Int64(offsetSeconds)
        self.init(millisecondsSinceEpoch: seconds * Self.millisecondsPerSecond + Int64(millisecond))
    }

    /// Orders chronologically.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// The instant `milliseconds` later (earlier when negative).
    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
    }

    /// The instant `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> Timestamp {
        adding(milliseconds: seconds * Self.millisecondsPerSecond)
    }

    /// The instant `days` periods of 24 hours later (earlier when negative).
    ///
    /// Asia/Almaty has no daylight saving time, so this is also the same local time `days` days later,
    /// except across the one-hour change of 2024-03-01.
    public func adding(days: Int) -> Timestamp {
        adding(milliseconds: Int64(days) * Self.millisecondsPerDay)
    }

    /// The number of whole milliseconds from `self` to `other` (positive when `other` is later).
    public func milliseconds(to other: Timestamp) -> Int64 {
        other.millisecondsSinceEpoch - millisecondsSinceEpoch
    }

    /// The UTC calendar date of the instant.
    public var utcDate: CivilDate { localDate(offsetSeconds: 0) }

    /// The calendar date of the instant seen at a fixed offset from UTC.
    public func localDate(offsetSeconds: Int) -> CivilDate {
        let localMilliseconds = millisecondsSinceEpoch + Int64(offsetSeconds) * Self.millisecondsPerSecond
        let (days, remainder) = localMilliseconds.quotientAndRemainder(dividingBy: Self.millisecondsPerDay)
        return CivilDate(daysSinceEpoch: Int(remainder < 0 ? days - 1 : days))
    }
}
