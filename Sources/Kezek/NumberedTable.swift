/// Records keyed by a number the engine hands out densely from 1 (applications, bulletins, referrals):
/// an array indexed by number, so a lookup is a load instead of a hash-table probe and iteration is in
/// number order without sorting. A number far beyond the others (a fold is total: a log may name any
/// number) goes to a dictionary beside the array.
///
/// Reads like the dictionary it replaces: `table[number]` is the record or `nil`, `table[number]?.field
/// = value` changes a record in place, and ``values``, ``keys`` and iteration go in ascending order.
public struct NumberedTable<Key: SequentialNumber, Value> {
    /// `slots[n - 1]` is the record of number `n`, or `nil`.
    @usableFromInline var slots = DenseStorage<Value?>()
    /// Where in `overflow` the records lie whose numbers are at or beyond `slots.count + 1` (beyond
    /// ``gap`` of the array when given).
    @usableFromInline var sparse: [Key: Int] = [:]
    /// The records `sparse` points to, after a `nil` at index 0 that a look-up of a number without a
    /// record lends: every record the table holds then has an address. A record removed or moved into
    /// the array leaves a `nil` behind, which nothing points to.
    @usableFromInline var overflow = DenseStorage<Value?>(nilFirst: ())
    @usableFromInline var storedCount = 0
    /// How many numbers have a record.
    @inlinable public var count: Int { storedCount }

    /// The most numbers the array may skip ahead to.
    @inlinable static var gap: UInt64 { 1 << 16 }

    /// An empty table.
    @inlinable public init() {}

    /// Whether no number has a record.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Makes room for numbers up to `count` without growing.
    @inlinable public mutating func reserveCapacity(_ count: Int) { slots.reserveCapacity(count) }

    /// The record of `key`, or `nil`; setting `nil` removes it.
    @inlinable public subscript(key: Key) -> Value? {
        // A read lends the stored record at its address, so that `table[number]?.field` copies only the
        // field (a coroutine with a yield on each path would copy the whole record out first).
        unsafeAddress {
            let offset = key.rawValue &- 1
            if offset < UInt64(slots.count) { return slots.address(Int(truncatingIfNeeded: offset)) }
            return overflow.address(sparse.isEmpty ? 0 : sparse[key] ?? 0)
        }
        set {
            let offset = key.rawValue &- 1
            if offset < UInt64(slots.count) {
                let index = Int(truncatingIfNeeded: offset)
                let had = slots[index] != nil
                // Counted before the value moves in, so that it is moved rather than copied.
                storedCount += (newValue != nil ? 1 : 0) - (had ? 1 : 0)
                slots[index] = newValue
            } else if let newValue {
                insert(newValue, at: key)
            } else if !sparse.isEmpty, let index = sparse.removeValue(forKey: key) {
                overflow[index] = nil
                storedCount -= 1
            }
        }
        _modify {
            let offset = key.rawValue &- 1
            if offset < UInt64(slots.count) {
                let index = Int(truncatingIfNeeded: offset)
                let had = slots[index] != nil
                yield &slots[index]
                storedCount += (slots[index] != nil ? 1 : 0) - (had ? 1 : 0)
            } else if let index = sparse[key] {
                yield &overflow[index]
                if overflow[index] == nil {
                    sparse[key] = nil
                    storedCount -= 1
                }
            } else {
                var value: Value? = nil
                yield &value
                if let value = value.take() { insert(value, at: key) }
            }
        }
    }

    /// Changes the record of `key` in place and returns what `change` returns, or returns `nil` without
    /// calling `change` when `key` has no record. Unlike `table[key]?.field = value`, which goes through
    /// the subscript's coroutine (a frame allocated for it and the record copied out to test its
    /// presence), this reaches the record through its address alone: the way for the folds to change
    /// fields, and one look-up for several fields.
    @inlinable
    public mutating func update<Result>(_ key: Key, _ change: (inout Value) -> Result) -> Result? {
        let offset = key.rawValue &- 1
        if offset < UInt64(slots.count) {
            let index = Int(truncatingIfNeeded: offset)
            guard slots[index] != nil else { return nil }
            return change(&slots[index]!)
        }
        guard !sparse.isEmpty, let index = sparse[key] else { return nil }
        return change(&overflow[index]!)
    }

