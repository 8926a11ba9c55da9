import Kezek
import KezekSimulation
import Testing

@Suite struct SimulationTests {
    /// Runs the tiny scale in memory and returns the run and the commands' types.
    static func run(seed: UInt64) -> (run: SimulationRun, types: [CommandType: Int], refusals: [String: Int]) {
        var run = SimulationRun(NationalSimulation(scale: .tiny, seed: seed))
        var types: [CommandType: Int] = [:]
        var refusals: [String: Int] = [:]
        let end = run.simulation.endTime
        while let (envelope, result) = run.step() {
            #expect(envelope.at < end, "a command after the simulated span")
            types[envelope.command.type, default: 0] += 1
            if case .failure(let rejection) = result { refusals[rejection.code, default: 0] += 1 }
        }
        return (run, types, refusals)
    }

    @Test func sameSeedSameCommands() {
        var first = SimulationRun(NationalSimulation(scale: .tiny, seed: 3))
        var second = SimulationRun(NationalSimulation(scale: .tiny, seed: 3))
        var count = 0
        while let (a, _) = first.step() {
            let b = second.step()
            #expect(a == b?.envelope)
            count += 1
        }
        #expect(second.step() == nil)
        #expect(first.state == second.state)
        #expect(count > 3_000)
    }

    @Test func everyKindOfCommandAndFewRefusals() {
        let (run, types, refusals) = Self.run(seed: 11)
        let total = types.values.reduce(0, +)
        for type in CommandType.allCases {
            #expect(types[type, default: 0] > 0, "no \(type) command")
        }
        #expect(run.state.lastApplicationNumber == 800, "\(refusals)")
        #expect(run.state.kindergartens.count == 30)
        // Refusals are the ones real families meet; they stay rare.
        #expect(run.refused * 50 < total, "\(refusals)")
        #expect(run.state.applications.values.contains { $0.status == .enrolled })
    }
}
