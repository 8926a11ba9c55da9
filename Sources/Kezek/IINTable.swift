/// Records keyed by IIN (applicants, children): each key beside its record in one dense array, found through
/// an open-addressing index of 32-bit offsets hashed by a multiply–shift mix of the IIN's number, each
/// offset tagged with bits of the hash so that a probe passes other keys without reading their records.
///
/// Against a `Dictionary` it replaces, a lookup costs a few multiplications instead of a SipHash, the
/// index takes 8 bytes per record at most, and each record sits beside its key in insertion order. Reads
/// like that dictionary: `table[iin]` is the record or `nil`, `table[iin]?.field = value` changes a
/// record in place, setting `nil` removes it. Iteration, ``keys`` and ``values`` go in insertion order
/// (a removed record leaves its place empty; inserting its IIN again fills the same place).
public struct IINTable<Value> {
    /// The IINs and their records (`nil` once removed), in insertion order: a lookup reads the key and
    /// the record from the same place.
    @usableFromInline var entries = DenseStorage<Entry>()
    /// Open addressing with linear probing, 0 for an empty slot. A slot holds `offset + 1` into `entries`
    /// in its low ``offsetBits(slotCount:)`` bits and, above them, a tag: the top bits of the key's
    /// ``hash(of:)`` (``slot(offset:hash:offsetBits:)``). Its size is a power of two, at least twice the
    /// number of places, so the offsets fit beside the tag.
    @usableFromInline var slots: [UInt32] = []
    @usableFromInline var storedCount = 0
    /// One `nil`, which a look-up of an IIN without a record lends.
    @usableFromInline var none = DenseStorage<Value?>(nilFirst: ())
    /// How many IINs have a record.
    @inlinable public var count: Int { storedCount }

    /// An empty table.
    @inlinable public init() {}

