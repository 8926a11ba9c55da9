/// A number the engine assigns in sequence from 1: applications, bulletins, referrals.
///
/// Conforming types store only `rawValue`; ordering, the decimal description and integer literals come
/// from this protocol.
public protocol SequentialNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
where RawValue == UInt64, IntegerLiteralType == UInt64 {
    /// Wraps a number.
    init(rawValue: UInt64)
}

extension SequentialNumber {
    /// Wraps a number literal (convenient in tests and fixtures).
    public init(integerLiteral value: UInt64) { self.init(rawValue: value) }

    /// Orders by number.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal number.
    public var description: String { String(rawValue) }
}

/// The number the engine assigns to an application when it is submitted, such as `287529`.
///
/// Numbers are assigned in submission order, so they break ties between applications of the same time.
public struct ApplicationNumber: SequentialNumber {
    /// The number itself.
    public let rawValue: UInt64

    /// Wraps a number.
    public init(rawValue: UInt64) { self.rawValue = rawValue }
}

/// The number the engine assigns to a published vacancy bulletin.
public struct BulletinNumber: SequentialNumber {
    /// The number itself.
    public let rawValue: UInt64

    /// Wraps a number.
    public init(rawValue: UInt64) { self.rawValue = rawValue }
}

/// The number the engine assigns to a referral (жолдама), the right to a seat with deadlines.
public struct ReferralNumber: SequentialNumber {
    /// The number itself.
    public let rawValue: UInt64

    /// Wraps a number.
    public init(rawValue: UInt64) { self.rawValue = rawValue }
}
