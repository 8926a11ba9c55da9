/// A command to the engine: one case per row of the command-line contract's table, with typed payloads.
///
/// Commands carry already-validated values (IINs, KATO codes, languages); what depends on the state
/// (does the applicant exist, is the bulletin open) is checked by the deciders.
public enum Command: Sendable, Equatable {
    /// Registers a kindergarten with its places.
    case registerKindergarten(RegisterKindergarten)
    /// Registers a parent or legal representative.
    case registerApplicant(RegisterApplicant)
    /// Adds a child to an applicant.
    case addChild(AddChild)
    /// Puts a child in the queue.
    case submitApplication(SubmitApplication)
    /// A district operator's verdict on a priority claim.
    case verifyPriority(VerifyPriority)
    /// The family confirms it still wants a place (Мүдделі).
    case confirmInterest(ApplicationNumber)
    /// The family withdraws (deletes) the application.
    case withdrawApplication(ApplicationNumber)
    /// A kindergarten publishes free places for a window.
    case publishBulletin(PublishBulletin)
    /// An application applies to a bulletin.
    case applyToBulletin(ApplyToBulletin)
    /// Time passes: closes bulletins, expires referrals and interest that fell due at the envelope's time.
    case tick
    /// The family accepts a referral.
    case confirmReferral(ReferralNumber)
    /// The family refuses a referral (the application is annulled).
    case refuseReferral(ReferralNumber)
    /// The family asks once for up to 30 more days to register.
    case extendReferral(ExtendReferral)
    /// Documents handed in: electronic registration.
    case registerEnrollment(ReferralNumber)
    /// The kindergarten confirms admission: the child is enrolled.
    case confirmAdmission(ReferralNumber)
    /// The yearly refresh of the queue for `year`.
    case refreshQueue(year: Int)

    /// The command's name, as in the `type` field.
    public var type: CommandType {
        switch self {
        case .registerKindergarten: .registerKindergarten
        case .registerApplicant: .registerApplicant
        case .addChild: .addChild
        case .submitApplication: .submitApplication
        case .verifyPriority: .verifyPriority
        case .confirmInterest: .confirmInterest
        case .withdrawApplication: .withdrawApplication
        case .publishBulletin: .publishBulletin
        case .applyToBulletin: .applyToBulletin
        case .tick: .tick
        case .confirmReferral: .confirmReferral
        case .refuseReferral: .refuseReferral
        case .extendReferral: .extendReferral
        case .registerEnrollment: .registerEnrollment
        case .confirmAdmission: .confirmAdmission
        case .refreshQueue: .refreshQueue
        }
    }
}

/// A command with the time it happened (server time, or the `at` of a batch line).
public struct CommandEnvelope: Sendable, Equatable {
    /// The command.
    public var command: Command
    /// When it happened; never before the log's last time.
    public var at: Timestamp

    /// A command at a time.
    public init(_ command: Command, at: Timestamp) {
        self.command = command
        self.at = at
    }
}
