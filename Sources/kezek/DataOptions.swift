import ArgumentParser
import Engine
import EventLog
import Foundation

/// The `--data DIR` option every subcommand takes, and how to open what it names.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (an LMDB environment); created on first use.")
    var data = "./kezek-data"

    /// Whether the directory already holds a log (so that queries can open it read-only, beside a writer).
    var holdsLog: Bool { EventLog.holdsLog(at: data) }

    /// Log options for reading: read-only when the log exists, otherwise a new (empty) log is created.
    private var readingOptions: EventLog.Options {
        EventLog.Options(readOnly: holdsLog)
    }

    /// Opens the log for reading (creating an empty one when the directory has none yet).
    func openLog() throws(ToolFailure) -> EventLog {
        do {
            return try EventLog(path: data, options: readingOptions)
        } catch {
            throw .log(error)
        }
    }

    /// Opens the engine for queries: the checkpoint plus the log's tail, read-only when possible.
    func openEngineForReading() throws(ToolFailure) -> Engine {
        do {
            return try Engine(path: data, options: Engine.Options(log: readingOptions, warn: { Terminal.error($0) }))
        } catch {
            throw .engine(error)
        }
    }
}
