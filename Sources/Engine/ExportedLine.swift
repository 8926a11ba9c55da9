import EventLog
import Kezek

/// One line of `kezek export`, read back: the event, the record that keeps it, and the chain fields.
struct ExportedLine {
    var position: Position
    var event: Event
    var record: NewRecord
    var hash: ChainHash
    var isBatchEnd: Bool
    var idempotencyKey: IdempotencyKey?

    /// Parses `{"position", "time", "type", "stream", "fields", "hash", "batchEnd"?, "idempotencyKey"?}`;
    /// a missing `batchEnd` counts as `true` (a batch of one).
    init(parsing bytes: UnsafeRawBufferPointer, line: Int) throws(ImportError) {
        func malformed(_ reason: String) -> ImportError { .malformedLine(line: line, reason: reason) }
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes)
        } catch {
            throw malformed("not JSON (\(error))")
        }
        guard case .object(let object) = json else { throw malformed("not a JSON object") }
        guard case .integer(let position)? = object["position"], position > 0 else {
            throw malformed("position is missing or not a positive integer")
        }
        guard case .string(let timeText)? = object["time"], let time = Timestamp(timeText) else {
            throw malformed("time is missing or not ISO 8601 with an offset")
        }
        guard case .string(let type)? = object["type"] else { throw malformed("type is missing or not a string") }
        guard case .string(let streamName)? = object["stream"], let stream = StreamID(rawValue: streamName) else {
            throw malformed("stream is missing or not a valid stream name")
        }
        guard case .object(let fields)? = object["fields"] else {
            throw malformed("fields is missing or not an object")
        }
        guard case .string(let hashText)? = object["hash"], let hash = ChainHash(hex: hashText) else {
            throw malformed("hash is missing or not 64 hexadecimal digits")
        }
        var isBatchEnd = true
        switch object["batchEnd"] {
        case nil: break
        case .bool(let value)?: isBatchEnd = value
        default: throw malformed("batchEnd is not true or false")
        }
        var key: IdempotencyKey?
        switch object["idempotencyKey"] {
        case nil: break
        case .string(let text)?:
            guard let parsed = try? IdempotencyKey(text) else { throw malformed("idempotencyKey is not valid") }
            key = parsed
        default: throw malformed("idempotencyKey is not a string")
        }
        var eventJSON: JSONObject = ["type": .string(type)]
        for member in fields.members where member.key != "type" { eventJSON[member.key] = member.value }
        do {
            event = try Event(json: .object(eventJSON))
        } catch {
            throw malformed("the fields do not make a \(type) event: \(error.message)")
        }
        let encoded = event.record(at: time)
        self.position = Position(UInt64(position))
        record = NewRecord(stream: stream, type: encoded.type, timestamp: encoded.timestamp, payload: encoded.payload)
        self.hash = hash
        self.isBatchEnd = isBatchEnd
        idempotencyKey = key
    }
}
