extension SeededGenerator {
    /// A generator for one item of a family, mixing the family's seed with the item's coordinates so that
    /// neighbouring items draw unrelated numbers: the crash test rebuilds each batch from its name this way.
    public init(seed: UInt64, item coordinates: [UInt64]) {
        var mixer = SeededGenerator(seed: seed)
        var state = mixer.next()
        for coordinate in coordinates {
            mixer = SeededGenerator(seed: state ^ (coordinate &* 0x9E37_79B9_7F4A_7C15))
            state = mixer.next()
        }
        self.init(seed: state)
    }
}
