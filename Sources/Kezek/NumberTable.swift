/// Maps 64-bit numbers (bulletin numbers) to dense indices 0, 1, 2, ... without hashing through
/// `Hasher`: a direct table when the numbers lie close together, as sequential numbers do, and an
/// open-addressing table with a multiplicative hash otherwise.
struct NumberTable {
    private enum Storage {
        /// `slots[number - base]` is the index, or -1.
        case direct(base: UInt64, slots: [Int32])
        /// Linear probing over a power-of-two table; `indices[slot]` is -1 for an empty slot.
        case hashed(shift: UInt64, numbers: [UInt64], indices: [Int32])
    }

    private let storage: Storage

    /// The index of each number is its position in `numbers`; a number given twice keeps its first.
    init(_ numbers: [UInt64]) {
        precondition(numbers.count < Int(Int32.max), "too many numbers for 32-bit indices")
        guard let low = numbers.min(), let high = numbers.max() else {
            storage = .direct(base: 0, slots: [])
            return
        }
        if high - low < UInt64(numbers.count) * 4 + 64 {
            var slots = [Int32](repeating: -1, count: Int(high - low) + 1)
            for (index, number) in numbers.enumerated() where slots[Int(number - low)] < 0 {
                slots[Int(number - low)] = Int32(truncatingIfNeeded: index)
            }
            storage = .direct(base: low, slots: slots)
            return
        }
        var bits: UInt64 = 4
        while (1 << bits) < numbers.count * 2 { bits += 1 }
        let shift = 64 - bits
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var indices = [Int32](repeating: -1, count: 1 << bits)
        let mask = (1 << Int(bits)) - 1
        for (index, number) in numbers.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.hash(number) >> shift)
            while indices[slot] >= 0, keys[slot] != number { slot = (slot + 1) & mask }
            if indices[slot] < 0 {
                keys[slot] = number
                indices[slot] = Int32(truncatingIfNeeded: index)
            }
        }
        storage = .hashed(shift: shift, numbers: keys, indices: indices)
    }

    /// The index of `number`, or -1 when it was not given.
    @inline(__always)
    func index(of number: UInt64) -> Int {
        switch storage {
        case .direct(let base, let slots):
            let offset = number &- base
            return offset < UInt64(slots.count) ? Int(slots[Int(truncatingIfNeeded: offset)]) : -1
        case .hashed(let shift, let numbers, let indices):
            let mask = indices.count - 1
            var slot = Int(truncatingIfNeeded: Self.hash(number) >> shift)
            while true {
                let index = indices[slot]
                if index < 0 || numbers[slot] == number { return Int(index) }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private static func hash(_ number: UInt64) -> UInt64 {
        (number ^ (number >> 29)) &* 0x9E37_79B9_7F4A_7C15
    }
}
