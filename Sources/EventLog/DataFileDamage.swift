/// A structural fault in an LMDB data file, found before LMDB is allowed to read the page: which page
/// (when one is to blame) and what is wrong with it.
public struct DataFileDamage: Error, Hashable, Sendable, CustomStringConvertible {
    /// The damaged page's number (its offset in the file divided by the page size), when known.
    public var page: UInt64?
    /// What is wrong, in plain words.
    public var reason: String

    /// Damage to `page`, or to the file as a whole.
    public init(page: UInt64?, reason: String) {
        self.page = page
        self.reason = reason
    }

    public var description: String {
        if let page { return "page \(page) of data.mdb is damaged: \(reason)" }
        return "data.mdb is damaged: \(reason)"
    }
}
