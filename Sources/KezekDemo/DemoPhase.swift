/// The phases of a demo run, in the order they run.
public enum DemoPhase: String, CaseIterable, Sendable {
    /// The simulated country's commands through the engine (allocation rounds included, in the ticks).
    case build
    /// Saving the state as the checkpoint.
    case checkpoint
    /// The data file's page check and the whole hash chain.
    case verify
    /// Rebuilding the state from the log alone.
    case replay
    /// Opening the engine from the checkpoint, as every query does.
    case start
    /// The state digests of the live, replayed and started states.
    case digest

    /// What the phase does, for progress lines and the report.
    public var title: String {
        switch self {
        case .build: "Building the country through the engine"
        case .checkpoint: "Saving the checkpoint"
        case .verify: "Verifying the hash chain"
        case .replay: "Replaying the log"
        case .start: "Starting from the checkpoint"
        case .digest: "Computing state digests"
        }
    }
}

/// Where a demo run is: the phase, how far through it, and a line of detail.
public struct DemoProgress: Sendable {
    /// The phase running.
    public var phase: DemoPhase
    /// How much of the phase is done, 0 to 1.
    public var fraction: Double
    /// What it has done so far, in a few words.
    public var detail: String
    /// Whether the phase just finished.
    public var isFinished: Bool

    /// A progress report from its parts.
    public init(phase: DemoPhase, fraction: Double, detail: String, isFinished: Bool = false) {
        self.phase = phase
        self.fraction = fraction
        self.detail = detail
        self.isFinished = isFinished
    }
}
