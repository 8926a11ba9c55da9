extension KezekState {
    /// How many events ahead of the fold a batch's loop asks for the records an event touches: far
    /// enough for the loads to finish before the fold gets there, near enough for them to stay cached.
    static let prefetchDistance = 8

    /// Folds a batch of events into the records alone, in order, as ``evolveRecords(_:at:)`` does one by
    /// one; the records each event touches are asked for a few events ahead (``prefetchSlots(for:)``,
    /// ``prefetchRecords(for:)``), which changes nothing but when they reach the cache.
    public mutating func evolveRecords(_ batch: UnsafeBufferPointer<LoggedEvent>) {
        guard let start = batch.baseAddress else { return }
        let distance = Self.prefetchDistance
        func event(_ index: Int) -> UnsafePointer<Event> { LoggedEvent.event(at: start + index) }
        for index in batch.indices {
            if index + 2 * distance < batch.count { prefetchSlots(for: event(index + 2 * distance)) }
            if index + distance < batch.count { prefetchRecords(for: event(index + distance)) }
            foldRecords(at: event(index), time: start[index].time)
        }
    }

    /// The first stage of asking ahead: the index slots of the IIN tables that `event` looks up.
    @inline(__always)
    func prefetchSlots(for event: UnsafePointer<Event>) {
        switch event.pointee {
        case .applicantRegistered(let e): applicants.prefetchSlot(of: e.applicant)
        case .childAdded(let e):
            children.prefetchSlot(of: e.child)
            applicants.prefetchSlot(of: e.applicant)
        case .applicationSubmitted(let e): children.prefetchSlot(of: e.child)
        case .admissionConfirmed(let e): children.prefetchSlot(of: e.child)
        default: break
        }
    }

    /// The second stage, nearer the fold: the IIN tables' entries (through the slots the first stage
    /// loaded) and the numbered records that `event` changes.
    @inline(__always)
    func prefetchRecords(for event: UnsafePointer<Event>) {
        switch event.pointee {
        case .applicantRegistered(let e): applicants.prefetchEntry(of: e.applicant)
        case .childAdded(let e):
            children.prefetchEntry(of: e.child)
            applicants.prefetchEntry(of: e.applicant)
        case .applicationSubmitted(let e): children.prefetchEntry(of: e.child)
        case .priorityVerified(let e): applications.prefetch(e.application)
        case .priorityRejected(let e): applications.prefetch(e.application)
        case .interestConfirmed(let e): applications.prefetch(e.application)
        case .interestLapsed(let e): applications.prefetch(e.application)
        case .applicationRestored(let e): applications.prefetch(e.application)
        case .applicationWithdrawn(let e): applications.prefetch(e.application)
        case .applicationAnnulled(let e): applications.prefetch(e.application)
        case .stopListed(let e): applications.prefetch(e.application)
        case .bulletinApplied(let e):
            applications.prefetch(e.application)
            bulletins.prefetch(e.bulletin)
        case .bulletinClosed(let e): bulletins.prefetch(e.bulletin)
        case .referralIssued(let e): applications.prefetch(e.application)
        case .referralConfirmed(let e): referrals.prefetch(e.referral)
        case .referralRefused(let e): referrals.prefetch(e.referral)
        case .referralExpired(let e): referrals.prefetch(e.referral)
        case .referralExtended(let e): referrals.prefetch(e.referral)
        case .enrollmentRegistered(let e): referrals.prefetch(e.referral)
        case .referralCancelled(let e): referrals.prefetch(e.referral)
        case .admissionConfirmed(let e):
            referrals.prefetch(e.referral)
            applications.prefetch(e.application)
            children.prefetchEntry(of: e.child)
        default: break
        }
    }
}
