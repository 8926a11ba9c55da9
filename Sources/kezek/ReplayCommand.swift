import ArgumentParser
import Engine
import EventLog
import Foundation
import Kezek

/// `kezek replay [--until POSITION]`: rebuilds the state from the log alone and prints its digest.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild the whole state from the log and print its position and SHA-256 digest.",
        discussion: "Prints {\"position\", \"digest\", \"events\", \"seconds\"}. Same log, same digest, always."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Replay up to and including this position (default: the whole log).")
    var until: UInt64?

    func run() throws {
        let log = try dataOptions.openLog()
        defer { try? log.close() }
        let started = Date()
        let model: EngineModel
        do {
            model = try Engine.replay(log, until: until.map { Position($0) })
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
