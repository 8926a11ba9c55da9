public import LMDB

/// Everything that can go wrong with the event log, each with a stable ``code`` and a plain-words
/// ``message`` naming the value at fault.
public enum EventLogError: Error, Hashable, Sendable {
    /// The directory holds something other than a Kezek event log.
    case notAnEventLog(path: String, reason: String)
    /// The log was written in a record format this build cannot read.
    case unsupportedFormat(found: UInt32, supported: UInt32)
    /// Another process has the log open for writing.
    case locked(path: String)
    /// An append named no records.
    case emptyBatch
    /// A stream name is empty, too long or holds control characters.
    case invalidStream(String)
    /// An idempotency key is empty or longer than 255 bytes.
    case invalidIdempotencyKey(length: Int)
    /// A record's payload is larger than ``EventLog/maximumPayloadSize``.
    case recordTooLarge(index: Int, size: Int)
    /// A stream was not at the version the append expected; nothing was written.
    case versionConflict(stream: StreamID, expected: ExpectedVersion, actual: StreamVersion)
    /// A stored record could not be read (damaged or of an unknown layout).
    case malformedRecord(position: Position, reason: String)
    /// The log has been closed.
    case closed
    /// LMDB failed (disk full, map at its maximum, damaged file, ...).
    case storage(LMDBError)

    /// A stable camelCase code.
    public var code: String {
        switch self {
        case .notAnEventLog: "notAnEventLog"
        case .unsupportedFormat: "unsupportedFormat"
        case .locked: "logLocked"
        case .emptyBatch: "emptyBatch"
        case .invalidStream: "invalidStream"
        case .invalidIdempotencyKey: "invalidIdempotencyKey"
        case .recordTooLarge: "recordTooLarge"
        case .versionConflict: "versionConflict"
        case .malformedRecord: "malformedRecord"
        case .closed: "logClosed"
        case .storage: "storageFailure"
        }
    }

    /// What went wrong, in plain words.
    public var message: String {
        switch self {
        case .notAnEventLog(let path, let reason):
            "\(path) is not a Kezek event log: \(reason)"
        case .unsupportedFormat(let found, let supported):
            "the log uses record format \(found), but this build reads formats up to \(supported)"
        case .locked(let path):
            "the log at \(path) is open for writing in another process"
        case .emptyBatch:
            "an append must hold at least one record"
        case .invalidStream(let name):
            "stream name \"\(name)\" must be 1 to \(StreamID.maximumLength) bytes of UTF-8 without control characters"
        case .invalidIdempotencyKey(let length):
            "an idempotency key must be 1 to \(IdempotencyKey.maximumLength) bytes, not \(length)"
        case .recordTooLarge(let index, let size):
            "record \(index) of the batch has a \(size)-byte payload; the limit is \(EventLog.maximumPayloadSize)"
        case .versionConflict(let stream, let expected, let actual):
            "stream \(stream) was expected \(expected) but is at version \(actual)"
        case .malformedRecord(let position, let reason):
            "the record at position \(position) cannot be read: \(reason)"
        case .closed:
            "the event log is closed"
        case .storage(let error):
            "storage failure: \(error.description)"
        }
    }
}

extension EventLogError: CustomStringConvertible {
    public var description: String { "\(code): \(message)" }
}
