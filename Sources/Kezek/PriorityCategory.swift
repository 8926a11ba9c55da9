/// A social category that gives a child priority in the queue, when verified.
///
/// The raw values are the contract's camelCase names. Which tier a category gives is policy
/// (``Policy/tier(for:)``), not a property of the category.
public enum PriorityCategory: String, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Children of military personnel, including those who died or went missing in service.
    case military
    /// Children of employees of special state bodies, including those who died or went missing in service.
    case specialStateBody
    /// Children of a disabled legal representative.
    case disabledParent
    /// Orphans and children left without parental care.
    case orphan
    /// Children of large families.
    case largeFamily
    /// Children with special educational needs.
    case specialNeeds
    /// Children with disabilities.
    case disabledChild
    /// Children of teachers.
    case teacher

    /// Parses the contract's camelCase name.
    public init(parsing text: String) throws(PriorityCategoryError) {
        guard let category = PriorityCategory(rawValue: text) else { throw .unknown(text) }
        self = category
    }

    /// Orders as declared.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The camelCase name.
    public var description: String { rawValue }
}

/// Why a priority category was rejected.
public enum PriorityCategoryError: DomainValueError {
    /// Not one of the contract's category names.
    case unknown(String)

    /// Always `unknownCategory`.
    public var code: String { "unknownCategory" }

    /// Names the bad value.
    public var message: String {
        switch self {
        case .unknown(let text):
            "priority category \(ASCIIDigits.quoted(text)) is not one of "
                + PriorityCategory.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}
