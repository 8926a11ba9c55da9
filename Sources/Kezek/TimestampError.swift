/// Why a time was rejected; each text case carries the text as given.
public enum TimestampError: DomainValueError {
    /// Not of the form `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
    case malformed(String)
    /// The offset is missing: a local time alone does not name an instant.
    case missingOffset(String)
    /// The fractional seconds have no digit or more than three.
    case badFraction(String)
    /// The offset is out of range (beyond ±18:00 or minutes over 59).
    case badOffset(String)
    /// The date part does not exist, such as 2023-02-29.
    case nonexistentDate(String)
    /// The time of day does not exist, such as 24:00:00 or 12:00:60.
    case nonexistentTimeOfDay(String)
    /// A time built from fields does not exist.
    case nonexistentTime(hour: Int, minute: Int, second: Int)

    /// Always `invalidTime`.
    public var code: String { "invalidTime" }

    /// Names the bad value and what is wrong with it.
    public var message: String {
        switch self {
        case .malformed(let text):
            "time \(ASCIIDigits.quoted(text)) is not ISO 8601 of the form 2026-06-18T08:33:20+05:00"
        case .missingOffset(let text):
            "time \(ASCIIDigits.quoted(text)) has no offset; add Z or +05:00 so it names one instant"
        case .badFraction(let text):
            "time \(ASCIIDigits.quoted(text)) has fractional seconds with no digit or more than 3 digits"
        case .badOffset(let text):
            "time \(ASCIIDigits.quoted(text)) has an offset out of range"
        case .nonexistentDate(let text):
            "time \(ASCIIDigits.quoted(text)) names a date that does not exist"
        case .nonexistentTimeOfDay(let text):
            "time \(ASCIIDigits.quoted(text)) names a time of day that does not exist (hours 00-23, "
                + "minutes and seconds 00-59)"
        case .nonexistentTime(let hour, let minute, let second):
            "\(hour):\(minute):\(second) is not a time of day (hours 0-23, minutes and seconds 0-59)"
        }
    }
}
