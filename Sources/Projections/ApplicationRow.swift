import Kezek

/// What the read models keep of one application: the fields their own fold reads, in 24 bytes with no
/// per-row allocation. Its queue and slot are the queue locator's; its card (fields, claim, times) is the
/// decision state's record, and its history is the log's.
struct ApplicationRow: Equatable, Sendable {
    /// "No such row" in a link.
    static let none = UInt32.max

    var number: ApplicationNumber
    /// The referral it holds (issued, confirmed or registered); 0 when none.
    var referral: UInt64 = 0
    /// The previous application of the same child, or ``none``.
    var previousOfChild = Self.none
    var tier: Tier
    var status = ApplicationStatus.queued
    var stage = ApplicationStage.queue

    init(number: ApplicationNumber, tier: Tier) {
        self.number = number
        self.tier = tier
    }
}
