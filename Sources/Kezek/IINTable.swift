/// Records keyed by IIN (applicants, children): the keys and records in two dense arrays, found through
/// an open-addressing index of 32-bit offsets hashed by a multiply–shift mix of the IIN's number.
///
/// Against a `Dictionary` it replaces, a lookup costs a few multiplications instead of a SipHash, the
/// index takes 8 bytes per record at most, and the records sit side by side in insertion order. Reads
/// like that dictionary: `table[iin]` is the record or `nil`, `table[iin]?.field = value` changes a
/// record in place, setting `nil` removes it. Iteration, ``keys`` and ``values`` go in insertion order
/// (a removed record leaves its place empty; inserting its IIN again fills the same place).
public struct IINTable<Value> {
    /// `keys[i]` is the IIN of `records[i]`.
    @usableFromInline var keyList: [IIN] = []
    /// `records[i]` is the record of `keys[i]`, or `nil` when it was removed.
    @usableFromInline var records = DenseStorage<Value?>()
    /// Open addressing with linear probing: `offset + 1` into the dense arrays, 0 for an empty slot.
    /// Its size is a power of two, at least twice the number of keys.
    @usableFromInline var slots: [UInt32] = []
    @usableFromInline var storedCount = 0
    /// How many IINs have a record.
    @inlinable public var count: Int { storedCount }

    /// An empty table.
    @inlinable public init() {}

    /// Whether no IIN has a record.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Makes room for `count` records without growing.
    @inlinable public mutating func reserveCapacity(_ count: Int) {
        keyList.reserveCapacity(count)
        records.reserveCapacity(count)
        if Self.slotCount(for: count) > slots.count { rehash(slotCount: Self.slotCount(for: count)) }
    }

    /// The record of `key`, or `nil`; setting `nil` removes it.
    @inlinable public subscript(key: IIN) -> Value? {
        // A read yields the stored record in place, so that `table[iin]?.field` copies only the field.
        _read {
            if let offset = offset(of: key) {
                yield records[offset]
            } else {
                yield nil
            }
        }
        _modify {
            if let offset = offset(of: key) {
                let had = records[offset] != nil
                yield &records[offset]
                storedCount += (records[offset] != nil ? 1 : 0) - (had ? 1 : 0)
            } else {
                var value: Value? = nil
                yield &value
                if let value { append(key, value) }
            }
        }
    }

    /// Whether `key` has a record (without copying it).
    @inlinable
    public func contains(_ key: IIN) -> Bool {
        guard let offset = offset(of: key) else { return false }
        return records[offset] != nil
    }

    /// The IINs with a record, in insertion order.
    public var keys: [IIN] {
        guard count < keyList.count else { return keyList }
        return keyList.indices.compactMap { records[$0] == nil ? nil : keyList[$0] }
    }

    /// The records, in insertion order.
    public var values: [Value] {
        (0..<records.count).compactMap { records[$0] }
    }

    // MARK: The index

    /// The dense offset of `key`, if it was ever inserted.
    @inlinable func offset(of key: IIN) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Self.home(of: key, mask: mask)
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let offset = Int(entry - 1)
            if keyList[offset].number == key.number { return offset }
            slot = (slot + 1) & mask
        }
    }

    @inlinable mutating func append(_ key: IIN, _ value: Value) {
        precondition(keyList.count < Int(UInt32.max - 1), "an IIN table holds fewer than 2^32 - 1 records")
        if Self.slotCount(for: keyList.count + 1) > slots.count {
            rehash(slotCount: Self.slotCount(for: Swift.max(keyList.count + 1, keyList.count * 2)))
        }
        keyList.append(key)
        records.append(value)
        storedCount += 1
        place(offset: keyList.count - 1)
    }

    /// Puts the dense offset `offset` into the index (its key is not there yet).
    @inlinable mutating func place(offset: Int) {
        let mask = slots.count - 1
        var slot = Self.home(of: keyList[offset], mask: mask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(offset + 1)
    }

    @inlinable mutating func rehash(slotCount: Int) {
        slots = [UInt32](repeating: 0, count: slotCount)
        for offset in keyList.indices { place(offset: offset) }
    }

    /// The smallest power of two at least twice `count` (and at least 16).
    @inlinable static func slotCount(for count: Int) -> Int {
        var size = 16
        while size < count * 2 { size <<= 1 }
        return size
    }

    /// Where probing for `key` starts: the IIN's number mixed (MurmurHash3's finalizer), masked.
    @inlinable static func home(of key: IIN, mask: Int) -> Int {
        var x = key.number
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return Int(truncatingIfNeeded: x) & mask
    }
}

extension IINTable: Sequence {
    /// An IIN and its record.
    public typealias Element = (key: IIN, value: Value)

    public var underestimatedCount: Int { count }

    /// Goes through the records in insertion order.
    public func makeIterator() -> Iterator { Iterator(table: self) }

    /// Goes through a table's records in insertion order.
    public struct Iterator: IteratorProtocol {
        let table: IINTable
        private var offset = 0

        init(table: IINTable) { self.table = table }

        public mutating func next() -> Element? {
            while offset < table.records.count {
                defer { offset += 1 }
                if let value = table.records[offset] { return (table.keyList[offset], value) }
            }
            return nil
        }
    }
}

extension IINTable: Equatable where Value: Equatable {
    /// Equal when the same IINs have equal records, whatever the order they came in.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.allSatisfy { rhs[$0.key] == $0.value }
    }
}

extension IINTable: Hashable where Value: Hashable {
    /// Hashes the records independently of their order, in step with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in self {
            var element = Hasher()
            element.combine(key)
            element.combine(value)
            combined ^= element.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

extension IINTable: Sendable where Value: Sendable {}
