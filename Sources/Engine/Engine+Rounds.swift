public import EventLog
public import Kezek

/// What re-deciding the recorded allocation rounds found (see ``Engine/verifyRounds(_:context:until:)``).
public struct RoundsReport: Sendable, Equatable {
    /// The last position read.
    public var position: Position
    /// The `tick` batches re-decided.
    public var rounds: Int
    /// The events in them.
    public var events: Int
    /// The first batch whose events differ from what `tick` decides, if any.
    public var mismatch: RoundMismatch?

    /// Whether every round was reproduced byte for byte.
    public var isReproduced: Bool { mismatch == nil }
}

/// A recorded `tick` batch that `decide` does not reproduce.
public struct RoundMismatch: Sendable, Equatable {
    /// The first position of the batch.
    public var batch: Position
    /// The first position that differs (or the batch's first, when the counts differ).
    public var position: Position
    /// What differs, in plain words.
    public var reason: String
}

extension Engine {
    /// Re-decides every recorded `tick` batch and compares the encoded events with the recorded records
    /// byte for byte (type, stream, time and payload).
    ///
    /// One pass over the log: the decision state is folded record by record; at a batch that only `tick`
    /// writes (it holds a `referralExpired`, `interestLapsed`, `bulletinClosed`, `referralIssued` or an
    /// annulment for `restorationExpired`), `decide` runs a `tick` at the batch's time on the state just
    /// before it, with `context`'s rules, and the result must equal the batch. Stops at the first mismatch.
    public static func verifyRounds(
        _ log: EventLog, context: DecisionContext = DecisionContext(), until limit: Position? = nil
    ) throws(EngineError) -> RoundsReport {
        var state = KezekState()
        var report = RoundsReport(position: .zero, rounds: 0, events: 0)
        var batch: [(record: Record, event: Event)] = []
        var failure: EngineError?
        do {
            try log.forEachRecord { view in
                if let limit, view.position > limit { return false }
                do throws(EngineError) {
                    batch.append((Record(view), try Event(record: view)))
                } catch {
                    failure = error
                    return false
                }
                report.position = view.position
                guard view.isLastInBatch else { return true }
                defer { batch.removeAll(keepingCapacity: true) }
                let time = Timestamp(millisecondsSinceEpoch: view.timestamp)
                if batch.contains(where: { $0.event.isWrittenOnlyByTick }) {
                    report.rounds += 1
                    report.events += batch.count
                    let decision = decide(CommandEnvelope(.tick, at: time), in: state, context: context)
                    if let mismatch = compare(batch, with: decision, at: time) {
                        report.mismatch = mismatch
                        return false
                    }
                }
                for entry in batch {
                    state.evolve(entry.event, at: Timestamp(millisecondsSinceEpoch: entry.record.timestamp))
                }
                return true
            }
        } catch {
            throw .log(error)
        }
        if let failure { throw failure }
        return report
    }

    /// The first difference between a recorded batch and a decision, or `nil` when they are equal.
    private static func compare(
        _ batch: [(record: Record, event: Event)], with decision: Result<[Event], Rejection>, at time: Timestamp
    ) -> RoundMismatch? {
        let first = batch[0].record.position
        let events: [Event]
        switch decision {
        case .failure(let rejection):
            return RoundMismatch(batch: first, position: first, reason: "tick is refused here: \(rejection.message)")
        case .success(let decided): events = decided
        }
        for (recorded, expected) in zip(batch, events) {
            let record = recorded.record
            let encoded = expected.record(at: time)
            guard
                record.type == encoded.type, record.stream == encoded.stream,
                record.timestamp == encoded.timestamp, record.payload == encoded.payload
            else {
                return RoundMismatch(
                    batch: first, position: record.position,
                    reason: "tick decides \(expected.type.name) on \(encoded.stream), the log holds "
                        + "\(recorded.event.type.name) on \(record.stream) with other bytes")
            }
        }
        guard batch.count == events.count else {
            return RoundMismatch(
                batch: first, position: first,
                reason: "tick decides \(events.count) events here, the batch holds \(batch.count)")
        }
        return nil
    }
}

extension Event {
    /// Whether only `tick` writes events of this kind.
    var isWrittenOnlyByTick: Bool {
        switch self {
        case .referralExpired, .interestLapsed, .bulletinClosed, .referralIssued: true
        case .applicationAnnulled(let e): e.reason == .restorationExpired
        default: false
        }
    }
}
