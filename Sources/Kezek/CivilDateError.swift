/// Why a calendar date was rejected.
public enum CivilDateError: DomainValueError {
    /// The text is not of the form `YYYY-MM-DD`.
    case malformed(String)
    /// The fields name a day that does not exist, such as 2023-02-29.
    case nonexistentDate(year: Int, month: Int, day: Int)

    /// Always `invalidDate`.
    public var code: String { "invalidDate" }

    /// Names the bad value.
    public var message: String {
        switch self {
        case .malformed(let text):
            "\(ASCIIDigits.quoted(text)) is not a date of the form YYYY-MM-DD"
        case .nonexistentDate(let year, let month, let day):
            "\(year)-\(ASCIIDigits.padded(month, width: 2))-\(ASCIIDigits.padded(day, width: 2)) is not a real date"
        }
    }
}
