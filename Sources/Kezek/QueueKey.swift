/// The queue an application stands in: locality (KATO code as given) × birth year × language × group type.
///
/// The queue number is the rank within one key. A bulletin publishes seats for one key.
public struct QueueKey: Hashable, Sendable {
    /// The KATO code, exactly as the application or kindergarten gave it.
    public var locality: KATOCode
    /// The child's birth year (the cohort).
    public var birthYear: Int
    /// The language of instruction.
    public var language: LanguageCode
    /// The group type.
    public var groupType: GroupType

    /// A key from its four parts.
    public init(locality: KATOCode, birthYear: Int, language: LanguageCode, groupType: GroupType) {
        self.locality = locality
        self.birthYear = birthYear
        self.language = language
        self.groupType = groupType
    }
}
