/// An applicant's tier in the queue: out-of-turn before first-priority before general.
public enum Tier: Int, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Out-of-turn (кезектен тыс): children of military personnel and of special state bodies.
    case outOfTurn = 0
    /// First priority (бірінші кезектегі): disabled parents, orphans, large families, special needs, ...
    case firstPriority = 1
    /// Everyone else.
    case general = 2

    /// A lower raw value is served first.
    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The camelCase name used in JSON: `outOfTurn`, `firstPriority`, `general`.
    public var name: String {
        switch self {
        case .outOfTurn: "outOfTurn"
        case .firstPriority: "firstPriority"
        case .general: "general"
        }
    }

    /// Parses ``name``.
    public init?(name: String) {
        guard let tier = Tier.allCases.first(where: { $0.name == name }) else { return nil }
        self = tier
    }

    /// The camelCase name.
    public var description: String { name }
}
