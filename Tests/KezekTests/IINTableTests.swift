import KezekDomainTestSupport
import Testing

@testable import Kezek

/// The IIN table behaves as the dictionary it replaces, whatever it is given, and keeps insertion order.
@Suite struct IINTableTests {
    /// `count` distinct IINs, as the registry hands them out (close numbers share most digits).
    static func iins(_ count: Int) -> [IIN] {
        (0..<count).map { IIN(validatedNumber: 200_101_300_000 + UInt64($0) * 7) }
    }

    @Test("random sets, changes, updates and removals match a dictionary", arguments: [1, 2, 3, 4] as [UInt64])
    func matchesDictionary(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let pool = Self.iins(3_000)
        var table = IINTable<Int>()
        var reference: [IIN: Int] = [:]
        var order: [IIN] = []
        for step in 0..<20_000 {
            let key = pool[Int.random(in: 0..<(200 + step / 8), using: &g) % pool.count]
            switch Int.random(in: 0..<10, using: &g) {
            case 0..<5:
                if !order.contains(key) { order.append(key) }
                table[key] = step
                reference[key] = step
            case 5..<7:
                table[key]? += 1
                reference[key]? += 1
            case 7:
                // The in-place change: the new value comes back, nothing is added for a key without one.
                let changed = table.update(key) { value in
                    value += 2
                    return value
                }
                reference[key]? += 2
                #expect(changed == reference[key])
            default:
                table[key] = nil
                reference[key] = nil
            }
            #expect(table[key] == reference[key])
        }
        #expect(table.count == reference.count)
        #expect(table.keys == order.filter { reference[$0] != nil })
        #expect(table.values == table.keys.map { reference[$0]! })
        #expect(table.map(\.key) == table.keys)
        for key in pool { #expect(table[key] == reference[key]) }
    }

    @Test("growing past many sizes keeps every record findable; reserving first gives the same table")
    func growth() {
        let keys = Self.iins(70_000)
        var grown = IINTable<UInt64>()
        var reserved = IINTable<UInt64>()
        reserved.reserveCapacity(keys.count)
        for key in keys {
            grown[key] = key.number
            reserved[key] = key.number
        }
        #expect(grown.count == keys.count)
        #expect(keys.allSatisfy { grown[$0] == $0.number && reserved[$0] == $0.number })
        #expect(grown == reserved)
        #expect(grown[IIN(validatedNumber: 100_000_000_001)] == nil)
    }

    @Test("records appended with the index deferred and then rebuilt are found as if inserted one by one")
    func deferredIndex() {
        let keys = Self.iins(40_000)
        var inserted = IINTable<UInt64>()
        var deferred = IINTable<UInt64>()
        var refused = 0
        for key in keys {
            inserted[key] = key.number
            if !deferred.appendAscendingDeferringIndex(key, key.number) { refused += 1 }
        }
        #expect(refused == 0)
        // A key not above the last one appended is refused and adds nothing.
        let earlierAdded = deferred.appendAscendingDeferringIndex(keys[5], 0)
        let repeatedAdded = deferred.appendAscendingDeferringIndex(keys[keys.count - 1], 0)
        #expect(!earlierAdded && !repeatedAdded)
        #expect(deferred.count == keys.count)
        deferred.rebuildIndex()
        #expect(deferred == inserted)
        #expect(keys.allSatisfy { deferred[$0] == $0.number })
        #expect(deferred.keys == keys)
        // The rebuilt table takes changes and new records as any other.
        let extra = IIN(validatedNumber: 100_000_000_001)
        deferred[extra] = 1
        deferred[keys[3]] = nil
        #expect(deferred[extra] == 1 && deferred[keys[3]] == nil && deferred.count == keys.count)
    }

    @Test("each slot keeps its offset below the top bits of its key's hash; an image's slot naming no place is refused")
    func taggedSlots() throws {
        let keys = Self.iins(5_000)
        var table = IINTable<UInt64>()
        for key in keys { table[key] = key.number }
        let bits = IINTable<UInt64>.offsetBits(slotCount: table.slots.count)
        let offsets = IINTable<UInt64>.offsetMask(bits)
        #expect(table.slots.count == 16_384 && bits == 14 && offsets == 0x3FFF)
        var tagged = 0
        for slot in table.slots where slot != 0 {
            let offset = Int(slot & offsets) - 1
            let hash = IINTable<UInt64>.hash(of: table.entries[offset].key)
            #expect(slot >> UInt32(bits) == UInt32(truncatingIfNeeded: hash >> UInt64(32 + bits)))
            if slot >> UInt32(bits) != 0 { tagged += 1 }
        }
        #expect(tagged > keys.count * 9 / 10)
        // A key whose home slot is taken by another with the same tag is still told apart by its number.
        #expect(keys.allSatisfy { table[$0] == $0.number })
        #expect(table[IIN(validatedNumber: 100_000_000_001)] == nil)
        // An image whose index has a slot with a tag and no offset cannot be adopted.
        var writer = BinaryWriter()
        table.writeImage(into: &writer) { $0.write($1) }
        let read = try writer.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            return try IINTable<UInt64>(image: &reader) { reader throws(BinaryDecodingError) in
                try reader.readUInt64()
            }
        }
        #expect(read == table && read.slots == table.slots)
        var damaged = table.slots
        let empty = try #require(damaged.firstIndex(of: 0))
        damaged[empty] = 1 << UInt32(bits)
        var copy = IINTable<UInt64>()
        for key in keys { copy.appendPlace(key, key.number) }
        let adoptedDamaged = copy.adoptIndex(damaged)
        #expect(!adoptedDamaged)
        let adopted = copy.adoptIndex(table.slots)
        #expect(adopted)
        #expect(copy == table)
    }

    @Test("tables with the same records are equal and hash alike, whatever order they were filled in")
    func equalityIgnoresOrder() {
        let keys = Self.iins(50)
        var forwards = IINTable<String>()
        for key in keys { forwards[key] = key.rawValue }
        var backwards = IINTable<String>()
        for key in keys.reversed() { backwards[key] = key.rawValue }
        #expect(forwards == backwards)
        #expect(forwards.hashValue == backwards.hashValue)
        backwards[keys[9]] = "nine"
        #expect(forwards != backwards)
        backwards[keys[9]] = nil
        #expect(forwards != backwards)
        #expect(backwards.count == keys.count - 1)
        backwards[keys[9]] = keys[9].rawValue
        #expect(forwards == backwards)
        // Filled again, the removed IIN takes its old place.
        #expect(backwards.keys == keys.reversed())
    }

    @Test("changing a record through the subscript changes it in place, without a copy")
    func changesInPlace() {
        var table = IINTable<[Int]>()
        let key = Self.iins(1)[0]
        var start: [Int] = []
        start.reserveCapacity(100)
        start.append(1)
        table[key] = start
        start = []
        let before = table[key]?.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        for value in 2...50 { table[key]?.append(value) }
        let after = table[key]?.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        #expect(before == after)
        #expect(table[key] == Array(1...50))
        // `update` lends the same storage.
        table.update(key) { $0.append(51) }
        let updated = table[key]?.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        #expect(updated == before)
        #expect(table[key] == Array(1...51))
    }
}
