import Kezek

/// The simulation's calendar of things to do: a binary min-heap of actions by time, ties broken by the
/// order they were scheduled in, so that the same seed always gives the same sequence.
struct Agenda {
    private struct Entry {
        var time: Timestamp
        var sequence: UInt64
        var action: SimulationAction

        func precedes(_ other: Entry) -> Bool {
            (time, sequence) < (other.time, other.sequence)
        }
    }

    private var heap: [Entry] = []
    private var scheduled: UInt64 = 0

    /// The number of actions waiting.
    var count: Int { heap.count }

    /// Schedules `action` at `time`.
    mutating func schedule(_ action: SimulationAction, at time: Timestamp) {
        scheduled += 1
        heap.append(Entry(time: time, sequence: scheduled, action: action))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Takes the earliest action, or `nil` when none is left.
    mutating func next() -> (time: Timestamp, action: SimulationAction)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { break }
            var smallest = left
            if left + 1 < heap.count, heap[left + 1].precedes(heap[left]) { smallest = left + 1 }
            guard heap[smallest].precedes(heap[parent]) else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return (first.time, first.action)
    }
}

/// One thing the simulated country does at a time.
enum SimulationAction {
    /// A new day: schedules its arrivals, bulletins and tick.
    case dayStarts(Int)
    /// A family comes to apply.
    case arrival
    /// A command that needs no look at the state.
    case command(Command)
    /// A submission; the application number it gets is read from the state afterwards.
    case submit(Command.SubmitApplication)
    /// The district operator checks a priority claim.
    case verify(ApplicationNumber, PriorityVerdict)
    /// The family confirms its interest (or restores a lapsed application).
    case confirmInterest(ApplicationNumber)
    /// The family withdraws.
    case withdraw(ApplicationNumber)
    /// A kindergarten publishes free seats.
    case publish
    /// An application applies to a bulletin.
    case apply(ApplicationNumber, BulletinNumber)
    /// Time passes for the engine.
    case tick
    /// A family answers a referral.
    case answer(ReferralNumber, ReferralAnswer)
    /// Documents handed in.
    case register(ReferralNumber)
    /// The kindergarten admits the child.
    case admit(ReferralNumber)
    /// The yearly queue refresh.
    case refresh(Int)
}

/// What a family does with a referral.
enum ReferralAnswer {
    /// Accepts it, then registers (after an extension of `extension` days when set), unless `abandons`.
    case confirm(extension: Int?, abandons: Bool)
    /// Refuses it.
    case refuse
}
