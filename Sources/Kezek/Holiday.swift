/// A day off of the national calendar in one year.
public struct Holiday: Hashable, Sendable {
    /// How a day came to be a holiday.
    public enum Kind: Hashable, Sendable {
        /// A fixed date every year (New Year, Nauryz, ...).
        case fixed
        /// A religious holiday (fixed date or announced yearly), never moved off a weekend.
        case religious
        /// The day off that replaces a fixed holiday falling on a Saturday or Sunday.
        case transferred(from: CivilDate)
        /// A day off decreed for one year, added by the deployment (``WorkingCalendar/extraHolidays``).
        case decreed
    }

    /// The date.
    public let date: CivilDate
    /// The English name (for decreed days: "Decreed day off").
    public let name: String
    /// How it came to be a holiday.
    public let kind: Kind

    /// Describes a holiday.
    public init(date: CivilDate, name: String, kind: Kind) {
        self.date = date
        self.name = name
        self.kind = kind
    }
}
