import Kezek

/// One application as the projections keep it: fixed-size fields, times as milliseconds, links as
/// 32-bit row indices, no per-row allocation (ranked kindergartens are interned ids).
struct ApplicationRow: Equatable, Sendable {
    /// "No such row" in a link.
    static let none = UInt32.max
    /// "No such time" in a time field.
    static let noTime = Int64.min

    var number: ApplicationNumber
    var applicant: IIN
    var child: IIN
    var key: PackedQueueKey
    var submittedAt: Timestamp
    /// The referral it holds (issued, confirmed or registered); 0 when none.
    var referral: UInt64 = 0
    var interestValidUntil = Self.noTime
    var stopListedUntil = Self.noTime
    var restorableUntil = Self.noTime
    /// The first four ranked kindergartens, as indices into the interned ids; ``none`` when unused.
    var kindergartens = RankedKindergartens()
    /// Its slot in the queue index of `key`.
    var slot: UInt32 = 0
    /// The newest history entry, or ``none``.
    var lastHistory = Self.none
    /// The previous application of the same applicant, or ``none``.
    var previousOfApplicant = Self.none
    /// The previous application of the same child, or ``none``.
    var previousOfChild = Self.none
    var originalTier: Tier
    var tier: Tier
    var status = ApplicationStatus.queued
    var stage = ApplicationStage.queue
    var category: PriorityCategory?
    var claimStatus: ClaimStatus?
    var inactivity: InactivityReason?
    var restorationsUsed: UInt8 = 0

    init(_ event: Event.ApplicationSubmitted) {
        number = event.application
        applicant = event.applicant
        child = event.child
        key = PackedQueueKey(event.key)
        submittedAt = event.submittedAt
        originalTier = event.tier
        tier = event.tier
        category = event.priority?.category
        claimStatus = event.priority == nil ? nil : .pending
    }

    /// A time field as an optional timestamp.
    static func time(_ milliseconds: Int64) -> Timestamp? {
        milliseconds == noTime ? nil : Timestamp(millisecondsSinceEpoch: milliseconds)
    }
}

/// One line of an application's history, 32 bytes: what happened, when, at which log position; the
/// words are made when asked for.
struct HistoryEntry: Equatable, Sendable {
    /// The log position (the low 40 bits: a trillion events), the event type (the next 16) and the code
    /// (the top 8), in one word.
    private var packed: UInt64
    var time: Int64
    /// A number the description needs: a referral, a bulletin, a time, a year.
    var detail: UInt64
    /// The application's row.
    var row: UInt32
    /// The previous entry of the same application, or `ApplicationRow.none`.
    var previous: UInt32

    /// The most log positions an entry can hold.
    static let positionLimit: UInt64 = 1 << 40

    init(position: UInt64, time: Int64, detail: UInt64, row: UInt32, previous: UInt32, type: EventType, code: UInt8) {
        precondition(position < Self.positionLimit, "history entries hold log positions below 2^40")
        packed = position | UInt64(type.rawValue) << 40 | UInt64(code) << 56
        self.time = time
        self.detail = detail
        self.row = row
        self.previous = previous
    }

    /// The log position of the event.
    var position: UInt64 { packed & (Self.positionLimit - 1) }
    /// The event's type.
    var type: EventType { EventType(rawValue: UInt16(truncatingIfNeeded: packed >> 40))! }
    /// A small code the description needs: a tier, a category, a reason.
    var code: UInt8 { UInt8(truncatingIfNeeded: packed >> 56) }
}

/// Up to four interned kindergarten indices, most wanted first; `ApplicationRow.none` marks the unused.
struct RankedKindergartens: Equatable, Sendable {
    var first = ApplicationRow.none
    var second = ApplicationRow.none
    var third = ApplicationRow.none
    var fourth = ApplicationRow.none

    init() {}

    /// The first four of `indices`.
    init(_ indices: [UInt32]) {
        func at(_ i: Int) -> UInt32 { i < indices.count ? indices[i] : ApplicationRow.none }
        (first, second, third, fourth) = (at(0), at(1), at(2), at(3))
    }

    /// The indices in use, in order.
    var indices: [UInt32] { [first, second, third, fourth].filter { $0 != ApplicationRow.none } }
}
