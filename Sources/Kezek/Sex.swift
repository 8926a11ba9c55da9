/// A person's sex as recorded in the IIN (odd century digit male, even female).
///
/// The raw values are the contract's `gender` field values.
public enum Sex: String, CaseIterable, Hashable, Sendable {
    /// Male.
    case male
    /// Female.
    case female
}
