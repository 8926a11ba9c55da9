/// A deterministic random number generator (SplitMix64): the same seed gives the same samples, so that
/// every run measures the same events.
struct SampleGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Starts the sequence from `seed`.
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One of `choices`, each drawn with its weight out of the weights' sum.
    mutating func weighted<Choice>(_ choices: [(weight: Int, value: Choice)]) -> Choice {
        var draw = Int.random(in: 0..<choices.reduce(0) { $0 + $1.weight }, using: &self)
        for choice in choices {
            if draw < choice.weight { return choice.value }
            draw -= choice.weight
        }
        return choices[choices.count - 1].value
    }
}
