/// The kindergarten ids that applications ranked, each kept once and numbered in the order first named,
/// so that an application keeps its choices as four 32-bit numbers instead of an array of strings.
///
/// The order depends only on the order of the events folded: the same log always gives the same
/// numbers, and the state's canonical form writes the ids in this order.
public struct KindergartenIDTable: Sendable {
    /// The ids, by number.
    public private(set) var ids: [KindergartenID] = []
    /// Open addressing with linear probing over ``ids``, 0 for an empty slot: a slot holds an id's
    /// number + 1 in its low 32 bits and the top 32 bits of the id's hash above them, so that a probe
    /// compares only ids whose hash agrees. Its size is a power of two, at least twice the ids.
    private var slots: [UInt64] = []

    /// No ids.
    public init() {}

    /// How many ids were named.
    public var count: Int { ids.count }

    /// The id numbered `number`.
    public subscript(number: UInt32) -> KindergartenID { ids[Int(number)] }

    /// The number of `id`, given it the first time it is named.
    mutating func intern(_ id: KindergartenID) -> UInt32 {
        let hash = Self.hash(of: id)
        if let number = number(of: id, hash: hash) { return number }
        precondition(ids.count < Int(UInt32.max - 1), "fewer than 2^32 - 1 kindergarten ids")
        let number = UInt32(ids.count)
        ids.append(id)
        if slots.count < ids.count * 2 {
            slots = [UInt64](repeating: 0, count: Swift.max(16, slots.count * 2))
            for (index, id) in ids.enumerated() { place(UInt32(index), hash: Self.hash(of: id)) }
        } else {
            place(number, hash: hash)
        }
        return number
    }

    /// Appends the next id of a canonical form; `false` when it was already there.
    mutating func appendDecoded(_ id: KindergartenID) -> Bool {
        let known = count
        _ = intern(id)
        return count > known
    }

    /// The number of `id`, whose hash is `hash`, if it has one.
    private func number(of id: KindergartenID, hash: UInt64) -> UInt32? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        let tag = hash & Self.tagMask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let number = UInt32(truncatingIfNeeded: entry) &- 1
            if entry & Self.tagMask == tag, ids[Int(number)] == id { return number }
            slot = (slot + 1) & mask
        }
    }

    /// Puts `number`, of an id with `hash`, into the index (the id is not there yet).
    private mutating func place(_ number: UInt32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = hash & Self.tagMask | UInt64(number + 1)
    }

    /// The top 32 bits: a slot's tag.
    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// XXH64 of the id's UTF-8 bytes, seeded afresh in each process (like `Hasher`), so that no id list
    /// can be chosen to collide. Only the lookup depends on it: the numbers follow the order ids came in.
    private static func hash(of id: KindergartenID) -> UInt64 {
        var text = id.rawValue
        return text.withUTF8 { XXH64.hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    private static let seed = UInt64.random(in: .min ... .max)
}

extension KindergartenIDTable: Hashable {
    /// Equal when they number the same ids the same way (the lookup follows from the ids).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.ids == rhs.ids }

    /// Hashes the ids in order.
    public func hash(into hasher: inout Hasher) { hasher.combine(ids) }
}

/// The first four kindergartens an application ranked, most wanted first, as numbers in the state's
/// ``KindergartenIDTable``: 16 bytes inline, where an array of ids takes a heap block. An application
/// that named more (no policy allows it, but the fold keeps what the log says) has its whole list in the
/// state as well; read them with `KezekState.kindergartens(of:)`.
public struct RankedKindergartens: Hashable, Sendable {
    /// An unused place.
    static let unused = UInt32.max
    /// How many numbers it holds inline.
    static let capacity = 4

    private var first = Self.unused
    private var second = Self.unused
    private var third = Self.unused
    private var fourth = Self.unused

    /// The first ``capacity`` of `numbers`.
    init(_ numbers: [UInt32]) {
        func at(_ i: Int) -> UInt32 { i < numbers.count ? numbers[i] : Self.unused }
        (first, second, third, fourth) = (at(0), at(1), at(2), at(3))
    }

    /// The numbers in use, in order.
    var numbers: [UInt32] { [first, second, third, fourth].filter { $0 != Self.unused } }

    /// The four places as stored, ``unused`` for an empty one (for the state's image).
    var places: (UInt32, UInt32, UInt32, UInt32) { (first, second, third, fourth) }

    /// Four places as ``places`` gave them; `nil` unless the numbers in use come first, each below
    /// `idCount`.
    init?(places: (UInt32, UInt32, UInt32, UInt32), idCount: Int) {
        var ended = false
        for number in [places.0, places.1, places.2, places.3] {
            if number == Self.unused {
                ended = true
            } else if ended || Int(number) >= idCount {
                return nil
            }
        }
        (first, second, third, fourth) = places
    }
}
