public import EventLog

/// The checking side of the crash test: what the killed processes acknowledged, and what the log has
/// been seen to hold, across any number of kills of processes appending to the same log.
///
/// After each kill, ``check(_:)`` verifies the whole hash chain, then reads the records appended since
/// the last check and rebuilds each batch from its name: every batch must be whole (all its records,
/// in order, the last one flagged), gapless, unaltered, in the log once, with the stream versions
/// following on; every acknowledged batch must be there at exactly its acknowledged positions, and no
/// rejected batch at all. Records checked before are not read again: the chain, verified from the
/// first record, still ends at the hash they had (``checkedHead``), so they are the same bytes.
public struct CrashAudit: Sendable {
    /// The most failures one check reports.
    public static let failureLimit = 20

    /// Every batch acknowledged so far, with its positions.
    public private(set) var acknowledged: [BatchID: ClosedRange<Position>] = [:]
    /// Every batch rejected on purpose so far.
    public private(set) var rejected: Set<BatchID> = []
    /// Every batch found in the log so far, with its positions.
    public private(set) var found: [BatchID: ClosedRange<Position>] = [:]
    /// The end of the last whole batch checked.
    public private(set) var checkedHead = LogHead.empty
    /// The version of every stream checked so far.
    public private(set) var streamVersions: [StreamID: StreamVersion] = [:]

    /// An audit of a log that has nothing in it yet.
    public init() {}

    /// Takes in one line of the appending process; answers a failure when it contradicts an earlier one.
    public mutating func note(_ message: TortureMessage) -> CrashFailure? {
        switch message {
        case .acknowledged(let batch, let positions):
            if let earlier = acknowledged.updateValue(positions, forKey: batch), earlier != positions {
                return .acknowledgedTwice(batch, first: earlier, again: positions)
            }
        case .rejected(let batch):
            rejected.insert(batch)
        case .failed(let reason):
            return .childReported(reason)
        case .opening, .opened:
            break
        }
        return nil
    }

    /// Checks the log as a restarted process finds it, and moves ``checkedHead`` on when it holds.
    /// Answers the failures found, at most ``failureLimit``; none when the log is as it must be.
    public mutating func check(_ log: EventLog) -> [CrashFailure] {
        let report = log.verify()
        if let failure = report.failure { return [.chainBroken(failure)] }
        let head = report.verifiedHead
        if head.position < checkedHead.position {
            return [.recordsLost(checkedUpTo: checkedHead.position, head: head.position)]
        }
        if checkedHead.position > .zero {
            do {
                guard try log.record(at: checkedHead.position)?.hash == checkedHead.hash else {
                    return [.historyChanged(at: checkedHead.position)]
                }
            } catch {
                return [.logUnreadable(error)]
            }
        }
        var scan = Scan(audit: self)
        do {
            try log.forEachRecord(after: checkedHead.position) { scan.take($0) }
        } catch {
            scan.failures.append(.logUnreadable(error))
        }
        if let open = scan.open, scan.failures.isEmpty {
            scan.failures.append(
                .partialBatch(open.batch.id, positions: open.first...scan.previous, count: open.batch.records.count)
            )
        }
        var failures = scan.failures
        if failures.isEmpty {
            for stream in scan.touched {
                do {
                    let indexed = try log.version(of: stream)
                    let counted = scan.versions[stream] ?? .none
                    if indexed != counted {
                        failures.append(.streamIndexDisagrees(stream, index: indexed, records: counted))
                    }
                } catch {
                    failures.append(.logUnreadable(error))
                }
            }
        }
        for (batch, positions) in acknowledged.sorted(by: { $0.value.lowerBound < $1.value.lowerBound }) {
            switch scan.found[batch] {
            case nil: failures.append(.missingBatch(batch, acknowledged: positions, head: head.position))
            case positions?: break
            case let other?: failures.append(.movedBatch(batch, acknowledged: positions, found: other))
            }
            if failures.count >= Self.failureLimit { break }
        }
        for batch in rejected.sorted() {
            if let positions = scan.found[batch] { failures.append(.rejectedBatchWritten(batch, at: positions)) }
        }
        if failures.isEmpty {
            found = scan.found
            streamVersions = scan.versions
            checkedHead = scan.completedHead
        }
        return Array(failures.prefix(Self.failureLimit))
    }
}

