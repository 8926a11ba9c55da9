/// Which records may fall due, by time, so that `tick` finds what is due without walking every
/// application and referral: the referrals' current deadlines, the restoration windows of inactive
/// applications, and the confirmations of interest of queued ones (by the last confirmation, or by the
/// submission while none was made).
///
/// Derived from the records and rebuilt from them when a state is decoded, so it is not part of the
/// state's value: two states with equal records are equal whatever their indices hold. Entries go stale
/// when a record changes; `tick` checks every entry against its record, and stale entries are dropped
/// when they reach the top of their heap.
public struct DeadlineIndex: Sendable {
    /// Referral number by its current deadline (confirmation or registration).
    var referrals = TimeHeap()
    /// Inactive application by the end of its restoration window.
    var restorations = TimeHeap()
    /// Queued application by the time its last confirmation of interest runs out.
    var confirmedInterest = TimeHeap()
    /// Queued application with no confirmation yet, by its submission time.
    var submittedInterest = TimeHeap()

    /// An empty index.
    public init() {}

    /// The heaps of applications' deadlines.
    enum ApplicationHeap: Int, CaseIterable {
        case restorations, confirmedInterest, submittedInterest
    }

    /// The heap of one kind of application deadline.
    subscript(heap: ApplicationHeap) -> TimeHeap {
        get {
            switch heap {
            case .restorations: restorations
            case .confirmedInterest: confirmedInterest
            case .submittedInterest: submittedInterest
            }
        }
        _modify {
            switch heap {
            case .restorations: yield &restorations
            case .confirmedInterest: yield &confirmedInterest
            case .submittedInterest: yield &submittedInterest
            }
        }
    }

    /// How many entries the index holds, stale ones included.
    public var count: Int {
        referrals.count + restorations.count + confirmedInterest.count + submittedInterest.count
    }
}

extension DeadlineIndex: Hashable {
    /// Always equal: the index is derived from the records, which the state compares.
    public static func == (lhs: DeadlineIndex, rhs: DeadlineIndex) -> Bool { true }

    /// Hashes nothing, in step with `==`.
    public func hash(into hasher: inout Hasher) {}
}
