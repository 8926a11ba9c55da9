/// What the writer of a batch expects a stream's version to be before the batch.
public enum ExpectedVersion: Hashable, Sendable, CustomStringConvertible {
    /// No expectation.
    case any
    /// The stream must have no records yet.
    case noStream
    /// The stream must be exactly at this version.
    case exactly(StreamVersion)

    public var description: String {
        switch self {
        case .any: "at any version"
        case .noStream: "to be new"
        case .exactly(let version): "at version \(version)"
        }
    }

    func admits(_ actual: StreamVersion) -> Bool {
        switch self {
        case .any: true
        case .noStream: actual == .none
        case .exactly(let version): actual == version
        }
    }
}

/// One record to append.
public struct NewRecord: Hashable, Sendable {
    /// The stream the record belongs to.
    public var stream: StreamID
    /// The record's type code.
    public var type: RecordType
    /// The caller's time of the record, in milliseconds since 1970-01-01T00:00:00Z.
    public var timestamp: Int64
    /// The record's bytes, opaque to the log.
    public var payload: [UInt8]

    /// A record to append.
    public init(stream: StreamID, type: RecordType, timestamp: Int64, payload: [UInt8]) {
        self.stream = stream
        self.type = type
        self.timestamp = timestamp
        self.payload = payload
    }
}

/// A batch of records that commits whole or not at all.
public struct AppendRequest: Hashable, Sendable {
    /// The records, in order; each gets the next global position and the next version of its stream.
    public var records: [NewRecord]
    /// Versions the streams must be at before the batch; a mismatch rejects the whole batch.
    public var expectations: [StreamID: ExpectedVersion]
    /// Makes the append happen at most once.
    public var idempotencyKey: IdempotencyKey?

    /// A batch of records with optional version expectations and idempotency key.
    public init(
        records: [NewRecord],
        expecting expectations: [StreamID: ExpectedVersion] = [:],
        idempotencyKey: IdempotencyKey? = nil
    ) {
        self.records = records
        self.expectations = expectations
        self.idempotencyKey = idempotencyKey
    }

    /// Checks what can be checked without the log: a non-empty batch of records within the size limit.
    func validate() throws(EventLogError) {
        guard !records.isEmpty else { throw .emptyBatch }
        for (index, record) in records.enumerated() where record.payload.count > EventLog.maximumPayloadSize {
            throw .recordTooLarge(index: index, size: record.payload.count)
        }
    }
}

/// What an append answers once its batch is durable.
public struct AppendReceipt: Hashable, Sendable {
    /// The positions of the batch's records.
    public var positions: ClosedRange<Position>
    /// The chain hash of the batch's last record.
    public var lastHash: ChainHash
    /// Whether the idempotency key had been seen: the positions are those of the first append, and
    /// nothing was written this time.
    public var wasDuplicate: Bool
}
