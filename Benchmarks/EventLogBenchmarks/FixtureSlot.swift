import EventLogBenchmarkSupport
import Synchronization

/// Holds what a benchmark's setup made until its teardown takes it away, so that the fixture (and its
/// temporary directory) is released as soon as the benchmark ends.
final class FixtureSlot<Fixture: Sendable>: Sendable {
    private let fixture = Mutex<Fixture?>(nil)

    /// Keeps `value` for the iterations.
    func fill(_ value: Fixture) {
        fixture.withLock { $0 = value }
    }

    /// The fixture the setup made.
    var value: Fixture {
        get throws {
            guard let value = fixture.withLock({ $0 }) else {
                throw WorkloadFailure("the benchmark's setup did not run")
            }
            return value
        }
    }

    /// Takes the fixture away, leaving the slot empty.
    func take() -> Fixture? {
        fixture.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
