import Testing

@testable import Kezek

/// The record tables' storage: copied on write like an array, elements released exactly once, reads
/// and changes in place.
@Suite struct DenseStorageTests {
    final class Tracked {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test("appends past many doublings keep every element in order")
    func growth() {
        var storage = DenseStorage<Int>()
        for value in 0..<10_000 { storage.append(value * 3) }
        #expect(storage.count == 10_000)
        #expect(storage.capacity >= 10_000)
        #expect((0..<storage.count).allSatisfy { storage[$0] == $0 * 3 })
        var reserved = DenseStorage<Int>()
        reserved.reserveCapacity(500)
        #expect(reserved.capacity >= 500 && reserved.count == 0)
    }

    /// Past a few megabytes the block has mapped pages of its own and `realloc` remaps them; the elements
    /// (here holding references) must come through every growth whole, and a copy taken on the way must
    /// keep its own.
    @Test("big blocks grow in place of a copy and keep every element and every copy")
    func bigGrowth() {
        var storage = DenseStorage<[Int]>()
        var copy = DenseStorage<[Int]>()
        for value in 0..<600_000 {
            storage.append([value, -value])
            if value == 300_000 { copy = storage }
        }
        #expect(storage.count == 600_000 && copy.count == 300_001)
        #expect((0..<storage.count).allSatisfy { storage[$0] == [$0, -$0] })
        #expect((0..<copy.count).allSatisfy { copy[$0] == [$0, -$0] })
        storage[10].append(1)
        #expect(copy[10] == [10, -10])
        var filled = DenseStorage<Int>()
        #expect(filled.fill(count: 0) { _ in true })
        #expect(filled.count == 0)
    }

    @Test("a copy is independent of the original once either changes")
    func copyOnWrite() {
        var original = DenseStorage<[Int]>()
        for value in 0..<100 { original.append([value]) }
        var copy = original
        copy[5].append(99)
        copy.append([1_000])
        #expect(original[5] == [5])
        #expect(original.count == 100)
        #expect(copy[5] == [5, 99])
        #expect(copy.count == 101)
        original[7] = []
        #expect(copy[7] == [7])
    }

    @Test("every element is released when the last copy goes, and only then")
    func releasesElements() {
        weak var first: Tracked?
        weak var grown: Tracked?
        do {
            var storage = DenseStorage<Tracked?>()
            let tracked = Tracked(1)
            first = tracked
            storage.append(tracked)
            for value in 0..<40 { storage.append(Tracked(value)) }
            grown = storage[40]
            var copy = storage
            copy[0] = nil
            #expect(first != nil, "still held by the original")
            storage[0] = nil
            _ = copy
        }
        #expect(first == nil)
        #expect(grown == nil)
    }

    @Test("a change through the subscript happens in place when the storage is not shared")
    func changesInPlace() {
        var storage = DenseStorage<[Int]>()
        var element: [Int] = []
        element.reserveCapacity(64)
        element.append(0)
        storage.append(element)
        element = []
        let before = storage[0].withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        for value in 1..<50 { storage[0].append(value) }
        let after = storage[0].withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        #expect(before == after)
        #expect(storage[0] == Array(0..<50))
    }
}
