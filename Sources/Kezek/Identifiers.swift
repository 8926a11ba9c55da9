/// The number the engine assigns to an application when it is submitted, such as `287529`.
///
/// Numbers are assigned in submission order, so they break ties between applications of the same time.
public struct ApplicationNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The number itself.
    public let rawValue: UInt64

    /// Wraps a number.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Wraps a number literal (convenient in tests and fixtures).
    public init(integerLiteral value: UInt64) { self.rawValue = value }

    /// Orders by number.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal number.
    public var description: String { String(rawValue) }
}

/// The number the engine assigns to a published vacancy bulletin.
public struct BulletinNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The number itself.
    public let rawValue: UInt64

    /// Wraps a number.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Wraps a number literal (convenient in tests and fixtures).
    public init(integerLiteral value: UInt64) { self.rawValue = value }

    /// Orders by number.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal number.
    public var description: String { String(rawValue) }
}

/// The number the engine assigns to a referral (жолдама), the right to a seat with deadlines.
public struct ReferralNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The number itself.
    public let rawValue: UInt64

    /// Wraps a number.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Wraps a number literal (convenient in tests and fixtures).
    public init(integerLiteral value: UInt64) { self.rawValue = value }

    /// Orders by number.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal number.
    public var description: String { String(rawValue) }
}
