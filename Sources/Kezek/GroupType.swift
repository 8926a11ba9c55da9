/// The type of a kindergarten group (топ түрі).
public enum GroupType: String, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// An ordinary group.
    case general
    /// A special (correctional) group for children with special educational needs.
    case special
    /// A sanatorium group for children who need health care.
    case sanatorium

    /// Parses the contract's name: `general`, `special` or `sanatorium`.
    public init(parsing text: String) throws(GroupTypeError) {
        guard let value = GroupType(rawValue: text) else { throw .unknown(text) }
        self = value
    }

    /// Orders as declared.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .general: 0
        case .special: 1
        case .sanatorium: 2
        }
    }

    /// The contract's name.
    public var description: String { rawValue }
}

/// Why a group type was rejected.
public enum GroupTypeError: DomainValueError {
    /// Not one of `general`, `special`, `sanatorium`.
    case unknown(String)

    /// Always `unknownGroupType`.
    public var code: String { "unknownGroupType" }

    /// Names the bad value.
    public var message: String {
        switch self {
        case .unknown(let text):
            "group type \(ASCIIDigits.quoted(text)) is not one of general, special, sanatorium"
        }
    }
}
