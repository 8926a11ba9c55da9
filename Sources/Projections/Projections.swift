public import Kezek

/// Every read model of the queue, kept current by applying the log's events in order: the queues
/// (queue numbers in O(log n)), the applications with their histories and the statistics.
///
/// What the decision state already holds is not kept twice: an applicant's family and the catalog of
/// kindergartens, bulletins and referrals are views of `KezekState` (``family(of:in:)``,
/// `KezekState.kindergartens(in:)`), which the same events fold; the read models keep of bulletins and
/// referrals only the links their own fold needs (``OfferLinks``).
///
/// A pure fold: `apply(_:at:position:)` reads nothing but its arguments, so replaying the log, loading a
/// checkpoint and applying the tail, and running live all give the same state and the same
/// ``canonicalBytes(into:)``. Like `KezekState.evolve`, it is total: an event that names unknown
/// records changes only what it can.
public struct Projections: Equatable, Sendable {
    /// The queues, one order-statistic index per queue key.
    public internal(set) var queues = QueueProjection()
    /// Every application with its history.
    public internal(set) var applications = ApplicationProjection()
    /// Which bulletins are open and whose the referrals are.
    public internal(set) var offers = OfferLinks()
    /// Queued counts per region.
    public internal(set) var statistics = StatisticsProjection()
    /// The log position of the last event applied; 0 before the first.
    public internal(set) var position: UInt64 = 0
    /// The latest event time applied, if any.
    public internal(set) var lastTime: Timestamp?

    /// The empty projections, before the first event.
    public init() {}

    /// Folds one event, recorded at `time` at log `position`, into every projection.
    public mutating func apply(_ event: Event, at time: Timestamp, position: UInt64) {
        let context = Context(time: time, position: position)
        switch event {
        case .kindergartenRegistered, .applicantRegistered, .childAdded: break
        case .applicationSubmitted(let e): submit(e, context)
        case .priorityVerified(let e):
            update(e.application, .priorityVerified, context, code: HistoryEntry.code(e.category)) {
                $0.claimStatus = .verified
            }
        case .priorityRejected(let e):
            update(e.application, .priorityRejected, context, code: UInt8(e.tier.rawValue)) {
                $0.claimStatus = .rejected
                $0.tier = e.tier
            }
        case .interestConfirmed(let e):
            update(e.application, .interestConfirmed, context, detail: e.validUntil) {
                $0.interestValidUntil = e.validUntil.millisecondsSinceEpoch
            }
        case .interestLapsed(let e): lapse(e, context)
        case .applicationRestored(let e): restore(e, context)
        case .applicationWithdrawn(let e): close(e.application, as: .withdrawn, context)
        case .applicationAnnulled(let e):
            close(e.application, as: .annulled, context, code: HistoryEntry.code(e.reason))
        case .stopListed(let e):
            update(e.application, .stopListed, context, detail: e.until) {
                $0.stopListedUntil = e.until.millisecondsSinceEpoch
            }
        case .bulletinPublished(let e): offers.publish(e.bulletin)
        case .bulletinApplied(let e): applyToBulletin(e, context)
        case .bulletinClosed(let e): closeBulletin(e, context)
        case .referralIssued(let e): issue(e, context)
        case .referralConfirmed(let e):
            offers.set(e.referral, to: .confirmed)
            recordOnReferral(e.referral, .referralConfirmed, context)
        case .referralRefused(let e):
            endReferral(e.referral, as: .refused, application: .queued, inactivity: nil, .referralRefused, context)
        case .referralExpired(let e):
            endReferral(
                e.referral, as: .expired, application: .inactive, inactivity: .referralExpired, .referralExpired,
                context, code: HistoryEntry.code(e.deadline), restorableUntil: e.restorableUntil)
        case .referralExtended(let e):
            recordOnReferral(e.referral, .referralExtended, context, code: UInt8(clamping: e.days))
        case .enrollmentRegistered(let e): registerEnrollment(e, context)
        case .admissionConfirmed(let e): admit(e, context)
        case .referralCancelled(let e):
            endReferral(
                e.referral, as: .cancelled, application: .queued, inactivity: nil, .referralCancelled, context,
                code: HistoryEntry.code(e.reason))
        case .queueRefreshed(let e): refresh(e, context)
        }
        self.position = position
        if let lastTime, lastTime > time { return }
        lastTime = time
    }

    /// Folds events recorded together at `time`, the first at `position`, the next ones after it.
    public mutating func apply(_ events: some Sequence<Event>, at time: Timestamp, position: UInt64) {
        var next = position
        for event in events {
            apply(event, at: time, position: next)
            next += 1
        }
    }

    /// Where and when the event being applied was recorded.
    struct Context {
        var time: Timestamp
        var position: UInt64
    }
}
