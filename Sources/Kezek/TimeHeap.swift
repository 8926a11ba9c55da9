/// A binary min-heap of (time, number) pairs: the deadline index's building block. Entries are never
/// updated in place; a changed deadline is pushed anew and the old entry is dropped once found stale.
struct TimeHeap: Sendable {
    /// Milliseconds since the epoch, heap-ordered together with `numbers`.
    private(set) var times: [Int64] = []
    /// The record numbers.
    private(set) var numbers: [UInt64] = []

    /// How many entries there are (stale ones included).
    var count: Int { times.count }

    /// No entries.
    init() {}

    /// The heap whose arrays ``times`` and ``numbers`` were these (the state's image); `nil` unless they
    /// have the same length and are in heap order.
    init?(times: [Int64], numbers: [UInt64]) {
        guard times.count == numbers.count else { return nil }
        self.times = times
        self.numbers = numbers
        for child in times.indices.dropFirst() where precedes(child, (child - 1) / 2) { return nil }
    }

    /// The heap of these entries, given in any order (`times[i]` with `numbers[i]`); O(n).
    init(unordered times: [Int64], numbers: [UInt64]) {
        precondition(times.count == numbers.count, "a time for every number")
        self.times = times
        self.numbers = numbers
        var parent = times.count / 2
        while parent > 0 {
            parent -= 1
            siftDown(from: parent)
        }
    }

    /// The earliest entry.
    var top: (time: Int64, number: UInt64)? { times.isEmpty ? nil : (times[0], numbers[0]) }

    private func precedes(_ a: Int, _ b: Int) -> Bool { (times[a], numbers[a]) < (times[b], numbers[b]) }

    private mutating func swapAt(_ a: Int, _ b: Int) {
        times.swapAt(a, b)
        numbers.swapAt(a, b)
    }

    /// Adds an entry; O(log n).
    mutating func push(time: Int64, number: UInt64) {
        times.append(time)
        numbers.append(number)
        var child = times.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(child, parent) else { break }
            swapAt(child, parent)
            child = parent
        }
    }

    /// Removes the earliest entry; O(log n).
    mutating func pop() {
        guard !times.isEmpty else { return }
        swapAt(0, times.count - 1)
        times.removeLast()
        numbers.removeLast()
        siftDown(from: 0)
    }

    /// Moves the entry at `start` down until neither child precedes it.
    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < times.count else { break }
            var smallest = left
            if left + 1 < times.count, precedes(left + 1, left) { smallest = left + 1 }
            guard precedes(smallest, parent) else { break }
            swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// Every entry whose time satisfies `isDue`, which must hold for a time if it holds for any later
    /// one (a deadline computed monotonically from the time): only those entries and their children are
    /// visited, O(k) for k entries due.
    func entries(where isDue: (Int64) -> Bool) -> [(time: Int64, number: UInt64)] {
        var found: [(time: Int64, number: UInt64)] = []
        var stack: [Int] = times.isEmpty ? [] : [0]
        while let index = stack.popLast() {
            guard isDue(times[index]) else { continue }
            found.append((times[index], numbers[index]))
            let left = 2 * index + 1
            if left < times.count { stack.append(left) }
            if left + 1 < times.count { stack.append(left + 1) }
        }
        return found
    }
}
