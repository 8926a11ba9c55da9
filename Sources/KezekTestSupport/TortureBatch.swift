public import EventLog

/// The content of one batch of the torture test, drawn from its ``BatchID`` alone, so that a checker
/// can rebuild what a killed process appended without being told.
///
/// A batch has 1 to 8 records spread over 1 to 3 streams, some private to the writer (named after its
/// seed and number) and some shared by every writer of every run. Each payload describes itself —
/// `batch <id> record <i> of <n>|` — followed by 0 to 2,000 bytes of random lowercase filler. One batch
/// in four carries an idempotency key.
public struct TortureBatch: Hashable, Sendable {
    /// The most records in one batch.
    public static let maximumRecords = 8
    /// The longest random filler after a payload's header.
    public static let maximumFiller = 2000
    /// The number of streams private to each writer.
    public static let privateStreamCount = 3
    /// The number of streams all writers share.
    public static let sharedStreamCount = 3

    /// The batch's name.
    public let id: BatchID
    /// The records, in order.
    public let records: [NewRecord]
    /// The batch's idempotency key, if it has one.
    public let idempotencyKey: IdempotencyKey?

    /// Draws the content of the batch named `id`.
    public init(id: BatchID) {
        self.id = id
        var random = SeededGenerator(seed: id.seed, item: [UInt64(id.writer), UInt64(id.sequence)])
        let count = Int.random(in: 1...Self.maximumRecords, using: &random)
        var candidates = (0..<Self.privateStreamCount).map { Self.privateStream(seed: id.seed, writer: id.writer, $0) }
        candidates += (0..<Self.sharedStreamCount).map(Self.sharedStream)
        candidates.shuffle(using: &random)
        let streams = Array(candidates.prefix(min(count, Int.random(in: 1...3, using: &random))))
        records = (0..<count).map { index in
            let stream = index < streams.count ? streams[index] : streams.randomElement(using: &random)!
            return NewRecord(
                stream: stream,
                type: RecordType(UInt16.random(in: 1...999, using: &random)),
                timestamp: Int64.random(in: -1_000_000_000_000...4_000_000_000_000, using: &random),
                payload: Self.payload(id: id, index: index, count: count, using: &random)
            )
        }
        idempotencyKey = random.next() % 4 == 0 ? try! IdempotencyKey("torture-\(id)") : nil
    }

    /// The streams the batch writes to, in order of first use.
    public var streams: [StreamID] {
        var seen: Set<StreamID> = []
        return records.map(\.stream).filter { seen.insert($0).inserted }
    }

    /// Stream `index` of the streams private to one writer of one run.
    public static func privateStream(seed: UInt64, writer: Int, _ index: Int) -> StreamID {
        StreamID(rawValue: "torture-\(BatchID.hex(seed))-w\(writer)-\(index)")!
    }

    /// Shared stream `index`.
    public static func sharedStream(_ index: Int) -> StreamID {
        StreamID(rawValue: "torture-shared-\(index)")!
    }

    private static func payload(
        id: BatchID,
        index: Int,
        count: Int,
        using random: inout SeededGenerator
    ) -> [UInt8] {
        var bytes = Array("batch \(id) record \(index) of \(count)|".utf8)
        let filler = Int.random(in: 0...maximumFiller, using: &random)
        bytes.reserveCapacity(bytes.count + filler)
        var word: UInt64 = 0
        for offset in 0..<filler {
            if offset % 8 == 0 { word = random.next() }
            bytes.append(UInt8(ascii: "a") + UInt8(truncatingIfNeeded: word % 26))
            word >>= 8
        }
        return bytes
    }
}

/// The header at the start of a torture payload: which batch the record belongs to, and where in it.
public struct TortureRecordHeader: Hashable, Sendable {
    /// The batch.
    public var batch: BatchID
    /// The record's index in the batch, from 0.
    public var index: Int
    /// The number of records in the batch.
    public var count: Int

    /// A header.
    public init(batch: BatchID, index: Int, count: Int) {
        self.batch = batch
        self.index = index
        self.count = count
    }

    /// Reads the header of `payload`; `nil` when it does not start with one.
    public init?(payload: UnsafeRawBufferPointer) {
        guard let end = payload.prefix(96).firstIndex(of: UInt8(ascii: "|")) else { return nil }
        let text = String(decoding: payload[..<end], as: UTF8.self)
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == 6, words[0] == "batch", words[2] == "record", words[4] == "of",
            let batch = BatchID(words[1]), let index = Int(words[3]), let count = Int(words[5]),
            (0..<count).contains(index)
        else { return nil }
        self.init(batch: batch, index: index, count: count)
    }
}
