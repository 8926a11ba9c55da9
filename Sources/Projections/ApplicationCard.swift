public import Kezek

/// What the portal shows of one application: `#287529 from 18.06.2020 08:33:20`, its queue, tier,
/// queue number, the stage of the five, and its history.
public struct ApplicationCard: Hashable, Sendable {
    /// Its number.
    public var number: ApplicationNumber
    /// The applicant.
    public var applicant: IIN
    /// The child.
    public var child: IIN
    /// Its queue: locality, birth year, language, group type.
    public var key: QueueKey
    /// 0 to 4 ranked kindergartens, most wanted first.
    public var kindergartens: [KindergartenID]
    /// The application time.
    public var submittedAt: Timestamp
    /// The tier at submission.
    public var originalTier: Tier
    /// The tier now.
    public var tier: Tier
    /// The priority category claimed, if any.
    public var priorityCategory: PriorityCategory?
    /// Where the claim stands, if there is one.
    public var claimStatus: ClaimStatus?
    /// Where the application is in its life.
    public var status: ApplicationStatus
    /// Why it is inactive, when it is.
    public var inactivity: InactivityReason?
    /// Queue → Apply to a bulletin → Get a referral → Electronic registration → Confirm admission.
    public var stage: ApplicationStage
    /// The queue number while in the queue.
    public var queueNumber: Int?
    /// The referral it holds, if any.
    public var referral: ReferralNumber?
    /// When the next confirmation of interest is due, once confirmed.
    public var interestValidUntil: Timestamp?
    /// The end of its stop list, if it was stop-listed.
    public var stopListedUntil: Timestamp?
    /// After a lapse of interest, confirming before this restores it.
    public var restorableUntil: Timestamp?
    /// How many times it was restored after a lapse.
    public var restorationsUsed: Int
    /// What happened to it, oldest first.
    public var history: [HistoryItem]
}
