public import EventLog
public import Kezek

extension Engine {
    /// Calls `body` with the JSON form of every event from position `first` on, in log order:
    /// `{"position", "time", "type", "stream", "fields", "hash", "streamVersion", "batchEnd",
    /// "idempotencyKey"?}` (the last three are what, with the event, the chain hash covers, so that an
    /// import can check every hash). `body` returns `false` to stop.
    public static func export(
        _ log: EventLog, from first: Position = Position(1), _ body: (JSONValue) -> Bool
    ) throws(EngineError) {
        let after = first.rawValue > 0 ? Position(first.rawValue - 1) : .zero
        try log.forEachEventRecord(after: after) { event, view in body(exported(event, view: view)) }
    }

    /// The exported form of one event.
    static func exported(_ event: Event, view: RecordView) -> JSONValue {
        var fields = JSONObject()
        if case .object(let object) = event.json {
            for member in object.members where member.key != "type" { fields[member.key] = member.value }
        }
        var line: JSONObject = [
            "position": .integer(Int64(bitPattern: view.position.rawValue)),
            "time": .time(Timestamp(millisecondsSinceEpoch: view.timestamp)),
            "type": .string(event.type.name),
            "stream": .string(String(decoding: view.streamBytes, as: UTF8.self)),
            "fields": .object(fields),
            "hash": .string(view.hash.hex),
            "streamVersion": .integer(Int64(bitPattern: view.streamVersion.rawValue)),
            "batchEnd": .bool(view.isLastInBatch),
        ]
        if let key = view.idempotencyKeyBytes {
            line["idempotencyKey"] = .string(String(decoding: key, as: UTF8.self))
        }
        return .object(line)
    }
}
