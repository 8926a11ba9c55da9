public import Kezek

/// A ``QueueKey`` packed into one 64-bit number, so that per-application rows and dictionaries keep
/// 8 bytes instead of a string: locality (30 bits), birth year (16 bits), language (6 bits: its index
/// in `LanguageCode.known`), group type (2 bits). Sorting packed keys sorts by locality, then birth
/// year, then language, then group type.
public struct PackedQueueKey: RawRepresentable, Hashable, Comparable, Sendable {
    /// The packed bits.
    public let rawValue: UInt64

    /// Wraps packed bits; `nil` when they name no key (an unknown language or group type).
    public init?(rawValue: UInt64) {
        self.rawValue = rawValue
        guard Self.languageIndex(rawValue) < LanguageCode.known.count, Self.groupIndex(rawValue) < 3,
            KATOCode(rawValue: UInt32(truncatingIfNeeded: rawValue >> 24)) != nil
        else { return nil }
    }

    /// Wraps bits known to be valid.
    init(unchecked rawValue: UInt64) { self.rawValue = rawValue }

    /// Packs a key. Birth years outside -32768...32767 cannot come from an IIN and are clamped.
    public init(_ key: QueueKey) {
        let year = UInt16(bitPattern: Int16(clamping: key.birthYear))
        let language = UInt64(key.language.indexInKnown)
        let group: UInt64 =
            switch key.groupType {
            case .general: 0
            case .special: 1
            case .sanatorium: 2
            }
        rawValue = UInt64(key.locality.rawValue) << 24 | UInt64(year) << 8 | language << 2 | group
    }

    /// The key.
    public var key: QueueKey {
        QueueKey(
            locality: locality, birthYear: birthYear,
            language: LanguageCode(rawValue: LanguageCode.known[Self.languageIndex(rawValue)].code)!,
            groupType: [GroupType.general, .special, .sanatorium][Self.groupIndex(rawValue)])
    }

    /// The locality.
    public var locality: KATOCode { KATOCode(rawValue: UInt32(truncatingIfNeeded: rawValue >> 24))! }

    /// The birth year.
    public var birthYear: Int { Int(Int16(bitPattern: UInt16(truncatingIfNeeded: rawValue >> 8))) }

    /// The region: the first two digits of the locality (11 ... 99).
    public var region: Int { Int(locality.rawValue / 10_000_000) }

    /// Orders by the packed bits.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func languageIndex(_ bits: UInt64) -> Int { Int(bits >> 2 & 0x3F) }
    private static func groupIndex(_ bits: UInt64) -> Int { Int(bits & 0x3) }
}
