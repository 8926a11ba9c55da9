public import EventLog

/// One writer of the torture test: hands out its batches in sequence, with version expectations that
/// hold on the streams it alone writes to, and now and then one that cannot hold.
///
/// Which expectations a batch carries is drawn from the batch's name too, but their versions follow
/// from the writer's earlier batches, so the writer keeps the versions of its private streams.
public struct TortureWriter: Sendable {
    /// One append to try.
    public struct Attempt: Sendable {
        /// The batch.
        public var batch: TortureBatch
        /// The request to append.
        public var request: AppendRequest
        /// Whether the request expects a wrong version on purpose, and so must be rejected.
        public var expectsConflict: Bool
        /// Whether, once appended, the request is to be appended again to test its idempotency key.
        public var repeatsWithKey: Bool
    }

    /// The seed of the process.
    public let seed: UInt64
    /// The writer's number.
    public let writer: Int
    private var sequence = 0
    private var versions: [StreamID: StreamVersion] = [:]

    /// A writer whose private streams are new.
    public init(seed: UInt64, writer: Int) {
        self.seed = seed
        self.writer = writer
    }

    /// The next batch to append.
    public mutating func next() -> Attempt {
        let id = BatchID(seed: seed, writer: writer, sequence: sequence)
        sequence += 1
        let batch = TortureBatch(id: id)
        // A second generator, so that the batch's content does not depend on these draws.
        var random = SeededGenerator(seed: id.seed, item: [UInt64(id.writer), UInt64(id.sequence), 1])
        var expectations: [StreamID: ExpectedVersion] = [:]
        for stream in batch.streams where random.next() % 2 == 0 {
            if let version = versions[stream] {
                expectations[stream] = .exactly(version)
            } else if isPrivate(stream) {
                expectations[stream] = .noStream
            } else {
                expectations[stream] = .any
            }
        }
        let expectsConflict = random.next() % 16 == 0
        if expectsConflict {
            let stream = TortureBatch.privateStream(seed: seed, writer: writer, Int(random.next() % 3))
            let actual = versions[stream] ?? .none
            expectations[stream] = .exactly(StreamVersion(actual.rawValue + 1 + random.next() % 5))
        }
        return Attempt(
            batch: batch,
            request: AppendRequest(
                records: batch.records, expecting: expectations, idempotencyKey: batch.idempotencyKey),
            expectsConflict: expectsConflict,
            repeatsWithKey: batch.idempotencyKey != nil && random.next() % 3 == 0
        )
    }

    /// Records that `attempt` was appended, moving the versions of the private streams on.
    public mutating func appended(_ attempt: Attempt) {
        for record in attempt.batch.records where isPrivate(record.stream) {
            versions[record.stream] = StreamVersion((versions[record.stream] ?? .none).rawValue + 1)
        }
    }

    private func isPrivate(_ stream: StreamID) -> Bool {
        stream.rawValue.hasPrefix("torture-\(BatchID.hex(seed))-w\(writer)-")
    }
}
