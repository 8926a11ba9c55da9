/// A day of the week, numbered as in ISO 8601 (Monday 1 ... Sunday 7).
public enum Weekday: Int, CaseIterable, Hashable, Comparable, Sendable {
    /// Monday.
    case monday = 1
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
    /// Sunday.
    case sunday

    /// Whether the day is Saturday or Sunday, the weekly rest days in Kazakhstan.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Orders Monday first.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
