public import EventLog

/// What the crash test can find wrong, either with the process it killed or with the log it left.
public enum CrashFailure: Hashable, Sendable, CustomStringConvertible {
    /// The appending process could not be started.
    case childDidNotStart(executable: String, reason: String)
    /// The appending process ended before it was killed (its exit status, or the signal that ended it).
    case childEnded(status: Int32, bySignal: Bool)
    /// The appending process reported something it did not expect.
    case childReported(String)
    /// The appending process did not reach the stage it was to be killed in within the time limit.
    case childStalled(waitingFor: String, seconds: Int)
    /// The appending process wrote a line that is not a ``TortureMessage``.
    case unreadableMessage(String)
    /// A batch was acknowledged twice with different positions.
    case acknowledgedTwice(BatchID, first: ClosedRange<Position>, again: ClosedRange<Position>)
    /// The log did not open after the kill.
    case logDidNotOpen(EventLogError)
    /// Reading the log failed.
    case logUnreadable(EventLogError)
    /// The hash chain does not verify.
    case chainBroken(VerificationFailure)
    /// The log ends before the head an earlier check saw.
    case recordsLost(checkedUpTo: Position, head: Position)
    /// The record at the head an earlier check saw has another hash now.
    case historyChanged(at: Position)
    /// A position is missing.
    case gap(expected: Position, found: Position)
    /// A record does not start with a torture header.
    case foreignRecord(at: Position)
    /// A record is not the one that must come next (the next record of the open batch, or the first
    /// record of a new one).
    case misplacedRecord(at: Position, found: String, expected: String)
    /// A record's field differs from what its batch's name says it must be.
    case wrongContent(at: Position, batch: BatchID, index: Int, field: String)
    /// A record's stream version is not one more than the stream's previous record's.
    case wrongStreamVersion(at: Position, stream: StreamID, expected: StreamVersion, found: StreamVersion)
    /// The last record of a batch is not flagged as the last.
    case wrongBatchEnd(at: Position, batch: BatchID, index: Int, count: Int)
    /// Only some of a batch's records are in the log: the log ends inside the batch, or a record
    /// before the batch's last is flagged as the last.
    case partialBatch(BatchID, positions: ClosedRange<Position>, count: Int)
    /// A batch is in the log twice.
    case duplicateBatch(BatchID, first: ClosedRange<Position>, again: ClosedRange<Position>)
    /// An acknowledged batch is not in the log.
    case missingBatch(BatchID, acknowledged: ClosedRange<Position>, head: Position)
    /// An acknowledged batch is in the log at other positions.
    case movedBatch(BatchID, acknowledged: ClosedRange<Position>, found: ClosedRange<Position>)
    /// A batch that was rejected is in the log.
    case rejectedBatchWritten(BatchID, at: ClosedRange<Position>)
    /// The stream index gives another version than the records of the stream.
    case streamIndexDisagrees(StreamID, index: StreamVersion, records: StreamVersion)

    public var description: String {
        switch self {
        case .childDidNotStart(let executable, let reason):
            "\(executable) could not be started: \(reason)"
        case .childEnded(let status, let bySignal):
            bySignal
                ? "the appending process died of signal \(status) before it was killed"
                : "the appending process exited with status \(status) before it was killed"
        case .childReported(let reason):
            "the appending process reported: \(reason)"
        case .childStalled(let stage, let seconds):
            "the appending process did not get to \(stage) within \(seconds) s"
        case .unreadableMessage(let line):
            "the appending process wrote an unreadable line: \(line)"
        case .acknowledgedTwice(let batch, let first, let again):
            "batch \(batch) was acknowledged at \(first) and again at \(again)"
        case .logDidNotOpen(let error):
            "the log did not open: \(error)"
        case .logUnreadable(let error):
            "the log could not be read: \(error)"
        case .chainBroken(let failure):
            "the log does not verify: \(failure)"
        case .recordsLost(let checked, let head):
            "the log was checked up to position \(checked) but now ends at \(head)"
        case .historyChanged(let position):
            "the record at position \(position) has another hash than when it was last checked"
        case .gap(let expected, let found):
            "position \(expected) is missing (found \(found))"
        case .foreignRecord(let position):
            "the record at position \(position) is not a torture record"
        case .misplacedRecord(let position, let found, let expected):
            "position \(position) holds \(found) where \(expected) must be"
        case .wrongContent(let position, let batch, let index, let field):
            "the \(field) of record \(index) of batch \(batch), at position \(position), is wrong"
        case .wrongStreamVersion(let position, let stream, let expected, let found):
            "the record at position \(position) is version \(found) of \(stream), not \(expected)"
        case .wrongBatchEnd(let position, let batch, let index, let count):
            "record \(index) of \(count) of batch \(batch), at position \(position), is not flagged as the last"
        case .partialBatch(let batch, let positions, let count):
            "batch \(batch) is partial: the log holds positions \(positions) of its \(count) records"
        case .duplicateBatch(let batch, let first, let again):
            "batch \(batch) is in the log twice, at \(first) and at \(again)"
        case .missingBatch(let batch, let acknowledged, let head):
            "acknowledged batch \(batch) at \(acknowledged) is missing (the log ends at \(head))"
        case .movedBatch(let batch, let acknowledged, let found):
            "acknowledged batch \(batch) at \(acknowledged) is in the log at \(found)"
        case .rejectedBatchWritten(let batch, let positions):
            "rejected batch \(batch) was written at \(positions)"
        case .streamIndexDisagrees(let stream, let index, let records):
            "the stream index puts \(stream) at version \(index) but it has \(records) records"
        }
    }
}
