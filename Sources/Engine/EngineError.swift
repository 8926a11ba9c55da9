public import EventLog

/// Everything that can stop the engine, each with a stable ``code`` and a plain-words ``message``.
///
/// A command the rules refuse is not an `EngineError` but a `Rejection`, answered to the caller while the
/// engine goes on.
public enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The log could not be opened or read.
    case log(EventLogError)
    /// An append failed (disk full, map at its maximum): the engine's state is ahead of the log, so it
    /// stopped. Every command answered before is durable; none after.
    case appendFailed(EventLogError)
    /// A record of the log does not decode as a Kezek event.
    case undecodableRecord(position: Position, reason: String)
    /// The engine was opened read-only and cannot take commands.
    case readOnly
    /// The engine stopped after an earlier failure or was closed, and takes no more commands.
    case stopped

    /// A stable camelCase code.
    public var code: String {
        switch self {
        case .log(let error): error.code
        case .appendFailed: "appendFailed"
        case .undecodableRecord: "undecodableRecord"
        case .readOnly: "readOnly"
        case .stopped: "engineStopped"
        }
    }

    /// What went wrong, in plain words.
    public var message: String {
        switch self {
        case .log(let error):
            error.message
        case .appendFailed(let error):
            "appending to the log failed, so the engine stopped; every result printed before is durable: "
                + error.message
        case .undecodableRecord(let position, let reason):
            "the record at position \(position) is not a Kezek event: \(reason)"
        case .readOnly:
            "the engine was opened read-only and takes no commands"
        case .stopped:
            "the engine stopped after an earlier failure and takes no more commands"
        }
    }

    public var description: String { "\(code): \(message)" }
}
