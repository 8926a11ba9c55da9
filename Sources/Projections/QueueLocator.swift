import Kezek

/// Application number → where it stands in the queues: the position of its queue's index in
/// ``QueueProjection`` and its slot there, packed in 8 bytes, so that a queue number needs neither the
/// application's row nor a hash-table probe.
///
/// Dense like ``RowIndex``: an array indexed by number − 1 (numbers are handed out from 1), with a
/// dictionary for the odd number far beyond the others (the fold is total: a log may name any number).
struct QueueLocator: Sendable {
    /// A packed location: the queue's position in the high 32 bits, the slot in the low 32.
    typealias Packed = UInt64

    /// "Not in any queue".
    static let none: Packed = .max

    /// `dense[n - 1]` is the location of application `n`, or ``none``.
    private var dense: [Packed] = []
    private var sparse: [ApplicationNumber: Packed] = [:]

    /// The most numbers the dense array may skip ahead to.
    private static let gap: UInt64 = 1 << 16

    init() {}

    /// The packed location of `number`, or ``none``: one load for a dense number.
    func packed(_ number: ApplicationNumber) -> Packed {
        let offset = number.rawValue &- 1
        if offset < UInt64(dense.count) {
            return dense.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: offset)] }
        }
        return sparse.isEmpty ? Self.none : sparse[number] ?? Self.none
    }

    /// The queue position and slot of `number`, if it has a slot.
    subscript(number: ApplicationNumber) -> (queue: Int, slot: Int)? {
        let location = packed(number)
        guard location != Self.none else { return nil }
        return (Int(truncatingIfNeeded: location &>> 32), Int(truncatingIfNeeded: location & 0xFFFF_FFFF))
    }

    /// Records that `number` stands at `slot` of the queue at `queue`.
    mutating func set(_ number: ApplicationNumber, queue: Int, slot: Int) {
        precondition(queue >= 0 && queue < Int(UInt32.max) && slot >= 0 && slot <= Int(UInt32.max))
        let location = Packed(queue) << 32 | Packed(slot)
        let offset = number.rawValue &- 1
        if offset < UInt64(dense.count) + Self.gap && number.rawValue > 0 {
            if offset >= UInt64(dense.count) {
                dense.append(contentsOf: repeatElement(Self.none, count: Int(offset) - dense.count + 1))
            }
            dense[Int(offset)] = location
        } else {
            sparse[number] = location
        }
    }
}
