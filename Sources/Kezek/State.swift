/// The whole decision state of the queue, as plain values: what `decide` needs to judge a command.
///
/// Built only by folding events with ``evolve(_:at:)`` (live, or on replay), so the same log always gives
/// the same state. Numbered records live in arrays indexed by number (``NumberedTable``), people in tables
/// keyed by IIN (``IINTable``), the rest in dictionaries; the few scans (`tick`, `refreshQueue`) are linear in what
/// they touch. Equatable, so tests can prove that a rejected command changed nothing.
public struct KezekState: Hashable, Sendable {
    /// Registered kindergartens by id.
    public internal(set) var kindergartens: [KindergartenID: KindergartenRecord] = [:]
    /// Registered applicants by IIN.
    public internal(set) var applicants = IINTable<ApplicantRecord>()
    /// Children added by applicants, by IIN.
    public internal(set) var children = IINTable<ChildRecord>()
    /// Every application ever submitted (the archive included), by number.
    public internal(set) var applications = NumberedTable<ApplicationNumber, ApplicationRecord>()
    /// Every bulletin ever published, by number.
    public internal(set) var bulletins = NumberedTable<BulletinNumber, BulletinRecord>()
    /// Every referral ever issued, by number.
    public internal(set) var referrals = NumberedTable<ReferralNumber, ReferralRecord>()
    /// The kindergarten ids applications ranked, numbered in the order first named.
    public internal(set) var rankedKindergartenIDs = KindergartenIDTable()
    /// The whole ranked list, as numbers, of an application that named more than four kindergartens.
    var longRankings: [ApplicationNumber: [UInt32]] = [:]
    /// Every application ever submitted to a queue key, in submission (and so number) order.
    public internal(set) var applicationsByKey: [QueueKey: [ApplicationNumber]] = [:]
    /// The highest application number assigned so far (0 before the first).
    public internal(set) var lastApplicationNumber: UInt64 = 0
    /// The highest bulletin number assigned so far (0 before the first).
    public internal(set) var lastBulletinNumber: UInt64 = 0
    /// The highest referral number assigned so far (0 before the first).
    public internal(set) var lastReferralNumber: UInt64 = 0
    /// The time of the last event folded in; commands before it are refused (`timeWentBackwards`).
    public internal(set) var lastTime: Timestamp?
    /// The year of the last yearly refresh, if any ran.
    public internal(set) var lastRefreshYear: Int?

    /// Which applications and referrals may fall due, by time (derived from the records above).
    public internal(set) var deadlines = DeadlineIndex()

    /// The empty state, before the first event.
    public init() {}

    /// The kindergartens an application ranked, most wanted first.
    public func kindergartens(of application: ApplicationRecord) -> [KindergartenID] {
        rankingNumbers(of: application).map { rankedKindergartenIDs[$0] }
    }

    /// Keeps the whole list of an application's ranked kindergartens (numbers in
    /// ``rankedKindergartenIDs``) when its record cannot hold them all inline.
    mutating func keepLongRanking(_ numbers: [UInt32], of application: ApplicationNumber) {
        if numbers.count > RankedKindergartens.capacity { longRankings[application] = numbers }
    }

    /// The numbers of the kindergartens an application ranked, in ``rankedKindergartenIDs``.
    func rankingNumbers(of application: ApplicationRecord) -> [UInt32] {
        longRankings.isEmpty
            ? application.rankedKindergartens.numbers
            : longRankings[application.number] ?? application.rankedKindergartens.numbers
    }

    /// The number the next submitted application gets.
    public var nextApplicationNumber: ApplicationNumber { ApplicationNumber(rawValue: lastApplicationNumber + 1) }
    /// The number the next published bulletin gets.
    public var nextBulletinNumber: BulletinNumber { BulletinNumber(rawValue: lastBulletinNumber + 1) }
    /// The number the next issued referral gets.
    public var nextReferralNumber: ReferralNumber { ReferralNumber(rawValue: lastReferralNumber + 1) }
}
