/// Values gathered for many bulletins in one flat list, then handed out as one array per bulletin, in
/// the order they were added: a round appends a hundred thousand admissions and pass-overs over tens of
/// thousands of bulletins, and an array per bulletin growing as it goes would allocate and check
/// uniqueness at every step.
struct BulletinLists<Element> {
    private var owners: [Int32] = []
    private var elements: [Element] = []

    /// Empty lists with room for `capacity` elements in all.
    init(reservingCapacity capacity: Int = 0) {
        owners.reserveCapacity(capacity)
        elements.reserveCapacity(capacity)
    }

    /// Adds `element` to the list of bulletin `bulletin`.
    @inline(__always)
    mutating func append(_ element: Element, to bulletin: Int) {
        owners.append(Int32(truncatingIfNeeded: bulletin))
        elements.append(element)
    }

    /// One array per bulletin `0..<count`, each in the order its elements were added.
    func lists(count: Int) -> [[Element]] {
        var start = [Int](repeating: 0, count: count + 1)
        for owner in owners { start[Int(owner) + 1] += 1 }
        for index in 0..<count { start[index + 1] += start[index] }
        var slots = start
        var order = [Int](repeating: 0, count: elements.count)
        for (index, owner) in owners.enumerated() {
            order[slots[Int(owner)]] = index
            slots[Int(owner)] += 1
        }
        return (0..<count).map { bulletin in
            start[bulletin] == start[bulletin + 1]
                ? [] : order[start[bulletin]..<start[bulletin + 1]].map { elements[$0] }
        }
    }
}
