/// Every policy version with the date it took effect; picks the one in force at a time.
public struct PolicyBook: Hashable, Sendable {
    /// The policies, oldest first.
    public let policies: [Policy]

    /// Collects policies; at least one is required.
    ///
    /// - Precondition: `policies` is not empty and no two share an effective date.
    public init(_ policies: [Policy]) {
        precondition(!policies.isEmpty, "a policy book needs at least one policy")
        let sorted = policies.sorted { $0.effectiveFrom < $1.effectiveFrom }
        precondition(
            zip(sorted, sorted.dropFirst()).allSatisfy { $0.effectiveFrom < $1.effectiveFrom },
            "two policies take effect on the same day")
        self.policies = sorted
    }

    /// The known versions: 2019 and 2024.
    public static let standard = PolicyBook([.v2019, .v2024])

    /// The known versions with sibling priority from 2024: 2019 and 2024-siblings.
    public static let withSiblingPriority = PolicyBook([.v2019, .v2024SiblingPriority])

    /// The policy in force on `date`: the latest that took effect on or before it. The oldest policy
    /// also governs any earlier date.
    public func policy(on date: CivilDate) -> Policy {
        policies.last { $0.effectiveFrom <= date } ?? policies[0]
    }

    /// The policy in force at `time` (its Asia/Almaty date).
    public func policy(at time: Timestamp) -> Policy { policy(on: time.almatyDate) }

    /// The policy named `version`, or `nil`.
    public func policy(version: PolicyVersion) -> Policy? {
        policies.first { $0.version == version }
    }
}
