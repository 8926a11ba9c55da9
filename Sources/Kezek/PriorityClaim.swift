/// A priority claim made with an application: the category and the supporting documents.
///
/// The claim counts in the queue from submission; an operator verifies it later.
public struct PriorityClaim: Hashable, Sendable {
    /// The category claimed.
    public var category: PriorityCategory
    /// The supporting documents (at least one), each valid one month from issue.
    public var documents: [SupportingDocument]

    /// A claim with its documents.
    public init(category: PriorityCategory, documents: [SupportingDocument]) {
        self.category = category
        self.documents = documents
    }
}

/// A supporting certificate attached to a priority claim.
public struct SupportingDocument: Hashable, Sendable {
    /// What the document is, as the applicant named it (e.g. `large family certificate`).
    public var name: String
    /// The day it was issued.
    public var issuedOn: CivilDate

    /// A document issued on a day.
    public init(name: String, issuedOn: CivilDate) {
        self.name = name
        self.issuedOn = issuedOn
    }
}
