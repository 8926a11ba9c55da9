/// The identifier a deployment gives a kindergarten (preschool organisation), such as `almaty-kg-0117`.
///
/// Validated: 1 to ``maximumLength`` characters, printable (no control, format or unassigned characters),
/// no leading or trailing white space.
public struct KindergartenID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The identifier text.
    public let rawValue: String

    /// The longest identifier, in characters.
    public static let maximumLength = 64

    /// Validates `text` as an identifier.
    public init(validating text: String) throws(KindergartenIDError) {
        guard !text.isEmpty else { throw .empty }
        if Self.isPrintableASCII(text) {
            // Each printable ASCII byte is one character, and a space is its only white space.
            let length = text.utf8.count
            guard length <= Self.maximumLength else { throw .tooLong(text, length: length) }
            guard text.utf8.first != UInt8(ascii: " "), text.utf8.last != UInt8(ascii: " ") else {
                throw .surroundingWhitespace(text)
            }
            self.rawValue = text
            return
        }
        let length = text.count
        guard length <= Self.maximumLength else { throw .tooLong(text, length: length) }
        if let scalar = text.unicodeScalars.first(where: { !Self.isPrintable($0) }) {
            throw .unprintable(text, scalar: scalar)
        }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        {
            throw .surroundingWhitespace(text)
        }
        self.rawValue = text
    }

    /// Validates `rawValue`, or returns `nil`.
    public init?(rawValue: String) {
        guard let id = try? KindergartenID(validating: rawValue) else { return nil }
        self = id
    }

    /// Orders by the identifier's Unicode scalars (stable across platforms and locales).
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue.unicodeScalars.lexicographicallyPrecedes(rhs.rawValue.unicodeScalars)
    }

    /// The identifier text.
    public var description: String { rawValue }

    /// Whether every byte of `text` is printable ASCII (space to tilde): the common case, checked
    /// without looking up Unicode properties.
    private static func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            false
        default:
            true
        }
    }
}

/// Why a kindergarten identifier was rejected.
public enum KindergartenIDError: DomainValueError {
    /// The identifier is empty.
    case empty
    /// The identifier has more than ``KindergartenID/maximumLength`` characters.
    case tooLong(String, length: Int)
    /// The identifier contains a control, format or unassigned character.
    case unprintable(String, scalar: Unicode.Scalar)
    /// The identifier starts or ends with white space.
    case surroundingWhitespace(String)

    /// Always `invalidKindergartenID`.
    public var code: String { "invalidKindergartenID" }

    /// Names the bad value.
    public var message: String {
        switch self {
        case .empty:
            "a kindergarten id must not be empty"
        case .tooLong(let text, let length):
            "kindergarten id \(ASCIIDigits.quoted(text)) has \(length) characters, more than "
                + "\(KindergartenID.maximumLength)"
        case .unprintable(let text, let scalar):
            "kindergarten id \(ASCIIDigits.quoted(text.debugDescription)) contains the unprintable character "
                + "U+\(String(scalar.value, radix: 16, uppercase: true))"
        case .surroundingWhitespace(let text):
            "kindergarten id \(ASCIIDigits.quoted(text)) starts or ends with white space"
        }
    }
}
