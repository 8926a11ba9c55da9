public import EventLog

/// Why an import stopped, with a stable ``code``. Nothing of a failed import stays in the data directory.
public enum ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The data directory holds something already: an import only fills an empty one.
    case dataDirectoryNotEmpty(path: String, found: [String])
    /// A line is not an exported event (not JSON, a field missing or of the wrong kind, fields that do
    /// not make a Kezek event). `line` counts from 1.
    case malformedLine(line: Int, reason: String)
    /// The chain does not hold at `line`: a position out of order, a hash that is not the hash of the
    /// record chained to the one before, or an input that ends inside a batch.
    case brokenChain(line: Int, position: Position, reason: String)
    /// The new log could not be written (disk full, ...).
    case log(EventLogError)
    /// The data directory could not be prepared or the imported file moved into it.
    case fileSystem(path: String, reason: String)

    /// A stable camelCase code: `dataDirectoryNotEmpty`, `malformedLine`, `brokenChain`, the log's
    /// code, or `fileSystemFailure`.
    public var code: String {
        switch self {
        case .dataDirectoryNotEmpty: "dataDirectoryNotEmpty"
        case .malformedLine: "malformedLine"
        case .brokenChain: "brokenChain"
        case .log(let error): error.code
        case .fileSystem: "fileSystemFailure"
        }
    }

    /// What went wrong, in plain words, naming the line.
    public var message: String {
        switch self {
        case .dataDirectoryNotEmpty(let path, let found):
            "the data directory \(path) is not empty (it holds \(found.prefix(3).joined(separator: ", "))); "
                + "import fills only a new or empty directory"
        case .malformedLine(let line, let reason):
            "line \(line) is not an exported event: \(reason)"
        case .brokenChain(let line, let position, let reason):
            "line \(line) (position \(position)) breaks the chain: \(reason)"
        case .log(let error):
            error.message
        case .fileSystem(let path, let reason):
            "\(path): \(reason)"
        }
    }

    /// The input line at fault, when there is one.
    public var line: Int? {
        switch self {
        case .malformedLine(let line, _), .brokenChain(let line, _, _): line
        default: nil
        }
    }

    public var description: String { "\(code): \(message)" }
}
