public import Kezek

/// Every read model of the queue, kept current by applying the log's events in order: the queues
/// (queue numbers in O(log n)), what the fold needs of each application, and the statistics.
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
    /// What the fold needs of every application: tier, status, stage, referral held.
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
        withUnsafePointer(to: event) { fold(at: $0, time: time, position: position) }
    }

    /// The body of ``apply(_:at:position:)``, on the event at `event`: the loop over a batch calls it on
    /// the events where they lie, where passing an event from the batch's memory would copy the whole
    /// event first (the fold changes memory the compiler cannot tell apart from the batch's); a case
    /// copies only the payload it binds.
    mutating func fold(at event: UnsafePointer<Event>, time: Timestamp, position: UInt64) {
        switch event.pointee {
        case .kindergartenRegistered, .applicantRegistered, .childAdded, .priorityVerified, .interestConfirmed,
            .stopListed, .referralExtended:
            break
        case .applicationSubmitted(let e): submit(e)
        case .priorityRejected(let e):
            update(e.application) { $0.tier = e.tier }
        case .interestLapsed(let e):
            update(e.application) { if $0.status == .queued { $0.status = .inactive } }
        case .applicationRestored(let e):
            update(e.application) { if $0.status == .inactive { $0.status = .queued } }
        case .applicationWithdrawn(let e): update(e.application) { $0.status = .withdrawn }
        case .applicationAnnulled(let e): update(e.application) { $0.status = .annulled }
        case .bulletinPublished(let e): offers.publish(e.bulletin)
        case .bulletinApplied(let e): applyToBulletin(e)
        case .bulletinClosed(let e): _ = offers.close(e.bulletin)
        case .referralIssued(let e): issue(e)
        case .referralConfirmed(let e): offers.set(e.referral, to: .confirmed)
        case .referralRefused(let e): endReferral(e.referral, as: .refused, application: .queued)
        case .referralExpired(let e): endReferral(e.referral, as: .expired, application: .inactive)
        case .enrollmentRegistered(let e): registerEnrollment(e)
        case .admissionConfirmed(let e): admit(e)
        case .referralCancelled(let e): endReferral(e.referral, as: .cancelled, application: .queued)
        case .queueRefreshed(let e):
            for change in e.tierChanges { update(change.application) { $0.tier = change.to } }
        }
        self.position = position
        if let lastTime, lastTime > time { return }
        lastTime = time
    }

    /// Folds a batch of events read back from the log, in order, as ``apply(_:at:position:)`` does one by
    /// one.
    public mutating func apply(_ batch: UnsafeBufferPointer<LoggedEvent>) {
        guard let start = batch.baseAddress else { return }
        for index in batch.indices {
            fold(at: LoggedEvent.event(at: start + index), time: start[index].time, position: start[index].position)
        }
    }

    /// Folds events recorded together at `time`, the first at `position`, the next ones after it.
    public mutating func apply(_ events: some Sequence<Event>, at time: Timestamp, position: UInt64) {
        var next = position
        for event in events {
            apply(event, at: time, position: next)
            next += 1
        }
    }
}
