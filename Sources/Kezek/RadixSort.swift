/// Least-significant-digit radix sorts of 64-bit keys, 11 bits a pass: linear in the count, for the
/// million-element sorts of an allocation round (queue order, the applicants of a tick).
enum RadixSort {
    private static let digitBits = 11
    private static let bucketCount = 1 << digitBits

    /// The indices of `keys` ordered by key; equal keys keep their index order (the sort is stable).
    static func order(of keys: [UInt64]) -> [Int32] {
        precondition(keys.count < Int(Int32.max), "too many keys for 32-bit indices")
        var sortedKeys = keys
        var indices = (0..<keys.count).map { Int32(truncatingIfNeeded: $0) }
        sort(&sortedKeys, carrying: &indices)
        return indices
    }

    /// `keys` in ascending order.
    static func sorted(_ keys: [UInt64]) -> [UInt64] {
        var sortedKeys = keys
        var none: [Int32] = []
        sort(&sortedKeys, carrying: &none)
        return sortedKeys
    }

    /// Sorts `keys` in place, moving `values` (empty, or one per key) along.
    private static func sort(_ keys: inout [UInt64], carrying values: inout [Int32]) {
        let count = keys.count
        guard count > 1 else { return }
        let hasValues = !values.isEmpty
        let significant = keys.reduce(0, |)
        var otherKeys = [UInt64](repeating: 0, count: count)
        var otherValues = [Int32](repeating: 0, count: hasValues ? count : 0)
        var counts = [Int](repeating: 0, count: bucketCount)
        var shift: UInt64 = 0
        while shift < 64, significant >> shift != 0 {
            let moved = keys.withUnsafeBufferPointer { source in
                counts.withUnsafeMutableBufferPointer { counts in
                    pass(
                        source, shift: shift, counts: counts, into: &otherKeys, values: hasValues ? values : nil,
                        movedValues: &otherValues)
                }
            }
            if moved {
                swap(&keys, &otherKeys)
                if hasValues { swap(&values, &otherValues) }
            }
            shift += UInt64(digitBits)
        }
    }

    /// One pass on the digit at `shift`; returns `false` (and writes nothing) when every key has the
    /// same digit there.
    private static func pass(
        _ keys: UnsafeBufferPointer<UInt64>, shift: UInt64, counts: UnsafeMutableBufferPointer<Int>,
        into target: inout [UInt64], values: [Int32]?, movedValues: inout [Int32]
    ) -> Bool {
        let mask = UInt64(bucketCount - 1)
        counts.update(repeating: 0)
        for key in keys {
            counts[Int(truncatingIfNeeded: (key >> shift) & mask)] &+= 1
        }
        if counts[Int(truncatingIfNeeded: (keys[0] >> shift) & mask)] == keys.count { return false }
        var total = 0
        for bucket in 0..<bucketCount {
            let size = counts[bucket]
            counts[bucket] = total
            total &+= size
        }
        target.withUnsafeMutableBufferPointer { target in
            if let values {
                values.withUnsafeBufferPointer { values in
                    movedValues.withUnsafeMutableBufferPointer { moved in
                        for index in 0..<keys.count {
                            let key = keys[index]
                            let bucket = Int(truncatingIfNeeded: (key >> shift) & mask)
                            let slot = counts[bucket]
                            counts[bucket] = slot &+ 1
                            target[slot] = key
                            moved[slot] = values[index]
                        }
                    }
                }
            } else {
                for key in keys {
                    let bucket = Int(truncatingIfNeeded: (key >> shift) & mask)
                    let slot = counts[bucket]
                    counts[bucket] = slot &+ 1
                    target[slot] = key
                }
            }
        }
        return true
    }
}
