public import EventLog

/// One line that the torture test's appending process writes on its standard output, each in a single
/// `write(2)` so that lines from concurrent writers never mix.
public enum TortureMessage: Hashable, Sendable, CustomStringConvertible {
    /// The process is about to open (or create) the log: `opening`.
    case opening
    /// The log is open at this head: `opened <position>`.
    case opened(head: Position)
    /// A batch was appended and is durable: `ack <batch> <first position> <last position>`.
    case acknowledged(BatchID, positions: ClosedRange<Position>)
    /// A batch that expected a wrong version was rejected, as it had to be: `reject <batch>`.
    case rejected(BatchID)
    /// Something the process did not expect happened, and it stops: `error <what>`.
    case failed(String)

    /// Parses one line without its newline; `nil` for anything else.
    public init?(line: Substring) {
        let words = line.split(separator: " ", maxSplits: 1)
        switch (words.first, words.count) {
        case ("opening", 1):
            self = .opening
        case ("opened", 2):
            guard let head = UInt64(words[1]) else { return nil }
            self = .opened(head: Position(head))
        case ("ack", 2):
            let fields = words[1].split(separator: " ")
            guard fields.count == 3, let batch = BatchID(fields[0]), let first = UInt64(fields[1]),
                let last = UInt64(fields[2]), first >= 1, first <= last
            else { return nil }
            self = .acknowledged(batch, positions: Position(first)...Position(last))
        case ("reject", 2):
            guard let batch = BatchID(words[1]) else { return nil }
            self = .rejected(batch)
        case ("error", 2):
            self = .failed(String(words[1]))
        default:
            return nil
        }
    }

    /// The line, with its newline.
    public var line: String { description + "\n" }

    public var description: String {
        switch self {
        case .opening: "opening"
        case .opened(let head): "opened \(head)"
        case .acknowledged(let batch, let positions): "ack \(batch) \(positions.lowerBound) \(positions.upperBound)"
        case .rejected(let batch): "reject \(batch)"
        case .failed(let reason): "error \(reason.split(whereSeparator: \.isNewline).joined(separator: " "))"
        }
    }
}
