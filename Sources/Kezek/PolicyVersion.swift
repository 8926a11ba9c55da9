/// The name of a version of the queue rules, such as `2024`; every decision records the one it used.
public struct PolicyVersion: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The version name.
    public let rawValue: String

    /// Wraps a version name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Orders by name (names are years, so chronologically).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The version name.
    public var description: String { rawValue }
}
