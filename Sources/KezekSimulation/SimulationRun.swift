public import Kezek

/// Runs a ``NationalSimulation`` against a state held in memory (`decide` and `evolve`, no log): for
/// writing command files and for tests. The engine runs the same commands with its own state.
public struct SimulationRun {
    /// The simulation.
    public private(set) var simulation: NationalSimulation
    /// The state the commands so far produced.
    public private(set) var state = KezekState()
    /// Commands refused so far.
    public private(set) var refused = 0
    /// Events produced so far.
    public private(set) var events = 0
    private let context: DecisionContext
    private let registry = OpenPersonRegistry()

    /// A run of `simulation`, deciding with `context`.
    public init(_ simulation: NationalSimulation, context: DecisionContext = DecisionContext()) {
        self.simulation = simulation
        self.context = context
    }

    /// Decides the next command and folds its events in; `nil` when the simulation is over.
    public mutating func step() -> (envelope: CommandEnvelope, result: Result<[Event], Rejection>)? {
        guard let envelope = simulation.next(after: state) else { return nil }
        let result = decide(envelope, in: state, context: context.looking(up: envelope.command, in: registry))
        switch result {
        case .success(let produced):
            state.evolve(produced, at: envelope.at)
            events += produced.count
        case .failure:
            refused += 1
        }
        return (envelope, result)
    }
}
