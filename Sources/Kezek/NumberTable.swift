/// Maps 64-bit numbers (bulletin numbers) to a word each (a dense index, with whatever else fits)
/// without hashing through `Hasher`: a direct table when the numbers lie close together, as sequential
/// numbers do, and an open-addressing table with a multiplicative hash otherwise.
struct NumberTable {
    /// The word of a number that was not given.
    static let missing = UInt64.max

    private enum Storage {
        /// `slots[number - base]` is the word, or ``missing``.
        case direct(base: UInt64, slots: [UInt64])
        /// Linear probing over a power-of-two table; `words[slot]` is ``missing`` for an empty slot.
        case hashed(shift: UInt64, numbers: [UInt64], words: [UInt64])
    }

    private let storage: Storage

    /// Each number's word is its position in `numbers`; a number given twice keeps its first.
    init(_ numbers: [UInt64]) {
        self.init(numbers, words: numbers.indices.map { UInt64($0) })
    }

    /// Each number gets the word at its position in `words` (never ``missing``); a number given twice
    /// keeps its first.
    init(_ numbers: [UInt64], words: [UInt64]) {
        precondition(numbers.count == words.count, "one word per number")
        guard let low = numbers.min(), let high = numbers.max() else {
            storage = .direct(base: 0, slots: [])
            return
        }
        if high - low < UInt64(numbers.count) * 4 + 64 {
            var slots = [UInt64](repeating: Self.missing, count: Int(high - low) + 1)
            for (number, word) in zip(numbers, words) where slots[Int(number - low)] == Self.missing {
                slots[Int(number - low)] = word
            }
            storage = .direct(base: low, slots: slots)
            return
        }
        var bits: UInt64 = 4
        while (1 << bits) < numbers.count * 2 { bits += 1 }
        let shift = 64 - bits
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var slots = [UInt64](repeating: Self.missing, count: 1 << bits)
        let mask = (1 << Int(bits)) - 1
        for (number, word) in zip(numbers, words) {
            var slot = Int(truncatingIfNeeded: Self.hash(number) >> shift)
            while slots[slot] != Self.missing, keys[slot] != number { slot = (slot + 1) & mask }
            if slots[slot] == Self.missing {
                keys[slot] = number
                slots[slot] = word
            }
        }
        storage = .hashed(shift: shift, numbers: keys, words: slots)
    }

    /// The word of `number`, or ``missing``.
    @inline(__always)
    func word(of number: UInt64) -> UInt64 {
        switch storage {
        case .direct(let base, let slots):
            let offset = number &- base
            return offset < UInt64(slots.count) ? slots[Int(truncatingIfNeeded: offset)] : Self.missing
        case .hashed(let shift, let numbers, let words):
            let mask = words.count - 1
            var slot = Int(truncatingIfNeeded: Self.hash(number) >> shift)
            while true {
                let word = words[slot]
                if word == Self.missing || numbers[slot] == number { return word }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The index of `number` (for a table made from numbers alone), or -1 when it was not given.
    func index(of number: UInt64) -> Int {
        let word = word(of: number)
        return word == Self.missing ? -1 : Int(word)
    }

    @inline(__always)
    private static func hash(_ number: UInt64) -> UInt64 {
        (number ^ (number >> 29)) &* 0x9E37_79B9_7F4A_7C15
    }
}
