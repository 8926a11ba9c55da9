// The parts of a numbered table as the state's image saves them: the array of slots as it is (empty ones
// included) and the records kept beside it.

extension NumberedTable {
    /// How many numbers the array covers (1 to `arrayCount`), empty slots included.
    var arrayCount: Int { slots.count }

    /// The record of array slot `index` (number `index + 1`), or `nil`, lent in place.
    func arraySlot(_ index: Int) -> Value? { slots[index] }

    /// The records whose numbers lie beyond the array.
    var recordsBeyondArray: [Key: Value] { sparse }

    /// Appends the slot of the next number (reading an image).
    mutating func appendArraySlot(_ value: Value?) {
        slots.append(value)
        if value != nil { storedCount += 1 }
    }

    /// Keeps `value` beside the array (reading an image, after the slots); `false` unless `key` lies
    /// beyond the array and has no record yet.
    mutating func appendBeyondArray(_ key: Key, _ value: Value) -> Bool {
        guard key.rawValue &- 1 >= UInt64(slots.count), sparse[key] == nil else { return false }
        sparse[key] = value
        storedCount += 1
        return true
    }
}