    /// Stores `value` as the record of `key`, a number at or beyond the array's end.
    @inlinable mutating func insert(_ value: consuming Value, at key: Key) {
        let offset = key.rawValue &- 1
        if key.rawValue > 0, offset < UInt64(slots.count) + Self.gap, sparse.isEmpty || sparse[key] == nil {
            insertGrowing(value, at: Int(truncatingIfNeeded: offset))
        } else if let index = sparse[key] {
            overflow[index] = value
        } else {
            sparse[key] = overflow.count
            overflow.append(value)
            storedCount += 1
        }
    }

    /// The record of `key` beside the array, or `nil`.
    @inlinable func sparseRecord(_ key: Key) -> Value? {
        guard !sparse.isEmpty, let index = sparse[key] else { return nil }
        return overflow[index]
    }

    /// Stores a new record at array index `index`, at or past the array's end, and moves any sparse
    /// records the grown array now covers into it.
    @inlinable mutating func insertGrowing(_ value: consuming Value, at index: Int) {
        while slots.count < index { slots.append(nil) }
        slots.append(value)
        storedCount += 1
        guard !sparse.isEmpty else { return }
        for key in sparse.keys where key.rawValue &- 1 < UInt64(slots.count) {
            let index = sparse.removeValue(forKey: key)!
            slots[Int(key.rawValue - 1)] = overflow[index].take()
        }
    }

    /// Whether `key` has a record (without copying it).
    @inlinable
    public func contains(_ key: Key) -> Bool {
        let offset = key.rawValue &- 1
        if offset < UInt64(slots.count) { return slots[Int(truncatingIfNeeded: offset)] != nil }
        // Every number in `sparse` has a record.
        return !sparse.isEmpty && sparse[key] != nil
    }

    /// The numbers with a record, ascending.
    public var keys: [Key] {
        var result: [Key] = []
        result.reserveCapacity(count)
        let zero = Key(rawValue: 0)
        if sparse[zero] != nil { result.append(zero) }
        for offset in 0..<slots.count where slots[offset] != nil {
            result.append(Key(rawValue: UInt64(offset) + 1))
        }
        return result + sparse.keys.filter { $0.rawValue > 0 }.sorted()
    }

    /// The records, by ascending number.
    public var values: Values { Values(table: self) }

    /// The records of a table, by ascending number.
    public struct Values: Sequence {
        let table: NumberedTable

        /// How many records there are.
        public var count: Int { table.count }

        public var underestimatedCount: Int { table.count }

        public func makeIterator() -> some IteratorProtocol<Value> {
            table.lazy.map(\.value).makeIterator()
        }
    }
}

extension NumberedTable: Sequence {
    /// A number and its record.
    public typealias Element = (key: Key, value: Value)

    public var underestimatedCount: Int { count }

    /// Goes through the records by ascending number.
    public func makeIterator() -> Iterator { Iterator(table: self) }

    /// Goes through a table's records by ascending number.
    public struct Iterator: IteratorProtocol {
        let table: NumberedTable
        private var index = 0
        @usableFromInline var sparseKeys: [Key]?
        @usableFromInline var sparseIndex = 0
        private var startedWithZero = false

        init(table: NumberedTable) { self.table = table }

        public mutating func next() -> Element? {
            // Number 0, which the array cannot hold, comes first; the rest of the dictionary comes last.
            if index == 0, !startedWithZero {
                startedWithZero = true
                let zero = Key(rawValue: 0)
                if let value = table.sparseRecord(zero) { return (zero, value) }
            }
            while index < table.slots.count {
                defer { index += 1 }
                if let value = table.slots[index] { return (Key(rawValue: UInt64(index) + 1), value) }
            }
            if sparseKeys == nil { sparseKeys = table.sparse.keys.filter { $0.rawValue > 0 }.sorted() }
            guard let keys = sparseKeys, sparseIndex < keys.count else { return nil }
            defer { sparseIndex += 1 }
            return (keys[sparseIndex], table.sparseRecord(keys[sparseIndex])!)
        }
    }
}

extension NumberedTable: Equatable where Value: Equatable {
    /// Equal when the same numbers have equal records, however stored.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.elementsEqual(rhs) { $0.key == $1.key && $0.value == $1.value }
    }
}

extension NumberedTable: Hashable where Value: Hashable {
    /// Hashes the numbers and records in ascending order, in step with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for (key, value) in self {
            hasher.combine(key)
            hasher.combine(value)
        }
    }
}

extension NumberedTable: Sendable where Value: Sendable {}
