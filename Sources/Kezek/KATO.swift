/// A code of the Classifier of Administrative-Territorial Objects (КАТО / ӘАОЖ): 9 digits.
///
/// Layout `AB CD EF HIJ`: region (the ISO 3166-2:KZ number), district or city, rural district or town,
/// settlement. Trailing zero groups mean "the unit itself", so `750000000` is Almaty city and `751710000`
/// its Medeu district. A code is only well-formed here; ``KATORegistry`` says whether it exists.
public struct KATOCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The code as a number, 10 000 000 ... 999 999 999 (the region part is never 00).
    public let rawValue: UInt32

    /// The numbers a code may have.
    public static let validRange: ClosedRange<UInt32> = 10_000_000...999_999_999

    /// Accepts a number in ``validRange``, or returns `nil`.
    public init?(rawValue: UInt32) {
        guard Self.validRange.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Parses exactly 9 ASCII digits whose first two are not `00`.
    public init(parsing text: String) throws(KATOError) {
        let bytes = text.utf8
        guard bytes.count == 9, let value = ASCIIDigits.value(bytes), let code = KATOCode(rawValue: UInt32(value))
        else {
            throw .malformed(text)
        }
        self = code
    }

    /// The region (or city of republican significance) the unit belongs to: the first two digits followed
    /// by `0000000`.
    public var region: KATOCode { KATOCode(uncheckedRawValue: rawValue / 10_000_000 * 10_000_000) }

    /// Whether the code names a first-level unit (region or city of republican significance).
    public var isRegion: Bool { rawValue % 10_000_000 == 0 }

    /// The code's digits without its trailing zeros: a unit's descendants all start with them.
    public var significantDigits: Substring {
        let text = description
        var end = text.endIndex
        while end > text.index(text.startIndex, offsetBy: 2), text[text.index(before: end)] == "0" {
            end = text.index(before: end)
        }
        return text[..<end]
    }

    init(uncheckedRawValue: UInt32) { self.rawValue = uncheckedRawValue }

    /// Orders by number, so a unit sorts before its descendants.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The 9-digit code.
    public var description: String { ASCIIDigits.padded(Int(rawValue), width: 9) }
}

/// Why a locality code was rejected.
public enum KATOError: DomainValueError {
    /// Not 9 digits (or region part `00`).
    case malformed(String)
    /// Well-formed, but not in the registry version in use.
    case unknown(KATOCode, registryVersion: String)

    /// `invalidLocality` for a malformed code, `unknownLocality` for a code the registry lacks.
    public var code: String {
        switch self {
        case .malformed: "invalidLocality"
        case .unknown: "unknownLocality"
        }
    }

    /// Names the bad value.
    public var message: String {
        switch self {
        case .malformed(let text):
            "locality \(ASCIIDigits.quoted(text)) is not a 9-digit KATO code"
        case .unknown(let code, let version):
            "locality \(code) is not in the KATO registry (version \(version))"
        }
    }
}
