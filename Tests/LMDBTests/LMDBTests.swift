import KezekTestSupport
import LMDB
import Testing

@Suite struct EnvironmentTests {
    @Test func putGetDeleteRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let database = try environment.openDatabase(named: "things", options: .create)
        try environment.write { (transaction) throws(LMDBError) in
            try transaction.put(Array("one".utf8), forKey: Array("a".utf8), in: database)
            try transaction.put(Array("two".utf8), forKey: Array("b".utf8), in: database)
        }
        let values = try environment.read { (transaction) throws(LMDBError) in
            (
                try transaction.value(forKey: Array("a".utf8), in: database).map { Array($0) },
                try transaction.value(forKey: Array("zzz".utf8), in: database).map { Array($0) }
            )
        }
        #expect(values.0 == Array("one".utf8))
        #expect(values.1 == nil)
        let removed = try environment.write { (transaction) throws(LMDBError) in
            Array("a".utf8).withUnsafeBytes { key in
                try? transaction.delete(forKey: key, in: database)
            }
        }
        #expect(removed == true)
        let after = try environment.read { (transaction) throws(LMDBError) in
            try transaction.value(forKey: Array("a".utf8), in: database) == nil
        }
        #expect(after)
    }

    @Test func aThrowingWriteLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let database = try environment.openDatabase(named: "things", options: .create)
        #expect(throws: LMDBError.keyExists) {
            try environment.write { (transaction) throws(LMDBError) in
                try transaction.put([1], forKey: [1], in: database)
                try transaction.put([2], forKey: [1], in: database, options: .noOverwrite)
            }
        }
        let stored = try environment.read { (transaction) throws(LMDBError) in
            try transaction.value(forKey: [1], in: database)
        }
        #expect(stored == nil)
    }

    @Test func typedErrorsForMisuse() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        #expect(throws: LMDBError.notFound) {
            try environment.openDatabase(named: "missing")
        }
        let database = try environment.openDatabase(named: "things", options: .create)
        #expect(throws: LMDBError.badValueSize) {
            try environment.write { (transaction) throws(LMDBError) in
                try transaction.put([1], forKey: [], in: database)
            }
        }
        #expect(throws: LMDBError.keyExists) {
            try environment.write { (transaction) throws(LMDBError) in
                try transaction.put([1], forKey: [5], in: database)
                try transaction.put([1], forKey: [4], in: database, options: .append)
            }
        }
    }

    @Test func cursorWalksInKeyOrderAndSeeks() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let database = try environment.openDatabase(named: "ordered", options: .create)
        var generator = SeededGenerator(seed: 7)
        let keys = (0..<500).map { _ in UInt32.random(in: 0...1_000_000, using: &generator) }
        try environment.write { (transaction) throws(LMDBError) in
            for key in keys {
                try transaction.put([0], forKey: bigEndian(key), in: database)
            }
        }
        let sorted = Array(Set(keys)).sorted()
        let walked = try environment.read { (transaction) throws(LMDBError) in
            try transaction.withCursor(on: database) { (cursor) throws(LMDBError) in
                var result: [UInt32] = []
                var entry = try cursor.first()
                while let current = entry {
                    result.append(UInt32(bigEndian: current.key.loadUnaligned(as: UInt32.self)))
                    entry = try cursor.next()
                }
                return result
            }
        }
        #expect(walked == sorted)
        let probe = sorted[sorted.count / 2] - 1
        let found = try environment.read { (transaction) throws(LMDBError) in
            try transaction.withCursor(on: database) { (cursor) throws(LMDBError) in
                try cursor.seek(atLeast: bigEndian(probe)).map {
                    UInt32(bigEndian: $0.key.loadUnaligned(as: UInt32.self))
                }
            }
        }
        #expect(found == sorted.first { $0 >= probe })
        let last = try environment.read { (transaction) throws(LMDBError) in
            try transaction.withCursor(on: database) { (cursor) throws(LMDBError) in
                try cursor.last().map { UInt32(bigEndian: $0.key.loadUnaligned(as: UInt32.self)) }
            }
        }
        #expect(last == sorted.last)
    }

    @Test func mapGrowsFromATinyMapWithNothingLost() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path, options: .init(mapSize: 64 << 10))
        let database = try environment.openDatabase(named: "big", options: .create)
        let initial = try environment.info().mapSize
        let value = [UInt8](repeating: 0xAB, count: 3000)
        for batch in 0..<40 {
            try environment.write { (transaction) throws(LMDBError) in
                for item in 0..<100 {
                    try transaction.put(value, forKey: bigEndian(UInt32(batch * 100 + item)), in: database)
                }
            }
        }
        #expect(try environment.info().mapSize > initial)
        let count = try environment.read { (transaction) throws(LMDBError) in
            try transaction.statistics(of: database).entries
        }
        #expect(count == 4000)
    }

    @Test func mapStopsAtItsMaximum() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(
            path: directory.path,
            options: .init(mapSize: 64 << 10, maximumMapSize: 256 << 10)
        )
        let database = try environment.openDatabase(named: "big", options: .create)
        let value = [UInt8](repeating: 1, count: 4000)
        #expect(throws: LMDBError.mapFull) {
            try environment.write { (transaction) throws(LMDBError) in
                for item in 0..<200 {
                    try transaction.put(value, forKey: bigEndian(UInt32(item)), in: database)
                }
            }
        }
        // The environment is still usable after the failure.
        try environment.write { (transaction) throws(LMDBError) in
            try transaction.put([1], forKey: [1], in: database)
        }
    }

    @Test func readersRunBesideAGrowingWriter() async throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path, options: .init(mapSize: 64 << 10, durability: .noSync))
        let database = try environment.openDatabase(named: "big", options: .create)
        let value = [UInt8](repeating: 7, count: 2000)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for item in 0..<3000 {
                    try writeOne(environment, database, UInt32(item), value)
                }
            }
            for _ in 0..<2 {
                group.addTask {
                    var seen = 0
                    while seen < 3000 {
                        let count = try environment.read { (transaction) throws(LMDBError) in
                            try transaction.statistics(of: database).entries
                        }
                        #expect(count >= seen)
                        seen = count
                        await Task.yield()
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test func compactingCopyHoldsTheSameData() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.appending("live"))
        let database = try environment.openDatabase(named: "things", options: .create)
        try environment.write { (transaction) throws(LMDBError) in
            for item in 0..<1000 {
                try transaction.put(bigEndian(UInt32(item * 3)), forKey: bigEndian(UInt32(item)), in: database)
            }
        }
        #expect(try environment.clearStaleReaders() == 0)
        let backup = try TemporaryDirectory()
        try environment.copy(to: backup.path)
        let copied = try Environment(path: backup.path, options: .init(readOnly: true))
        let copiedDatabase = try copied.openDatabase(named: "things")
        let value = try copied.read { (transaction) throws(LMDBError) in
            try transaction.value(forKey: bigEndian(UInt32(999)), in: copiedDatabase).map { Array($0) }
        }
        #expect(value == bigEndian(UInt32(2997)))
    }

    @Test func everyReturnCodeHasAName() {
        for code in Int32(-30799)...Int32(-30780) {
            let error = LMDBErrorProbe.error(code)
            #expect(error.code == code)
            #expect(error.name.hasPrefix("MDB_"))
            #expect(!error.message.isEmpty)
        }
        #expect(LMDBErrorProbe.error(28).name == "ENOSPC")
    }

    @Test func openingAFileThatIsNotLMDBFails() throws {
        let directory = try TemporaryDirectory()
        let garbage = [UInt8](repeating: 0x5A, count: 8192)
        try writeFile(directory.appending("data.mdb"), garbage)
        #expect(throws: LMDBError.invalid) {
            try Environment(path: directory.path)
        }
    }
}

private func writeOne(_ environment: Environment, _ database: Database, _ key: UInt32, _ value: [UInt8]) throws {
    try environment.write { (transaction) throws(LMDBError) in
        try transaction.put(value, forKey: bigEndian(key), in: database)
    }
}

private func bigEndian(_ value: UInt32) -> [UInt8] {
    withUnsafeBytes(of: value.bigEndian) { Array($0) }
}
