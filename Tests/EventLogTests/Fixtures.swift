import EventLog
import KezekTestSupport
import Testing

/// A record whose payload names its stream, batch and index, so that a test can check content.
func record(_ stream: String, _ text: String, type: UInt16 = 1, time: Int64 = 1_750_000_000_000) -> NewRecord {
    NewRecord(stream: StreamID(rawValue: stream)!, type: RecordType(type), timestamp: time, payload: Array(text.utf8))
}

func stream(_ name: String) -> StreamID {
    StreamID(rawValue: name)!
}

func text(_ record: Record) -> String {
    String(decoding: record.payload, as: UTF8.self)
}

/// Options for tests: a small map, so growth is exercised, and no fsync unless a test asks for it.
func testOptions(
    durability: EventLog.Durability = .bulkLoad,
    initialMapSize: Int = 1 << 20
) -> EventLog.Options {
    EventLog.Options(durability: durability, initialMapSize: initialMapSize)
}

/// Expects the whole log to verify and to hold exactly positions 1...count.
func expectIntact(_ log: EventLog, count: UInt64, sourceLocation: SourceLocation = #_sourceLocation) {
    for threads in [1, 3] {
        let report = log.verify(threads: threads)
        #expect(report.isIntact, "\(report.failure?.description ?? "")", sourceLocation: sourceLocation)
        #expect(report.recordsChecked == count, sourceLocation: sourceLocation)
        #expect(report.verifiedHead == log.head, sourceLocation: sourceLocation)
    }
    #expect(log.head.position == Position(count), sourceLocation: sourceLocation)
}
