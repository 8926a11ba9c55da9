/// The five stages an application card shows, in order: Queue → Apply to a bulletin → Get a referral →
/// Electronic registration → Confirm admission.
public enum ApplicationStage: UInt8, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// In the queue (Кезек).
    case queue = 1
    /// Applied to a bulletin.
    case bulletin = 2
    /// Holds a referral (жолдама).
    case referral = 3
    /// Documents handed in: electronic registration.
    case registration = 4
    /// Admission confirmed: the child is enrolled.
    case admission = 5

    /// Orders as the stages follow each other.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The stage's camelCase name.
    public var description: String {
        switch self {
        case .queue: "queue"
        case .bulletin: "bulletin"
        case .referral: "referral"
        case .registration: "registration"
        case .admission: "admission"
        }
    }
}
