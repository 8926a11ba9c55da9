import Benchmark
import Kezek

/// Encoded events laid end to end, as a log's values are: each with its type, version and byte range.
struct EncodedEvents {
    var bytes: [UInt8] = []
    var entries: [(type: EventType, version: UInt16, range: Range<Int>)] = []

    init(_ events: [Event]) {
        var writer = BinaryWriter(capacity: 256)
        for event in events {
            writer.removeAll()
            event.encode(into: &writer)
            entries.append((event.type, event.type.currentVersion, bytes.count..<bytes.count + writer.bytes.count))
            bytes += writer.bytes
        }
    }
}

/// Registers the codec benchmarks over one typical mix (`TypicalEvents`): both directions per event, as
/// the engine appends and replays, then each direction alone.
func registerEventCodecBenchmarks() {
    let events = TypicalEvents.mix(count: batchSize)
    let encoded = EncodedEvents(events)
    // The numbers mean nothing unless every event comes back equal.
    let decoded = try! decodeAll(encoded)
    precondition(decoded == events, "the typical mix does not round-trip")

    let configuration = configuration(reporting: eventsPerSecond)

    Benchmark("event encode+decode (typical mix)", configuration: configuration) { benchmark in
        var writer = BinaryWriter(capacity: 256)
        benchmark.startMeasurement()
        let perSecond = try rate(of: events.count) {
            for event in events {
                writer.removeAll()
                event.encode(into: &writer)
                let type = event.type
                let back = try writer.bytes.withUnsafeBytes { raw throws(EventDecodingError) in
                    var reader = BinaryReader(raw)
                    return try Event.decode(type: type, version: type.currentVersion, from: &reader)
                }
                blackHole(back)
            }
        }
        benchmark.stopMeasurement()
        benchmark.measurement(eventsPerSecond, perSecond)
    }

    Benchmark("event encode", configuration: configuration) { benchmark in
        var writer = BinaryWriter(capacity: 256)
        benchmark.startMeasurement()
        let perSecond = rate(of: events.count) {
            for event in events {
                writer.removeAll()
                event.encode(into: &writer)
                blackHole(writer.bytes.count)
            }
        }
        benchmark.stopMeasurement()
        benchmark.measurement(eventsPerSecond, perSecond)
    }

    Benchmark("event decode", configuration: configuration) { benchmark in
        benchmark.startMeasurement()
        let perSecond = try rate(of: encoded.entries.count) { try decodeEach(encoded) }
        benchmark.stopMeasurement()
        benchmark.measurement(eventsPerSecond, perSecond)
    }
}

/// Decodes every event of `encoded` into the black hole.
func decodeEach(_ encoded: EncodedEvents) throws {
    try encoded.bytes.withUnsafeBytes { raw in
        for entry in encoded.entries {
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[entry.range]))
            blackHole(try Event.decode(type: entry.type, version: entry.version, from: &reader))
        }
    }
}

/// Decodes every event of `encoded`, checking that each fills its bytes.
func decodeAll(_ encoded: EncodedEvents) throws -> [Event] {
    try encoded.bytes.withUnsafeBytes { raw in
        try encoded.entries.map { entry in
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[entry.range]))
            let event = try Event.decode(type: entry.type, version: entry.version, from: &reader)
            try reader.expectEnd()
            return event
        }
    }
}