    /// Whether no IIN has a record.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Makes room for `count` records without growing.
    @inlinable public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
        if Self.slotCount(for: count) > slots.count { rehash(slotCount: Self.slotCount(for: count)) }
    }

    /// The record of `key`, or `nil`; setting `nil` removes it.
    @inlinable public subscript(key: IIN) -> Value? {
        // A read lends the stored record at its address, so that `table[iin]?.field` copies only the
        // field (a coroutine with a yield on each path would copy the whole record out first).
        unsafeAddress {
            guard let offset = offset(of: key) else { return none.address(0) }
            let entry = UnsafeRawPointer(entries.address(offset))
            return (entry + MemoryLayout<Entry>.offset(of: \Entry.value)!).assumingMemoryBound(to: Value?.self)
        }
        set {
            if let offset = offset(of: key) {
                let had = entries[offset].value != nil
                // Counted before the value moves in, so that it is moved rather than copied.
                storedCount += (newValue != nil ? 1 : 0) - (had ? 1 : 0)
                entries[offset].value = newValue
            } else if let newValue {
                append(key, newValue)
            }
        }
        _modify {
            if let offset = offset(of: key) {
                let had = entries[offset].value != nil
                yield &entries[offset].value
                storedCount += (entries[offset].value != nil ? 1 : 0) - (had ? 1 : 0)
            } else {
                var value: Value? = nil
                yield &value
                if let value = value.take() { append(key, value) }
            }
        }
    }

    /// Changes the record of `key` in place and returns what `change` returns, or returns `nil` without
    /// calling `change` when `key` has no record. Unlike `table[key]?.field = value`, which goes through
    /// the subscript's coroutine (a frame allocated for it and the record copied out to test its
    /// presence), this reaches the record through its address alone: the way for the folds to change
    /// fields, and one look-up for several fields.
    @inlinable
    public mutating func update<Result>(_ key: IIN, _ change: (inout Value) -> Result) -> Result? {
        guard let offset = offset(of: key), entries[offset].value != nil else { return nil }
        return change(&entries[offset].value!)
    }

    /// Whether `key` has a record (without copying it).
    @inlinable
    public func contains(_ key: IIN) -> Bool {
        guard let offset = offset(of: key) else { return false }
        return entries[offset].value != nil
    }

    /// Adds the record of `key` when `key` is above the IIN appended last, without putting it in the
    /// index: lookups do not find it until ``rebuildIndex()``. Returns `false`, adding nothing, when
    /// `key` is not above it. For reading back a table written in ascending IIN order: the order makes
    /// every key new without a lookup, and the index is then filled in one sweep.
    @inlinable
    public mutating func appendAscendingDeferringIndex(_ key: IIN, _ value: Value) -> Bool {
        let count = entries.count
        if count > 0, entries[count - 1].key.number >= key.number { return false }
        precondition(count < Int(UInt32.max - 1), "an IIN table holds fewer than 2^32 - 1 records")
        entries.append(Entry(key: key, value: value))
        storedCount += 1
        return true
    }

    /// Builds the index afresh from the records (after ``appendAscendingDeferringIndex(_:_:)``).
    public mutating func rebuildIndex() {
        rehash(slotCount: Self.slotCount(for: entries.count))
    }

    /// The IINs of a list linked through the records, oldest first: `last`, then each record's
    /// `previous` link in turn (a link to an IIN without a record ends the list).
    public func list(endingAt last: IIN?, previous: (Value) -> IIN?) -> [IIN] {
        var result: [IIN] = []
        var next = last
        while let key = next {
            result.append(key)
            next = self[key].flatMap(previous)
        }
        return result.reversed()
    }

    /// The IINs with a record, in insertion order.
    public var keys: [IIN] {
        (0..<entries.count).compactMap { entries[$0].value == nil ? nil : entries[$0].key }
    }

    /// The records, in insertion order.
    public var values: [Value] {
        (0..<entries.count).compactMap { entries[$0].value }
    }

    // MARK: The index

    /// The dense offset of `key`, if it was ever inserted.
    @inlinable func offset(of key: IIN) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        let bits = Self.offsetBits(slotCount: slots.count)
        let offsets = Self.offsetMask(bits)
        let hash = Self.hash(of: key)
        let tag = Self.tag(of: hash, offsetBits: bits)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            // Only a slot with the key's tag is worth reading the entry of.
            if entry & ~offsets == tag {
                let offset = Int(entry & offsets) - 1
                if entries[offset].key.number == key.number { return offset }
            }
            slot = (slot + 1) & mask
        }
    }

    @inlinable mutating func append(_ key: IIN, _ value: consuming Value) {
        let used = entries.count
        precondition(used < Int(UInt32.max - 1), "an IIN table holds fewer than 2^32 - 1 records")
        if Self.slotCount(for: used + 1) > slots.count {
            rehash(slotCount: Self.slotCount(for: Swift.max(used + 1, used * 2)))
        }
        entries.append(Entry(key: key, value: value))
        storedCount += 1
        place(offset: entries.count - 1)
    }

    /// Puts the dense offset `offset` into the index (its key is not there yet).
    @inlinable mutating func place(offset: Int) {
        let mask = slots.count - 1
        let hash = Self.hash(of: entries[offset].key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Self.slot(offset: offset, hash: hash, offsetBits: Self.offsetBits(slotCount: slots.count))
    }

    /// A new index of `slotCount` slots, filled in the order of the records' home slots, so that the
    /// writes sweep the index once instead of landing at random.
    @inlinable mutating func rehash(slotCount: Int) {
        slots = [UInt32](repeating: 0, count: slotCount)
        let mask = UInt64(slotCount - 1)
        let homes = (0..<entries.count).map { Self.hash(of: entries[$0].key) & mask }
        for offset in IINTableIndexOrder.order(of: homes) { place(offset: Int(offset)) }
    }

    /// The smallest power of two at least twice `count` (and at least 16).
    @inlinable static func slotCount(for count: Int) -> Int {
        var size = 16
        while size < count * 2 { size <<= 1 }
        return size
    }

    /// How many low bits of a slot hold its offset in an index of `slotCount` slots (a power of two):
    /// enough for every offset of at most half as many places, the rest are the tag's.
    @inlinable static func offsetBits(slotCount: Int) -> Int { Swift.min(slotCount.trailingZeroBitCount, 32) }

    /// The low `bits` bits set: where a slot keeps its offset.
    @inlinable static func offsetMask(_ bits: Int) -> UInt32 { UInt32(truncatingIfNeeded: (UInt64(1) << bits) &- 1) }

    /// The tag of a key with `hash` in an index whose slots keep their offsets in `offsetBits` bits: the
    /// top `32 - offsetBits` bits of `hash`, shifted above the offset.
    @inlinable static func tag(of hash: UInt64, offsetBits: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> UInt64(32 + offsetBits)) << UInt32(offsetBits)
    }

    /// The slot for dense offset `offset` of a key with `hash`: `offset + 1` below the tag.
    @inlinable static func slot(offset: Int, hash: UInt64, offsetBits: Int) -> UInt32 {
        tag(of: hash, offsetBits: offsetBits) | UInt32(offset + 1)
    }

    /// The IIN's number mixed (MurmurHash3's finalizer): its low bits are where probing starts, its top
    /// bits the tag.
    @inlinable static func hash(of key: IIN) -> UInt64 {
        var x = key.number
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}

extension IINTable {
    /// An IIN and its record, side by side.
    @usableFromInline
    struct Entry {
        @usableFromInline var key: IIN
        @usableFromInline var value: Value?

        @inlinable init(key: IIN, value: Value?) {
            self.key = key
            self.value = value
        }
    }
}

/// The order in which a rebuilt index is filled (outside the generic table, so that the table's own
/// code stays specialized wherever it is used).
@usableFromInline
enum IINTableIndexOrder {
    /// The offsets of `homes`, ordered by home slot.
    @usableFromInline
    static func order(of homes: [UInt64]) -> [Int32] { RadixSort.order(of: homes) }
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
            while offset < table.entries.count {
                defer { offset += 1 }
                if let value = table.entries[offset].value { return (table.entries[offset].key, value) }
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
extension IINTable.Entry: Sendable where Value: Sendable {}
