/// The queue an application stands in: locality (KATO code as given) × birth year × language × group type.
///
/// The queue number is the rank within one key. A bulletin publishes seats for one key. Eight bytes:
/// every application and bulletin holds one.
public struct QueueKey: Hashable, Sendable {
    /// The KATO code, exactly as the application or kindergarten gave it.
    public var locality: KATOCode
    private var year: Int16
    /// The language of instruction.
    public var language: LanguageCode
    /// The group type.
    public var groupType: GroupType

    /// The child's birth year (the cohort), kept in 16 bits: a year outside -32768...32767, which no IIN
    /// and no accepted command can give, is clamped.
    public var birthYear: Int {
        get { Int(year) }
        set { year = Int16(clamping: newValue) }
    }

    /// A key from its four parts.
    public init(locality: KATOCode, birthYear: Int, language: LanguageCode, groupType: GroupType) {
        self.locality = locality
        self.year = Int16(clamping: birthYear)
        self.language = language
        self.groupType = groupType
    }
}
