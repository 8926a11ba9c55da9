/// How an allocation round matched applicants to seats.
public enum AllocationAlgorithm: String, CaseIterable, Hashable, Sendable {
    /// Down the queue, each applicant takes its most preferred bulletin with a seat left: the contract's
    /// rule, used whenever every bulletin ranks applicants in queue order.
    case serialDictatorship
    /// Applicant-proposing deferred acceptance: used when sibling priority gives bulletins orders of
    /// their own; the same result as serial dictatorship when they share the queue order.
    case deferredAcceptance
}

extension AllocationAlgorithm: EventEnum {
    static let binaryOrder: [AllocationAlgorithm] = [.serialDictatorship, .deferredAcceptance]
}
