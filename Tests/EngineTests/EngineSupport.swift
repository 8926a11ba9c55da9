import Engine
import EventLog
import Kezek
import KezekTestSupport
import Synchronization
import Testing

/// Collects the engine's warnings.
final class Warnings: Sendable {
    private let messages = Mutex<[String]>([])

    var all: [String] { messages.withLock { $0 } }

    func record(_ message: String) { messages.withLock { $0.append(message) } }
}

/// Engine options for tests: bulk-load durability (fast), a small map, a checkpoint every `interval` events.
func testOptions(interval: UInt64 = 100_000, warnings: Warnings = Warnings()) -> Engine.Options {
    Engine.Options(
        log: EventLog.Options(durability: .bulkLoad, initialMapSize: 16 << 20),
        checkpointInterval: interval,
        warn: { warnings.record($0) })
}

/// Runs `count` commands of a seeded random history through `engine`; returns how many were accepted.
@discardableResult
func run(_ history: inout RandomHistory, count: Int, on engine: Engine) throws -> Int {
    var accepted = 0
    for _ in 0..<count {
        let execution = try engine.execute(history.next(in: engine.state))
        if case .success = execution.outcome { accepted += 1 }
    }
    try engine.waitUntilDurable()
    return accepted
}

/// The queue of `key` sorted plainly: the applications in the queue by (tier, time, number).
func naiveQueue(_ key: QueueKey, in state: KezekState) -> [ApplicationNumber] {
    state.applications.values.filter { $0.key == key && $0.status.isInQueue }
        .sorted {
            ($0.tier.rawValue, $0.submittedAt.millisecondsSinceEpoch, $0.number.rawValue)
                < ($1.tier.rawValue, $1.submittedAt.millisecondsSinceEpoch, $1.number.rawValue)
        }
        .map(\.number)
}

/// Opens an engine on `path`, runs `body` and closes it; the engine (and its lock on the directory) is
/// gone when this returns, so that the directory can be opened again.
func withEngine<T>(
    _ path: String, _ options: Engine.Options = testOptions(), close: Bool = true, _ body: (Engine) throws -> T
) throws -> T {
    let engine = try Engine(path: path, options: options)
    let result = try body(engine)
    if close { try engine.close() } else { try engine.log.close() }
    return result
}
