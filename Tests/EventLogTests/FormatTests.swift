import EventLog
import Foundation
import KezekTestSupport
import LMDB
import Testing

@Suite struct FormatTests {
    @Test func aDirectoryWithOtherFilesIsNotALog() throws {
        let directory = try TemporaryDirectory()
        try Data("hello".utf8).write(to: URL(fileURLWithPath: directory.appending("notes.txt")))
        #expect {
            try EventLog(path: directory.path)
        } throws: { error in
            guard case EventLogError.notAnEventLog(_, let reason) = error else { return false }
            return reason.contains("notes.txt")
        }
    }

    @Test func aFileIsNotALog() throws {
        let directory = try TemporaryDirectory()
        let file = directory.appending("plain")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: EventLogError.notAnEventLog(path: file, reason: "it is not a directory")) {
            try EventLog(path: file)
        }
    }

    @Test func garbageInDataFileIsNotALog() throws {
        let directory = try TemporaryDirectory()
        try Data(repeating: 0x42, count: 16384).write(to: URL(fileURLWithPath: directory.appending("data.mdb")))
        #expect {
            try EventLog(path: directory.path)
        } throws: { error in
            guard case EventLogError.notAnEventLog = error else { return false }
            return true
        }
    }

    @Test func anotherLMDBEnvironmentIsNotALog() throws {
        let directory = try TemporaryDirectory()
        do {
            let environment = try Environment(path: directory.path)
            let database = try environment.openDatabase(named: "something", options: .create)
            try environment.write { (transaction) throws(LMDBError) in
                try transaction.put([1], forKey: [1], in: database)
            }
        }
        #expect {
            try EventLog(path: directory.path)
        } throws: { error in
            guard case EventLogError.notAnEventLog(_, let reason) = error else { return false }
            return reason.contains("without a Kezek log")
        }
    }

    @Test func aNewerFormatIsRefusedClearly() async throws {
        let directory = try TemporaryDirectory()
        do {
            let log = try EventLog(path: directory.path, options: testOptions())
            _ = try await log.append([record("a", "x")])
            try log.close()
        }
        try setFormatVersion(2, in: directory.path)
        #expect(throws: EventLogError.unsupportedFormat(found: 2, supported: 1)) {
            try EventLog(path: directory.path)
        }
        #expect(EventLogError.unsupportedFormat(found: 2, supported: 1).message.contains("format 2"))
    }

    @Test func aSecondWriterIsLockedOut() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.path, options: testOptions())
        #expect(throws: EventLogError.locked(path: directory.path)) {
            try EventLog(path: directory.path, options: testOptions())
        }
        let reader = try EventLog(path: directory.path, options: EventLog.Options(readOnly: true))
        #expect(reader.head == log.head)
    }

    @Test func readOnlyRefusesMissingAndEmptyLogs() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: EventLogError.self) {
            try EventLog(path: directory.appending("missing"), options: EventLog.Options(readOnly: true))
        }
        #expect(throws: EventLogError.self) {
            try EventLog(path: directory.path, options: EventLog.Options(readOnly: true))
        }
    }

    @Test func everyErrorHasAStableCodeAndAMessage() {
        let errors: [EventLogError] = [
            .notAnEventLog(path: "/x", reason: "r"), .unsupportedFormat(found: 3, supported: 1), .locked(path: "/x"),
            .emptyBatch, .invalidStream(""), .invalidIdempotencyKey(length: 300), .recordTooLarge(index: 0, size: 1),
            .versionConflict(stream: stream("s"), expected: .noStream, actual: StreamVersion(2)),
            .malformedRecord(position: Position(4), reason: "r"), .closed, .storage(.mapFull),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        for error in errors { #expect(!error.message.isEmpty) }
        #expect(errors[7].message == "stream s was expected to be new but is at version 2")
    }

    @Test func backupWhileAppendingVerifies() async throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(path: directory.appending("live"), options: testOptions())
        for index in 0..<200 { _ = try await log.append([record("b", "r\(index)")]) }
        let writer = Task {
            for index in 0..<200 { _ = try await log.append([record("b", "later\(index)")]) }
        }
        let target = directory.appending("backup")
        try await Task.detached { try backup(log, to: target) }.value
        try await writer.value
        let copy = try EventLog(path: target, options: EventLog.Options(readOnly: true))
        let report = copy.verify()
        #expect(report.isIntact)
        #expect(report.recordsChecked >= 200)
        #expect(report.verifiedHead == copy.head)
    }
}

private func backup(_ log: EventLog, to path: String) throws {
    try log.backup(to: path)
}

private func setFormatVersion(_ version: UInt8, in path: String) throws {
    let environment = try Environment(path: path)
    let meta = try environment.openDatabase(named: "meta")
    try environment.write { (transaction) throws(LMDBError) in
        try transaction.put([0, 0, 0, version], forKey: Array("format".utf8), in: meta)
    }
}
