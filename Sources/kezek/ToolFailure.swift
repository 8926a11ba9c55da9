import Engine
import EventLog

/// A failure that ends the tool with an exit code and a message on stderr.
struct ToolFailure: Error {
    /// Exit code of a failed check.
    static let failedCheck: Int32 = 1
    /// Exit code of bad usage or an unreadable data directory.
    static let badUsage: Int32 = 2

    /// The process's exit code.
    var exitCode: Int32
    /// What went wrong, in plain words.
    var message: String

    /// Bad usage (exit 2).
    static func usage(_ message: String) -> ToolFailure {
        ToolFailure(exitCode: badUsage, message: message)
    }

    /// An engine failure: the data directory cannot be used, or the log failed (exit 2).
    static func engine(_ error: EngineError) -> ToolFailure {
        ToolFailure(exitCode: badUsage, message: "kezek: \(error.code): \(error.message)")
    }

    /// A log failure (exit 2).
    static func log(_ error: EventLogError) -> ToolFailure {
        engine(.log(error))
    }
}
