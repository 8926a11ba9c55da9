import Dispatch
import Synchronization
import Testing

@testable import Kezek

/// A numbered table's image keeps its array in two halves, the first one's length before it, and a
/// reader decodes the second half on another thread straight into the table's array: the result must be
/// the table, whichever half fails must fail the read with its error, and a failed read must leave no
/// record behind.
@Suite(.serialized) struct NumberedTableImageTests {
    /// A record that counts how many of its kind are alive, so that a failed read shows it destroyed
    /// every record it had made.
    final class Tracked: Equatable, Sendable {
        static let alive = Atomic<Int>(0)
        let value: UInt64

        init(_ value: UInt64) {
            self.value = value
            Self.alive.add(1, ordering: .relaxed)
        }

        deinit { Self.alive.subtract(1, ordering: .relaxed) }

        static func == (lhs: Tracked, rhs: Tracked) -> Bool { lhs.value == rhs.value }
    }

    /// Starts the work on another thread, as the engine does.
    static let onAnotherThread: @Sendable (@escaping @Sendable () -> Void) -> (() -> Void) = { work in
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            work()
            done.signal()
        }
        return { done.wait() }
    }

    /// Both ways of running the second half: at once on this thread, and on another.
    static let starters: [@Sendable (@escaping @Sendable () -> Void) -> (() -> Void)] = [
        KezekState.inline, onAnotherThread,
    ]

    /// A table of numbers 1 to `count` (every third one empty) and one record far beyond the array.
    static func table(count: Int) -> NumberedTable<BulletinNumber, UInt64> {
        var table = NumberedTable<BulletinNumber, UInt64>()
        for number in stride(from: 1, through: count, by: 1) where number % 3 != 0 {
            table[BulletinNumber(rawValue: UInt64(number))] = UInt64(number) * 10
        }
        if count > 0 { table[BulletinNumber(rawValue: UInt64(count) + 1_000_000)] = 7 }
        return table
    }

    static func image(of table: NumberedTable<BulletinNumber, UInt64>) -> [UInt8] {
        var encoder = StateImageEncoder(writer: BinaryWriter())
        encoder.writeTable(table) { $0.writer.write($1) }
        return encoder.writer.bytes
    }

    /// Reads `bytes` as a table of `Tracked` records; `poison` makes the record of that value fail.
    static func read(
        _ bytes: [UInt8], poison: UInt64? = nil,
        concurrently: @escaping @Sendable (@escaping @Sendable () -> Void) -> (() -> Void)
    ) throws(BinaryDecodingError) -> NumberedTable<BulletinNumber, Tracked> {
        try BinaryReader.withReader(bytes) { reader throws(BinaryDecodingError) in
            var decoder = StateImageDecoder(reader: reader)
            let table: NumberedTable<BulletinNumber, Tracked> = try decoder.readNumberedTable(
                concurrently: concurrently
            ) { decoder throws(BinaryDecodingError) in
                let offset = decoder.reader.offset
                let value = try decoder.reader.readUInt64()
                guard value != poison else { throw decoder.reader.invalid("poisoned record", at: offset) }
                return Tracked(value)
            }
            reader = decoder.reader
            try reader.expectEnd()
            return table
        }
    }

    @Test("the halves read back to the table, on one thread or two", arguments: [0, 1, 2, 3, 10, 1_001])
    func roundTrip(count: Int) throws {
        let table = Self.table(count: count)
        let bytes = Self.image(of: table)
        for concurrently in Self.starters {
            let read = try Self.read(bytes, concurrently: concurrently)
            #expect(read.count == table.count)
            #expect(Array(read.keys) == Array(table.keys))
            #expect(read.values.map(\.value) == Array(table.values))
            #expect(read.arrayCount == table.arrayCount)
        }
    }

    @Test("a record that fails in either half fails the read and leaves no record alive")
    func failingHalves() {
        let count = 1_001
        let bytes = Self.image(of: Self.table(count: count))
        let before = Self.Tracked.alive.load(ordering: .relaxed)
        // The first record, one in the first half, the first of the second half, the last in the array,
        // and the one beyond it.
        for poison: UInt64 in [10, 2_000, 5_020, 10_010, 7] {
            for concurrently in Self.starters {
                #expect(throws: BinaryDecodingError.self, "poison \(poison)") {
                    try Self.read(bytes, poison: poison, concurrently: concurrently)
                }
                #expect(Self.Tracked.alive.load(ordering: .relaxed) == before, "poison \(poison)")
            }
        }
    }

    @Test("a split beyond the slots, a wrong half length and every cut are refused")
    func damagedHeaders() {
        let bytes = Self.image(of: Self.table(count: 20))
        // Count (varint 20), split (varint 10), then the first half's length (8 bytes).
        #expect(bytes[0] == 20 && bytes[1] == 10)
        var split = bytes
        split[1] = 21
        var length = bytes
        length[9] &+= 1
        var shorter = bytes
        shorter[9] &-= 1
        let before = Self.Tracked.alive.load(ordering: .relaxed)
        for damaged in [split, length, shorter] + (0..<bytes.count).map({ Array(bytes.prefix($0)) }) {
            for concurrently in Self.starters {
                #expect(throws: BinaryDecodingError.self) { try Self.read(damaged, concurrently: concurrently) }
            }
        }
        #expect(Self.Tracked.alive.load(ordering: .relaxed) == before)
    }
}
