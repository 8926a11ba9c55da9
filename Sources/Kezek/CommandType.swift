/// The name of a command, as in the `type` field of an `apply` line.
public enum CommandType: String, CaseIterable, Hashable, Sendable {
    /// `registerKindergarten`.
    case registerKindergarten
    /// `registerApplicant`.
    case registerApplicant
    /// `addChild`.
    case addChild
    /// `submitApplication`.
    case submitApplication
    /// `verifyPriority`.
    case verifyPriority
    /// `confirmInterest`.
    case confirmInterest
    /// `withdrawApplication`.
    case withdrawApplication
    /// `publishBulletin`.
    case publishBulletin
    /// `applyToBulletin`.
    case applyToBulletin
    /// `tick`.
    case tick
    /// `confirmReferral`.
    case confirmReferral
    /// `refuseReferral`.
    case refuseReferral
    /// `extendReferral`.
    case extendReferral
    /// `registerEnrollment`.
    case registerEnrollment
    /// `confirmAdmission`.
    case confirmAdmission
    /// `refreshQueue`.
    case refreshQueue
}
