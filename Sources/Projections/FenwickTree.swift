/// A Fenwick (binary indexed) tree of small counts: prefix sums, point updates and "the k-th one" in
/// O(log n), appending in O(log n), building in O(n). Four bytes a slot.
struct FenwickTree: Equatable, Sendable {
    /// 1-based: `nodes[i]` holds the sum of the slots `(i - lowbit(i), i]`; `nodes[0]` is unused.
    private var nodes: [Int32] = [0]

    /// The number of slots.
    var count: Int { nodes.count - 1 }

    /// An empty tree.
    init() {}

    /// A tree over `values` (slot `i` holds `values[i]`), built in O(n).
    init(_ values: some Sequence<Int32>) {
        nodes = [0] + values
        let n = count
        var index = 1
        while index <= n {
            let parent = index + (index & -index)
            if parent <= n { nodes[parent] &+= nodes[index] }
            index += 1
        }
    }

    /// Appends a slot holding `value`.
    mutating func append(_ value: Int32) {
        let index = nodes.count
        let lowest = index - (index & -index)
        var sum = value
        var child = index - 1
        while child > lowest {
            sum &+= nodes[child]
            child -= child & -child
        }
        nodes.append(sum)
    }

    /// Adds `delta` to the slot `slot` (0-based).
    mutating func add(_ delta: Int32, at slot: Int) {
        var index = slot + 1
        let n = nodes.count
        while index < n {
            nodes[index] &+= delta
            index += index & -index
        }
    }

    /// The sum of the slots `0..<end`.
    func prefixSum(_ end: Int) -> Int {
        var index = end
        var sum = 0
        nodes.withUnsafeBufferPointer { nodes in
            while index > 0 {
                sum += Int(nodes[index])
                index -= index & -index
            }
        }
        return sum
    }

    /// The 0-based slot where the prefix sum first reaches `k` (1-based), or `nil` when the total is less.
    /// Counts must be 0 or 1 for this to name the k-th set slot.
    func slot(reaching k: Int) -> Int? {
        guard k > 0 else { return nil }
        let n = count
        var position = 0
        var remaining = k
        var step = 1
        while step <= n / 2 { step <<= 1 }
        while step > 0 {
            let next = position + step
            if next <= n, Int(nodes[next]) < remaining {
                position = next
                remaining -= Int(nodes[next])
            }
            step >>= 1
        }
        return position < n ? position : nil
    }
}
