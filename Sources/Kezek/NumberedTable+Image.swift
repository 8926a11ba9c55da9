// The parts of a numbered table as the state's image saves them: the array of slots as it is (empty ones
// included) and the records kept beside it.

extension NumberedTable {
    /// How many numbers the array covers (1 to `arrayCount`), empty slots included.
    var arrayCount: Int { slots.count }

    /// The record of array slot `index` (number `index + 1`), or `nil`, lent in place.
    func arraySlot(_ index: Int) -> Value? { slots[index] }

    /// The records whose numbers lie beyond the array.
    var recordsBeyondArray: [Key: Value] { sparse.mapValues { overflow[$0]! } }

    /// Fills the array of this empty table with `count` slots in place (reading an image; see
    /// `DenseStorage.fill(count:_:)`): `fill` returns how many of the slots it filled hold a record, or
    /// `nil` after it deinitialized what it had initialized.
    mutating func fillArray(count: Int, _ fill: (UnsafeMutablePointer<Value?>) -> Int?) -> Bool {
        var stored = 0
        let filled = slots.fill(count: count) { start in
            guard let records = fill(start) else { return false }
            stored = records
            return true
        }
        storedCount = stored
        return filled
    }

    /// Keeps `value` beside the array (reading an image, after the slots); `false` unless `key` lies
    /// beyond the array and has no record yet.
    mutating func appendBeyondArray(_ key: Key, _ value: Value) -> Bool {
        guard key.rawValue &- 1 >= UInt64(slots.count), sparse[key] == nil else { return false }
        sparse[key] = overflow.count
        overflow.append(value)
        storedCount += 1
        return true
    }
}
