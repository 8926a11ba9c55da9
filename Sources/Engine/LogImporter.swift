import EventLog
import Foundation
import Kezek

/// Rebuilds a log from `kezek export` JSON Lines into an empty data directory, checking the hash chain
/// line by line before anything is written.
///
/// Each line's event is re-encoded from its `type` and `fields`, stamped with its `time`, put in its
/// `stream` with the next version, flagged with its `batchEnd` (and `idempotencyKey`, if any); the
/// chain hash of those canonical bytes must equal the line's `hash`. The first line that does not
/// parse, or whose hash does not chain, stops the import and is named.
///
/// The new log is written in `import-in-progress/` inside the data directory (a directory that no
/// Kezek command takes for a log) and moved into place only once every line checked and the log is on
/// disk; ``abandon()`` (or a failed ``finish()``) removes it, so the data directory never holds a
/// half-imported log that looks valid. The engine's checkpoint is saved with the log, so the first
/// start does not replay it.
public final class LogImporter {
    /// The name of the staging directory inside the data directory.
    public static let stagingName = "import-in-progress"

    /// The data directory being filled.
    public let path: String
    private let stagingPath: String
    private let createdDirectory: Bool
    private var log: EventLog?
    private var chain = LogHead.empty
    private var versions: [StreamID: UInt64] = [:]
    private var batch: [NewRecord] = []
    private var batchKey: IdempotencyKey?
    private var model = EngineModel()
    private let tracker = DurabilityTracker()
    private var submitted: UInt64 = 0
    /// The number of lines read so far.
    public private(set) var lines = 0

    /// Prepares an import into `path`, which must be missing or empty.
    public init(path: String) throws(ImportError) {
        self.path = path
        stagingPath = (path as NSString).appendingPathComponent(Self.stagingName)
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .fileSystem(path: path, reason: "it is not a directory") }
            let contents = (try? files.contentsOfDirectory(atPath: path)) ?? []
            guard contents.isEmpty else { throw .dataDirectoryNotEmpty(path: path, found: contents.sorted()) }
            createdDirectory = false
        } else {
            do {
                try files.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw .fileSystem(path: path, reason: "cannot create it (\(error.localizedDescription))")
            }
            createdDirectory = true
        }
        do {
            log = try EventLog(path: stagingPath, options: EventLog.Options(durability: .bulkLoad))
        } catch {
            abandon()
            throw .log(error)
        }
    }

    /// Checks one exported line and queues its record; throws, naming the line, when it does not
    /// parse or does not chain. Call ``abandon()`` after a failure.
    public func add(line bytes: UnsafeRawBufferPointer) throws(ImportError) {
        lines += 1
        let line = try ExportedLine(parsing: bytes, line: lines)
        let position = chain.position.next
        guard line.position == position else {
            throw .brokenChain(
                line: lines, position: line.position,
                reason: "expected position \(position) (positions start at 1 and have no gaps)")
        }
        let version = StreamVersion((versions[line.record.stream] ?? 0) + 1)
        let canonical = RecordFormat.canonicalBytes(
            of: line.record, streamVersion: version, isLastInBatch: line.isBatchEnd,
            idempotencyKey: batch.isEmpty ? line.idempotencyKey : nil)
        let computed = canonical.withUnsafeBytes { chain.hash.chained(position: position, canonicalBytes: $0) }
        guard computed == line.hash else {
            throw .brokenChain(
                line: lines, position: position,
                reason: "its hash is \(line.hash) but the record it describes, chained to the line before, "
                    + "hashes to \(computed): this line or one before it was altered")
        }
        chain = LogHead(position: position, hash: computed)
        versions[line.record.stream] = version.rawValue
        if batch.isEmpty { batchKey = line.idempotencyKey }
        batch.append(line.record)
        model.apply(line.event, at: Timestamp(millisecondsSinceEpoch: line.record.timestamp), position: position)
        if line.isBatchEnd { try submitBatch() }
    }

    private func submitBatch() throws(ImportError) {
        guard let log else { throw .log(.closed) }
        let tracker = tracker
        log.append(AppendRequest(records: batch, idempotencyKey: batchKey)) { tracker.report($0) }
        batch.removeAll(keepingCapacity: true)
        batchKey = nil
        submitted += 1
        if submitted % 4_096 == 0 {
            // Keep the writer's queue short: wait for the older half of what is queued.
            do {
                try tracker.wait(until: submitted - 2_048)
            } catch {
                throw .log(error)
            }
        }
    }

    /// Finishes the import once every line was added: the last batch must be complete; the log is
    /// flushed with the engine's checkpoint and moved into the data directory. Throws (having removed
    /// what it wrote) when anything fails.
    public func finish() throws(ImportError) -> ImportSummary {
        do throws(ImportError) {
            guard batch.isEmpty else {
                throw ImportError.brokenChain(
                    line: lines, position: chain.position,
                    reason: "the input ends inside a batch (the last line's batchEnd is false)")
            }
            guard let log else { throw ImportError.log(.closed) }
            do {
                try tracker.wait(until: submitted)
            } catch {
                throw ImportError.log(error)
            }
            guard log.head == chain else {
                throw ImportError.brokenChain(
                    line: lines, position: chain.position,
                    reason: "the written log's head \(log.head.hash) is not the chain's \(chain.hash)")
            }
            do {
                try EngineCheckpoint.save(model, in: log)
            } catch {
                if case .log(let failure) = error { throw ImportError.log(failure) }
                throw ImportError.fileSystem(path: path, reason: error.message)
            }
            do {
                try log.close()
            } catch {
                throw ImportError.log(error)
            }
            self.log = nil
            let source = (stagingPath as NSString).appendingPathComponent("data.mdb")
            let target = (path as NSString).appendingPathComponent("data.mdb")
            guard rename(source, target) == 0 else {
                throw ImportError.fileSystem(
                    path: target, reason: "cannot move the imported log there (\(String(cString: strerror(errno))))")
            }
            try? FileManager.default.removeItem(atPath: stagingPath)
            return ImportSummary(head: chain, digest: model.digest)
        } catch {
            abandon()
            throw error
        }
    }

    /// Stops a failed import: closes the new log and removes everything it wrote (the data directory
    /// too, when the import created it).
    public func abandon() {
        try? log?.close()
        log = nil
        let files = FileManager.default
        try? files.removeItem(atPath: stagingPath)
        try? files.removeItem(atPath: (path as NSString).appendingPathComponent("data.mdb"))
        if createdDirectory { try? files.removeItem(atPath: path) }
    }
}
