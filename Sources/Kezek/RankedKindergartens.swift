/// The kindergarten ids that applications ranked, each kept once and numbered in the order first named,
/// so that an application keeps its choices as four 32-bit numbers instead of an array of strings.
///
/// The order depends only on the order of the events folded: the same log always gives the same
/// numbers, and the state's canonical form writes the ids in this order.
public struct KindergartenIDTable: Sendable {
    /// The ids, by number.
    public private(set) var ids: [KindergartenID] = []
    private var numbers: [KindergartenID: UInt32] = [:]

    /// No ids.
    public init() {}

    /// How many ids were named.
    public var count: Int { ids.count }

    /// The id numbered `number`.
    public subscript(number: UInt32) -> KindergartenID { ids[Int(number)] }

    /// The number of `id`, given it the first time it is named.
    mutating func intern(_ id: KindergartenID) -> UInt32 {
        if let number = numbers[id] { return number }
        let number = UInt32(ids.count)
        ids.append(id)
        numbers[id] = number
        return number
    }

    /// Appends the next id of a canonical form; `false` when it was already there.
    mutating func appendDecoded(_ id: KindergartenID) -> Bool {
        guard numbers[id] == nil else { return false }
        _ = intern(id)
        return true
    }
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
