import ArgumentParser
import Engine
import EventLog
import Foundation
import Kezek

/// `kezek replay [--until POSITION|TIME]`: rebuilds the state from the log alone and prints its digest.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild the whole state from the log and print its position and SHA-256 digest.",
        discussion: """
            Prints {"position", "digest", "events", "seconds", "time", "queue"}: the last position replayed, the \
            state's digest, the time of the last event replayed (null for none) and the queue's figures \
            {"applications", "inQueue", "byTier", "regions"}. Same log, same digest, always.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(
        help: ArgumentHelp(
            "Replay up to and including this position, or the last event at or before this time (ISO 8601 with an offset).",
            valueName: "position|time"))
    var until: ReplayLimit?

    func run() throws {
        let log = try dataOptions.openLog()
        defer { try? log.close() }
        let started = Date()
        let model: EngineModel
        do {
            switch until {
            case nil: model = try Engine.replay(log)
            case .position(let position)?: model = try Engine.replay(log, until: position)
            case .time(let time)?: model = try Engine.replay(log, through: time)
            }
        } catch {
            throw ToolFailure.engine(error)
        }
        let digest = model.digest
        let seconds = Date().timeIntervalSince(started)
        Terminal.printLine([
            "position": .integer(Int64(bitPattern: model.position.rawValue)),
            "digest": .string(digest.hex),
            "events": .integer(Int64(bitPattern: model.position.rawValue)),
            "seconds": .number(seconds),
            "time": lastTime(log, model.position),
            "queue": model.queueStatistics,
        ])
        Terminal.flush()
    }
}

extension JSONValue {
    /// Seconds with millisecond precision, as a JSON number.
    static func number(_ seconds: Double) -> JSONValue {
        let milliseconds = Int64((seconds * 1000).rounded())
        let text = "\(milliseconds / 1000).\(String(String(1000 + milliseconds % 1000).dropFirst()))"
        return (try? JSONValue.parse(text)) ?? .integer(milliseconds / 1000)
    }
}

/// The time of the record at `position`, or `null` for none.
private func lastTime(_ log: EventLog, _ position: Position) -> JSONValue {
    guard let record = try? log.record(at: position) else { return .null }
    return .string(Timestamp(millisecondsSinceEpoch: record.timestamp).description)
}
