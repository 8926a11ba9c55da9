import Kezek

/// Application number → row, for numbers the engine hands out densely from 1: an array of 4-byte rows
/// indexed by number (a cache-friendly load instead of a hash-table probe), with a dictionary for the
/// odd number far beyond the others (the fold is total: a log may name any number).
struct RowIndex: Sendable {
    /// `dense[n - 1]` is the row of application `n`, or ``ApplicationRow/none``.
    private var dense: [UInt32] = []
    private var sparse: [ApplicationNumber: UInt32] = [:]
    /// How many numbers have a row.
    private(set) var count = 0

    /// The most numbers the dense array may skip ahead to.
    private static let gap: UInt64 = 1 << 16

    init() {}

    /// The row of `number`, if it has one.
    subscript(number: ApplicationNumber) -> UInt32? {
        get {
            let offset = number.rawValue &- 1
            if offset < UInt64(dense.count) {
                let row = dense[Int(offset)]
                return row == ApplicationRow.none ? nil : row
            }
            return sparse.isEmpty ? nil : sparse[number]
        }
        set {
            let offset = number.rawValue &- 1
            let old = self[number]
            if offset < UInt64(dense.count) + Self.gap && number.rawValue > 0 {
                if offset >= UInt64(dense.count) {
                    dense.append(contentsOf: repeatElement(ApplicationRow.none, count: Int(offset) - dense.count + 1))
                }
                dense[Int(offset)] = newValue ?? ApplicationRow.none
            } else {
                sparse[number] = newValue
            }
            count += (newValue == nil ? 0 : 1) - (old == nil ? 0 : 1)
        }
    }

    /// Makes room for numbers up to `count` without growing.
    mutating func reserveCapacity(_ count: Int) { dense.reserveCapacity(count) }

    /// Every number with a row, ascending.
    var numbers: [ApplicationNumber] {
        var result: [ApplicationNumber] = []
        result.reserveCapacity(count)
        for (offset, row) in dense.enumerated() where row != ApplicationRow.none {
            result.append(ApplicationNumber(rawValue: UInt64(offset) + 1))
        }
        return (result + sparse.keys).sorted()
    }
}

extension RowIndex: Equatable {
    /// Equal when they map the same numbers to the same rows, however stored.
    static func == (lhs: RowIndex, rhs: RowIndex) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.numbers.allSatisfy { lhs[$0] == rhs[$0] }
    }
}
