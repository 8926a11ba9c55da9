/// A failure of a proof program itself (not a finding): a file it cannot write, a child it cannot start.
public struct ProofError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// A failure saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
