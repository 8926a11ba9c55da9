public import Engine
public import EventLog

/// Why a demo run stopped, with a stable code and a message that names the value at fault.
public enum DemoError: Error, Sendable {
    /// The data directory holds a log the demo did not make: it is not replaced.
    case dataDirectoryHoldsLog(path: String, events: UInt64)
    /// The data directory could not be prepared (a file could not be removed or written).
    case dataDirectory(path: String, reason: String)
    /// The engine failed (the log could not be opened or written).
    case engine(EngineError)
    /// The log could not be read.
    case log(EventLogError)
    /// The data file is damaged.
    case damagedFile(DataFileDamage)
    /// The hash chain does not verify.
    case verificationFailed(AuditProblem)

    /// `dataDirectoryInUse`, `dataDirectory`, the engine's or the log's code, `damagedFile` or the audit
    /// problem's code.
    public var code: String {
        switch self {
        case .dataDirectoryHoldsLog: "dataDirectoryInUse"
        case .dataDirectory: "dataDirectory"
        case .engine(let error): error.code
        case .log(let error): error.code
        case .damagedFile: "damagedFile"
        case .verificationFailed(let problem): problem.code
        }
    }

    /// What went wrong, in plain words.
    public var message: String {
        switch self {
        case .dataDirectoryHoldsLog(let path, let events):
            "the data directory \(path) holds a log of \(events) events that the demo did not make; "
                + "the demo builds a new log: name a new or empty directory with --data"
        case .dataDirectory(let path, let reason): "the data directory \(path) cannot be prepared: \(reason)"
        case .engine(let error): error.message
        case .log(let error): error.message
        case .damagedFile(let damage): damage.description
        case .verificationFailed(let problem): problem.message
        }
    }

    /// Whether the run stopped on a failed check (exit 1) rather than on bad usage or an unusable data
    /// directory (exit 2).
    public var isFailedCheck: Bool {
        switch self {
        case .damagedFile, .verificationFailed: true
        default: false
        }
    }
}
