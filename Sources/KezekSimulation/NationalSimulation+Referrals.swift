import Kezek

extension NationalSimulation {
    /// How a family answers a referral issued at `issuedAt`: most confirm within a day and register
    /// within the week (one in twelve after an extension; a few never come), one in twenty-five refuses,
    /// one in twelve lets it expire.
    mutating func scheduleAnswer(to number: ReferralNumber, issuedAt: Timestamp) {
        let roll = Int.random(in: 0..<100, using: &random)
        let at = issuedAt.adding(seconds: Int64.random(in: 3600...30 * 3600, using: &random))
        switch roll {
        case 0..<4:
            agenda.schedule(.answer(number, .refuse), at: at)
        case 4..<12:
            break
        default:
            let extensionDays = chance(8) ? Int.random(in: 5...30, using: &random) : nil
            agenda.schedule(.answer(number, .confirm(extension: extensionDays, abandons: chance(3))), at: at)
        }
    }
}
