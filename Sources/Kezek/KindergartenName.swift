/// A kindergarten's name in the two languages the portal shows: Kazakh and Russian.
public struct KindergartenName: Hashable, Sendable {
    /// The name in Kazakh (`kk`).
    public var kazakh: String
    /// The name in Russian (`ru`).
    public var russian: String

    /// A name in both languages.
    public init(kazakh: String, russian: String) {
        self.kazakh = kazakh
        self.russian = russian
    }
}
