/// A record's place in the log: 1 for the first record, gapless and in commit order.
/// ``Position/zero`` stands for "before the first record".
public struct Position: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64

    /// Wraps a raw position.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Wraps a raw position.
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// The position before the first record.
    public static let zero = Position(0)

    /// The position right after this one.
    public var next: Position { Position(rawValue + 1) }

    public static func < (lhs: Position, rhs: Position) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}

/// The number of records in one stream so far; the first record of a stream has version 1, and a
/// stream without records is at version 0.
public struct StreamVersion: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64

    /// Wraps a raw version.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Wraps a raw version.
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// The version of a stream that has no records.
    public static let none = StreamVersion(0)

    public static func < (lhs: StreamVersion, rhs: StreamVersion) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}

/// The name of a stream (for example one aggregate: `application-287529`).
///
/// 1 to 200 bytes of UTF-8 without control characters, so that the stream index can separate a
/// name from the version that follows it with a zero byte.
public struct StreamID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The longest name, in UTF-8 bytes.
    public static let maximumLength = 200

    /// Wraps a name that is valid, or returns `nil`.
    public init?(rawValue: String) {
        guard Self.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Wraps a name, or throws ``EventLogError/invalidStream(_:)`` naming what is wrong.
    public init(validating name: String) throws(EventLogError) {
        guard Self.isValid(name) else { throw .invalidStream(name) }
        rawValue = name
    }

    static func isValid(_ name: String) -> Bool {
        let bytes = name.utf8
        return !bytes.isEmpty && bytes.count <= maximumLength && !bytes.contains { $0 < 0x20 || $0 == 0x7F }
    }

    public var description: String { rawValue }
}

/// The kind of a record, chosen by the log's user (the domain maps its event types to these codes).
public struct RecordType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16

    /// Wraps a raw type code.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Wraps a raw type code.
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public var description: String { String(rawValue) }
}

/// A caller's key that makes an append happen at most once: appending again with the same key
/// writes nothing and answers the positions of the first append. 1 to 255 bytes.
public struct IdempotencyKey: Hashable, Sendable, CustomStringConvertible {
    /// The key's bytes.
    public let bytes: [UInt8]

    /// The longest key, in bytes.
    public static let maximumLength = 255

    /// Wraps the UTF-8 bytes of `key`, or throws ``EventLogError/invalidIdempotencyKey(length:)``.
    public init(_ key: String) throws(EventLogError) {
        try self.init(bytes: Array(key.utf8))
    }

    /// Wraps raw bytes, or throws ``EventLogError/invalidIdempotencyKey(length:)``.
    public init(bytes: [UInt8]) throws(EventLogError) {
        guard (1...Self.maximumLength).contains(bytes.count) else {
            throw .invalidIdempotencyKey(length: bytes.count)
        }
        self.bytes = bytes
    }

    public var description: String { String(decoding: bytes, as: UTF8.self) }
}
