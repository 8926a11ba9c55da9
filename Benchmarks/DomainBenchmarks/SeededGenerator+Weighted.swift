import KezekDomainTestSupport

extension SeededGenerator {
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
