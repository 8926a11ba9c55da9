public import EventLog
import KezekTestSupport

/// A fixed pool of realistic records for the benchmarks: streams named like `application-123456`, a
/// handful of type codes, and JSON-like payloads of 100 to 200 bytes.
///
/// Built once, before anything is timed, from a seeded generator, so that every run appends the same
/// bytes and building them costs nothing inside a measurement.
public struct SampleRecords: Sendable {
    /// The records; ``record(for:)`` cycles through them.
    public let records: [NewRecord]

    /// Makes `count` records from `seed`, spread over `streams` applications.
    public init(count: Int = 16_384, streams: Int = 50_000, seed: UInt64 = 0x6B65_7A65_6B) {
        precondition(count > 0 && streams > 0, "a sample needs records and streams")
        var generator = SeededGenerator(seed: seed)
        let numbers = (0..<streams).map { _ in 100_000 + Int(generator.next() % 900_000) }
        let start: Int64 = 1_735_689_600_000  // 2025-01-01T00:00:00Z
        records = (0..<count).map { index in
            let number = numbers[Int(generator.next() % UInt64(streams))]
            let type = Self.types[Int(generator.next() % UInt64(Self.types.count))]
            return NewRecord(
                stream: StreamID(rawValue: "application-\(number)")!,
                type: RecordType(type.code),
                timestamp: start + Int64(index) * 1_250,
                payload: Self.payload(type: type.name, application: number, generator: &generator)
            )
        }
    }

    /// The record for the `ticket`-th append of a run.
    @inline(__always)
    public func record(for ticket: Int) -> NewRecord {
        records[ticket % records.count]
    }

    /// The payload bytes of all records, on average.
    public var averagePayloadSize: Int {
        records.reduce(0) { $0 + $1.payload.count } / records.count
    }

    private static let types: [(code: UInt16, name: String)] = [
        (1, "applicationSubmitted"),
        (2, "priorityConfirmed"),
        (3, "kindergartenChosen"),
        (4, "placeOffered"),
        (5, "referralIssued"),
    ]

    private static func payload(type: String, application: Int, generator: inout SeededGenerator) -> [UInt8] {
        let iin = 150_000_000_000 + generator.next() % 99_999_999_999
        let kindergarten = 1 + generator.next() % 4_000
        let district = 110_000_000 + generator.next() % 899_999_999
        let language = generator.next() % 2 == 0 ? "kk" : "ru"
        let text = """
            {"type":"\(type)","application":"\(application)","child":"\(iin)","kindergarten":\(kindergarten),\
            "kato":"\(district)","language":"\(language)","tier":\(1 + generator.next() % 3)}
            """
        return Array(text.utf8)
    }
}
