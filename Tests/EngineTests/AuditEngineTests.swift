import Engine
import EventLog
import Foundation
import Kezek
import KezekTestSupport
import Synchronization
import Testing

@Suite("Engine audit: import, replay until a time, backup, signed checkpoints")
struct AuditEngineTests {
    /// The export of `engine`'s log, one serialized line per event.
    static func exportLines(_ log: EventLog) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        try Engine.export(log) { line in
            lines.append(line.serialized)
            return true
        }
        return lines
    }

    /// Imports `lines` into `path`, or throws the first failure (after the importer removed its files).
    static func importLines(_ lines: [[UInt8]], into path: String) throws(ImportError) -> ImportSummary {
        let importer = try LogImporter(path: path)
        do throws(ImportError) {
            for line in lines {
                let result = line.withUnsafeBytes { bytes in
                    Result { () throws(ImportError) in try importer.add(line: bytes) }
                }
                try result.get()
            }
            return try importer.finish()
        } catch {
            importer.abandon()
            throw error
        }
    }

    @Test("export then import gives the same head, the same digest and the same export", arguments: [4, 5] as [UInt64])
    func importRoundTrip(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: seed)
        let (lines, head, digest) = try withEngine(directory.appending("original")) { engine in
            try run(&history, count: 700, on: engine)
            return (try Self.exportLines(engine.log), engine.log.head, engine.model.digest)
        }
        #expect(lines.count > 100)
        let summary = try Self.importLines(lines, into: directory.appending("imported"))
        #expect(summary.head == head)
        #expect(summary.digest == digest)
        let warnings = Warnings()
        try withEngine(directory.appending("imported"), testOptions(warnings: warnings)) { (engine) throws in
            #expect(engine.log.head == head)
            #expect(engine.model.digest == digest, "the engine starts from the imported checkpoint")
            #expect(try Engine.replay(engine.log).digest == digest)
            #expect(engine.log.verify().isIntact)
            #expect(try Self.exportLines(engine.log) == lines)
        }
        #expect(warnings.all.isEmpty, "\(warnings.all)")
    }

    @Test("an altered line stops the import at that line and leaves nothing behind")
    func importRefusesAlteredLine() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 6)
        let lines = try withEngine(directory.appending("original")) { engine in
            try run(&history, count: 300, on: engine)
            return try Self.exportLines(engine.log)
        }
        var random = SeededGenerator(seed: 9)
        for _ in 0..<5 {
            let index = Int.random(in: 10..<lines.count, using: &random)
            var altered = lines
            var text = String(decoding: altered[index], as: UTF8.self)
            // Move the event's time one second on: still a valid line, but not the one that was hashed.
            let time = try #require(text.firstRange(of: #/"time":"[^"]+"/#))
            let original = try #require(Timestamp(String(text[time].dropFirst(8).dropLast())))
            let later = Timestamp(millisecondsSinceEpoch: original.millisecondsSinceEpoch + 1_000)
            text.replaceSubrange(time, with: "\"time\":\"\(later)\"")
            altered[index] = Array(text.utf8)
            let target = directory.appending("altered-\(index)")
            #expect(throws: ImportError.self) { try Self.importLines(altered, into: target) }
            do {
                _ = try Self.importLines(altered, into: target)
            } catch {
                #expect(error.code == "brokenChain")
                #expect(error.line == index + 1)
            }
            #expect(!FileManager.default.fileExists(atPath: target), "the import created the directory and removed it")
        }
        let dropped = Array(lines[..<20] + lines[21...])
        do {
            _ = try Self.importLines(dropped, into: directory.appending("gap"))
            Issue.record("a missing line was imported")
        } catch {
            #expect(error.code == "brokenChain")
            #expect(error.line == 21)
        }
    }

    @Test("an import refuses a data directory that is not empty")
    func importRefusesNonEmptyDirectory() throws {
        let directory = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: directory.appending("notes.txt"), contents: Data("x".utf8))
        #expect(throws: ImportError.dataDirectoryNotEmpty(path: directory.path, found: ["notes.txt"])) {
            _ = try LogImporter(path: directory.path)
        }
        #expect(FileManager.default.fileExists(atPath: directory.appending("notes.txt")))
    }

    @Test("replay through a time equals the live state after the last event at or before it")
    func replayThroughTime() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 8)
        try withEngine(directory.path) { (engine) throws in
            var snapshots: [(time: Timestamp, position: Position, digest: StateDigest)] = []
            for _ in 0..<6 {
                try run(&history, count: 60, on: engine)
                let last = try #require(try engine.log.record(at: engine.model.position))
                snapshots.append(
                    (Timestamp(millisecondsSinceEpoch: last.timestamp), engine.model.position, engine.model.digest))
            }
            for snapshot in snapshots {
                // The snapshot's time is its last event's; the events after it are later.
                let model = try Engine.replay(engine.log, through: snapshot.time)
                #expect(model.position == snapshot.position)
                #expect(model.digest == snapshot.digest)
            }
            let first = try #require(try engine.log.record(at: Position(1)))
            let before = Timestamp(millisecondsSinceEpoch: first.timestamp - 1)
            #expect(try Engine.replay(engine.log, through: before).position == .zero)
        }
    }

    @Test("a backup taken while another thread appends is a verified prefix of the log")
    func backupWhileAppending() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(
            path: directory.appending("live"),
            options: EventLog.Options(durability: .bulkLoad, initialMapSize: 16 << 20))
        let appended = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        let finished = Mutex<Bool>(false)
        let payload = [UInt8](repeating: 0x5A, count: 120)
        let writer = Thread {
            var batch = 0
            while !stop.load(ordering: .relaxed) && batch < 20_000 {
                let records = (0..<8).map { index in
                    NewRecord(
                        stream: StreamID(rawValue: "stream-\((batch * 8 + index) % 500)")!, type: RecordType(1),
                        timestamp: Int64(batch), payload: payload)
                }
                _ = try? log.appendAndWait(AppendRequest(records: records))
                batch += 1
                appended.store(batch, ordering: .relaxed)
            }
            finished.withLock { $0 = true }
        }
        writer.start()
        while appended.load(ordering: .relaxed) < 200 { usleep(1_000) }
        try log.backup(to: directory.appending("copy"))
        let atBackup = appended.load(ordering: .relaxed)
        stop.store(true, ordering: .relaxed)
        while !finished.withLock({ $0 }) { usleep(1_000) }
        try log.close()
        let copy = try EventLog(path: directory.appending("copy"), options: EventLog.Options(readOnly: true))
        let report = Engine.audit(copy)
        #expect(report.isIntact)
        #expect(report.report.verifiedHead.position.rawValue >= 200 * 8)
        #expect(report.report.verifiedHead.position.rawValue <= UInt64(atBackup + 1) * 8)
        #expect(try EventLog.checkDataFile(in: directory.appending("copy")) == nil)
        let original = try EventLog(path: directory.appending("live"), options: EventLog.Options(readOnly: true))
        let head = report.report.verifiedHead
        #expect(try original.record(at: head.position)?.hash == head.hash, "the copy is a prefix of the log")
        #expect(original.verify().isIntact)
    }

    @Test("a checkpoint verifies against its own log and not against a rewritten one")
    func signedCheckpoints() throws {
        let directory = try TemporaryDirectory()
        let key = AuditSigningKey()
        let json = key.json
        let reread = try AuditSigningKey(json: json)
        #expect(reread.publicKey == key.publicKey)
        var history = RandomHistory(seed: 12)
        let checkpoint = try withEngine(directory.appending("a")) { engine in
            try run(&history, count: 200, on: engine)
            return SignedCheckpoint(
                signing: engine.log.head, at: Timestamp(millisecondsSinceEpoch: 1_790_000_000_123), with: key)
        }
        let read = try SignedCheckpoint(json: checkpoint.json)
        #expect(read == checkpoint)
        #expect(read.isSigned(by: key.publicKey))
        #expect(!read.isSigned(by: AuditSigningKey().publicKey))
        let log = try EventLog(path: directory.appending("a"), options: EventLog.Options(readOnly: true))
        #expect(Engine.audit(log, against: read, trusting: key.publicKey).isIntact)
        var later = read
        later.head.position = Position(later.head.position.rawValue + 1)
        #expect(Engine.audit(log, against: later, trusting: key.publicKey).problem == .badSignature)
    }
}