/// One pass over the records after the audit's checked head.
private struct Scan {
    struct OpenBatch {
        let batch: TortureBatch
        let first: Position
        var next = 0
    }

    var found: [BatchID: ClosedRange<Position>]
    var versions: [StreamID: StreamVersion]
    var touched: Set<StreamID> = []
    var completedHead: LogHead
    var previous: Position
    var open: OpenBatch?
    var failures: [CrashFailure] = []

    init(audit: CrashAudit) {
        found = audit.found
        versions = audit.streamVersions
        completedHead = audit.checkedHead
        previous = audit.checkedHead.position
    }

    /// Checks one record; `false` stops the pass at the first failure.
    mutating func take(_ view: RecordView) -> Bool {
        let position = view.position
        guard position == previous.next else {
            failures.append(.gap(expected: previous.next, found: position))
            return false
        }
        previous = position
        guard let header = TortureRecordHeader(payload: view.payload) else {
            failures.append(.foreignRecord(at: position))
            return false
        }
        let found = "record \(header.index) of batch \(header.batch)"
        if let open {
            guard header.batch == open.batch.id, header.index == open.next else {
                failures.append(
                    .misplacedRecord(
                        at: position, found: found, expected: "record \(open.next) of batch \(open.batch.id)")
                )
                return false
            }
        } else {
            guard header.index == 0 else {
                failures.append(.misplacedRecord(at: position, found: found, expected: "the first record of a batch"))
                return false
            }
            open = OpenBatch(batch: TortureBatch(id: header.batch), first: position)
        }
        let batch = open!.batch
        guard header.count == batch.records.count else {
            failures.append(.wrongContent(at: position, batch: batch.id, index: header.index, field: "record count"))
            return false
        }
        guard checkContent(of: view, index: header.index, in: batch) else { return false }
        let isLast = header.index == batch.records.count - 1
        guard view.isLastInBatch == isLast else {
            failures.append(
                isLast
                    ? .wrongBatchEnd(at: position, batch: batch.id, index: header.index, count: batch.records.count)
                    : .partialBatch(batch.id, positions: open!.first...position, count: batch.records.count)
            )
            return false
        }
        if isLast {
            let positions = open!.first...position
            if let earlier = self.found.updateValue(positions, forKey: batch.id) {
                failures.append(.duplicateBatch(batch.id, first: earlier, again: positions))
                return false
            }
            completedHead = LogHead(position: position, hash: view.hash)
            open = nil
        } else {
            open!.next += 1
        }
        return true
    }

    private mutating func checkContent(of view: RecordView, index: Int, in batch: TortureBatch) -> Bool {
        let expected = batch.records[index]
        func wrong(_ field: String) -> Bool {
            failures.append(.wrongContent(at: view.position, batch: batch.id, index: index, field: field))
            return false
        }
        guard view.stream == expected.stream else { return wrong("stream") }
        guard view.type == expected.type else { return wrong("type") }
        guard view.timestamp == expected.timestamp else { return wrong("timestamp") }
        guard view.payload.elementsEqual(expected.payload) else { return wrong("payload") }
        let key = index == 0 ? batch.idempotencyKey?.bytes : nil
        guard view.idempotencyKeyBytes.map(Array.init) == key else { return wrong("idempotency key") }
        let version = StreamVersion((versions[expected.stream] ?? .none).rawValue + 1)
        guard view.streamVersion == version else {
            failures.append(
                .wrongStreamVersion(
                    at: view.position, stream: expected.stream, expected: version, found: view.streamVersion)
            )
            return false
        }
        versions[expected.stream] = version
        touched.insert(expected.stream)
        return true
    }
}
