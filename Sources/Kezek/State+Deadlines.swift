extension KezekState {
    /// Records in the deadline index what `event` changed: the deadlines of the application and the
    /// referral it names.
    mutating func indexDeadlines(after event: Event) {
        switch event {
        case .applicationSubmitted(let e): indexDeadlines(ofApplication: e.application)
        case .interestConfirmed(let e): indexDeadlines(ofApplication: e.application)
        case .interestLapsed(let e): indexDeadlines(ofApplication: e.application)
        case .applicationRestored(let e): indexDeadlines(ofApplication: e.application)
        case .referralIssued(let e): indexDeadlines(ofReferral: e.referral)
        case .referralConfirmed(let e): indexDeadlines(ofReferral: e.referral)
        case .referralExtended(let e): indexDeadlines(ofReferral: e.referral)
        case .referralRefused(let e): indexDeadlines(ofApplication: e.application)
        case .referralExpired(let e):
            indexDeadlines(ofApplication: e.application)
            dropStaleDeadlines()
        case .referralCancelled(let e): indexDeadlines(ofApplication: e.application)
        case .applicationAnnulled, .bulletinClosed: dropStaleDeadlines()
        default: break
        }
    }

    /// Pushes the current deadline of an application: its restoration window while inactive, its
    /// confirmation of interest while queued.
    mutating func indexDeadlines(ofApplication number: ApplicationNumber) {
        guard let (kind, time) = deadline(ofApplication: number) else { return }
        deadlines[kind].push(time: time, number: number.rawValue)
    }

    /// Which heap an application's current deadline belongs in, and its time (milliseconds since the
    /// epoch): the end of the restoration window while inactive; while queued, when the last
    /// confirmation of interest runs out, or the submission while none was made.
    func deadline(ofApplication number: ApplicationNumber) -> (DeadlineIndex.ApplicationHeap, Int64)? {
        // Field by field: the table's subscript lends the record in place, so each read copies one field.
        switch applications[number]?.status {
        case .inactive:
            guard let until = applications[number]?.restorableUntil else { return nil }
            return (.restorations, until.millisecondsSinceEpoch)
        case .queued:
            if let until = applications[number]?.interestValidUntil {
                return (.confirmedInterest, until.millisecondsSinceEpoch)
            }
            guard let submittedAt = applications[number]?.submittedAt else { return nil }
            return (.submittedInterest, submittedAt.millisecondsSinceEpoch)
        default:
            return nil
        }
    }

    /// Pushes a referral's current deadline, if it has one.
    mutating func indexDeadlines(ofReferral number: ReferralNumber) {
        guard let time = deadline(ofReferral: number) else { return }
        deadlines.referrals.push(time: time, number: number.rawValue)
    }

    /// The time (milliseconds since the epoch) of a referral's current deadline, if it has one.
    func deadline(ofReferral number: ReferralNumber) -> Int64? {
        referrals[number]?.currentDeadline?.dueAt.millisecondsSinceEpoch
    }

    /// Builds the deadline index afresh from the records, with no stale entries: after decoding a
    /// state, or after a replay that folded its events with ``evolveRecords(_:at:)``. Each heap is
    /// built from its entries at once (O(n)), not entry by entry.
    public mutating func rebuildDeadlines() {
        let kinds = DeadlineIndex.ApplicationHeap.allCases.count
        var times = [[Int64]](repeating: [], count: kinds)
        var numbers = [[UInt64]](repeating: [], count: kinds)
        for number in applications.keys {
            guard let (kind, time) = deadline(ofApplication: number) else { continue }
            times[kind.rawValue].append(time)
            numbers[kind.rawValue].append(number.rawValue)
        }
        var referralTimes: [Int64] = []
        var referralNumbers: [UInt64] = []
        for number in referrals.keys {
            guard let time = deadline(ofReferral: number) else { continue }
            referralTimes.append(time)
            referralNumbers.append(number.rawValue)
        }
        var index = DeadlineIndex()
        index.referrals = TimeHeap(unordered: referralTimes, numbers: referralNumbers)
        for kind in DeadlineIndex.ApplicationHeap.allCases {
            index[kind] = TimeHeap(unordered: times[kind.rawValue], numbers: numbers[kind.rawValue])
        }
        deadlines = index
    }

    /// Drops the entries at the top of each heap that no longer match their records.
    mutating func dropStaleDeadlines() {
        var index = deadlines
        deadlines = DeadlineIndex()
        while let top = index.referrals.top, !isCurrent(referralDeadline: top) { index.referrals.pop() }
        while let top = index.restorations.top, !isCurrent(restoration: top) { index.restorations.pop() }
        while let top = index.confirmedInterest.top, !isCurrent(confirmedInterest: top) {
            index.confirmedInterest.pop()
        }
        while let top = index.submittedInterest.top, !isCurrent(submittedInterest: top) {
            index.submittedInterest.pop()
        }
        deadlines = index
    }

    func isCurrent(referralDeadline entry: (time: Int64, number: UInt64)) -> Bool {
        deadline(ofReferral: ReferralNumber(rawValue: entry.number)) == entry.time
    }

    func isCurrent(restoration entry: (time: Int64, number: UInt64)) -> Bool {
        isCurrent(entry, in: .restorations)
    }

    func isCurrent(confirmedInterest entry: (time: Int64, number: UInt64)) -> Bool {
        isCurrent(entry, in: .confirmedInterest)
    }

    func isCurrent(submittedInterest entry: (time: Int64, number: UInt64)) -> Bool {
        isCurrent(entry, in: .submittedInterest)
    }

    /// Whether an entry of the application heap `heap` is its application's current deadline.
    private func isCurrent(_ entry: (time: Int64, number: UInt64), in heap: DeadlineIndex.ApplicationHeap) -> Bool {
        let number = ApplicationNumber(rawValue: entry.number)
        guard let (kind, time) = deadline(ofApplication: number) else { return false }
        return kind == heap && time == entry.time
    }

    /// The referrals whose current deadline is at or before `time`, by number.
    public func referralsDue(by time: Timestamp) -> [ReferralRecord] {
        let limit = time.millisecondsSinceEpoch
        let numbers = Set(
            deadlines.referrals.entries { $0 <= limit }.filter(isCurrent(referralDeadline:)).map(\.number))
        return numbers.sorted().compactMap { referrals[ReferralNumber(rawValue: $0)] }
    }

    /// The inactive applications whose restoration window ended by `time`, by number.
    public func restorationWindowsEnded(by time: Timestamp) -> [ApplicationRecord] {
        let limit = time.millisecondsSinceEpoch
        let numbers = Set(
            deadlines.restorations.entries { $0 <= limit }.filter(isCurrent(restoration:)).map(\.number))
        return numbers.sorted().compactMap { applications[ApplicationNumber(rawValue: $0)] }
    }

    /// The queued applications whose confirmation of interest ran out by `time` under `policy`, by number.
    public func interestDue(by time: Timestamp, policy: Policy) -> [ApplicationRecord] {
        let limit = time.millisecondsSinceEpoch
        var numbers = Set(
            deadlines.confirmedInterest.entries { $0 <= limit }.filter(isCurrent(confirmedInterest:)).map(\.number))
        let submitted = deadlines.submittedInterest.entries {
            policy.interestDeadline(confirmedAt: Timestamp(millisecondsSinceEpoch: $0)) <= time
        }
        numbers.formUnion(submitted.filter(isCurrent(submittedInterest:)).map(\.number))
        return numbers.sorted().compactMap { applications[ApplicationNumber(rawValue: $0)] }
    }
}
