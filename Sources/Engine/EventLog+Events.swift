import EventLog
import Kezek

extension EventLog {
    /// Calls `body` with every record after `position` and its event (handed over, not lent), in log
    /// order, while `accepts` takes the record (checked before the event is decoded) and `body` returns
    /// `true`. Fails with
    /// ``EngineError/log(_:)`` when the log cannot be read and with
    /// ``EngineError/undecodableRecord(position:reason:)`` at the first accepted record that is not an
    /// event, after `body` heard every one before it.
    func forEachEventRecord(
        after position: Position, while accepts: (RecordView) -> Bool = { _ in true },
        _ body: (_ event: consuming Event, _ record: RecordView) -> Bool
    ) throws(EngineError) {
        var failure: EngineError?
        do throws(EventLogError) {
            try forEachRecord(after: position) { view in
                guard accepts(view) else { return false }
                do throws(EngineError) {
                    return body(try Event(record: view), view)
                } catch {
                    failure = error
                    return false
                }
            }
        } catch {
            throw .log(error)
        }
        if let failure { throw failure }
    }

    /// Calls `body` with the event of every record after `position`, with its time and position, in log
    /// order; stops before the first record past position `limit` or recorded after `lastTime` (in
    /// milliseconds since 1970), and at the log's end. Fails like
    /// ``forEachEventRecord(after:while:_:)``.
    func forEachEvent(
        after position: Position, until limit: Position?, through lastTime: Int64,
        _ body: (_ event: consuming Event, _ time: Timestamp, _ position: Position) -> Void
    ) throws(EngineError) {
        try forEachEventRecord(after: position) { view in
            view.isWithin(limit, through: lastTime)
        } _: { event, view in
            body(consume event, Timestamp(millisecondsSinceEpoch: view.timestamp), view.position)
            return true
        }
    }
}

extension RecordView {
    /// Whether the record is at or before position `limit` (when given) and recorded at or before
    /// `lastTime` (milliseconds since 1970): where a replay up to a point stops.
    func isWithin(_ limit: Position?, through lastTime: Int64) -> Bool {
        timestamp <= lastTime && (limit.map { position <= $0 } ?? true)
    }
}
