import Kezek
import KezekDomainTestSupport

/// `apply` lines as clients send them, in the proportions of `TypicalEvents`: per 100 lines, 40
/// `applyToBulletin`, 25 `confirmInterest`, 15 `submitApplication`, 8 `confirmReferral`,
/// 7 `withdrawApplication`, 5 `verifyPriority`.
enum TypicalCommands {
    /// `count` lines of the mix (UTF-8, no line break), the same ones on every run.
    static func lines(count: Int, seed: UInt64 = 0x4150_504C_59) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)
        let kinds: [(weight: Int, value: CommandType)] = [
            (40, .applyToBulletin),
            (25, .confirmInterest),
            (15, .submitApplication),
            (8, .confirmReferral),
            (7, .withdrawApplication),
            (5, .verifyPriority),
        ]
        return (0..<count).map { _ in
            let command = command(of: generator.weighted(kinds), using: &generator)
            return CommandEnvelope(command, at: TypicalEvents.time(using: &generator)).json.serialized
        }
    }

    /// `count` `submitApplication` lines, the heaviest common command.
    static func submissions(count: Int, seed: UInt64 = 0x5355_424D_4954) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let command = command(of: .submitApplication, using: &generator)
            return CommandEnvelope(command, at: TypicalEvents.time(using: &generator)).json.serialized
        }
    }

    static func command(of type: CommandType, using g: inout SeededGenerator) -> Command {
        switch type {
        case .submitApplication:
            return .submitApplication(
                .init(
                    applicant: TypicalEvents.iin(bornIn: 1980...1998, using: &g),
                    child: TypicalEvents.iin(bornIn: 2019...2024, using: &g),
                    locality: TypicalEvents.localities.randomElement(using: &g)!,
                    language: g.weighted([(7, .kazakh), (3, .russian)]), groupType: .general,
                    kindergartens: TypicalEvents.kindergartens(count: Int.random(in: 1...4, using: &g), using: &g),
                    priority: TypicalEvents.claim(using: &g)))
        case .applyToBulletin:
            return .applyToBulletin(
                .init(application: TypicalEvents.application(using: &g), bulletin: TypicalEvents.bulletin(using: &g)))
        case .confirmInterest:
            return .confirmInterest(TypicalEvents.application(using: &g))
        case .confirmReferral:
            return .confirmReferral(ReferralNumber(rawValue: UInt64.random(in: 1...80_000, using: &g)))
        case .withdrawApplication:
            return .withdrawApplication(TypicalEvents.application(using: &g))
        case .verifyPriority:
            return .verifyPriority(.init(application: TypicalEvents.application(using: &g), verdict: .confirmed))
        default:
            preconditionFailure("\(type) is not part of the typical mix")
        }
    }
}
