extension Policy {
    /// The rules since 2024: strict tier order, up to 4 ranked kindergartens, the 2025 referral deadlines.
    public static let v2024 = Policy(
        version: PolicyVersion(rawValue: "2024"), effectiveFrom: CivilDate(unchecked: 2024, 1, 1))

    /// The 2019 rules, kept so that old decisions can be explained: no ranked kindergartens, and the
    /// first-priority : general interleaving of 1 : 3 that some cities used (recorded as data; the
    /// allocation does not apply it). Category differences of that year are not modelled.
    public static let v2019 = Policy(
        version: PolicyVersion(rawValue: "2019"), effectiveFrom: CivilDate(unchecked: 2019, 1, 1),
        maximumRankedKindergartens: 0, interleave: Interleave(firstPriority: 1, general: 3))

    /// The 2024 rules with sibling priority (``siblingPriority``), for a deployment that gives it. Not in
    /// the standard book: such a deployment decides with ``PolicyBook/withSiblingPriority``, or with a
    /// book of its own holding this policy from the day it takes effect.
    public static let v2024SiblingPriority = Policy(
        version: PolicyVersion(rawValue: "2024-siblings"), effectiveFrom: CivilDate(unchecked: 2024, 1, 1),
        siblingPriority: true)

    /// The policy new decisions use: ``v2024``.
    public static let current = v2024
}
