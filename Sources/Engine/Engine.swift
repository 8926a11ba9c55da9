public import EventLog
public import Kezek
import Projections

/// The one writer of a Kezek log: commands come in, are decided against the current state, their events
/// are appended (one batch per command) and folded into the state by the same code that replay runs.
///
/// Commands are pipelined: ``execute(_:)`` decides and folds a command at once and queues its append
/// without waiting, so that many commands share one group commit; its answer may be given once
/// ``isDurable(_:)`` says so (or after ``waitUntilDurable(_:)``). If an append fails, the engine stops:
/// its state is then ahead of the log, so it answers nothing more.
///
/// Not thread-safe: one thread (or task) owns an engine.
public final class Engine {
    /// The log.
    public let log: EventLog
    /// How the engine was opened.
    public let options: Options
    /// The state and read models, including every command executed (durable or not yet).
    public private(set) var model: EngineModel

    private let tracker = DurabilityTracker()
    private var submitted: UInt64 = 0
    private var checkpointedAt: Position
    private var isStopped = false

    /// Opens (creating when missing) the log in the directory `path` and rebuilds the state: the newest
    /// checkpoint plus the log's tail, or the whole log when there is no usable checkpoint (with a
    /// warning).
    public init(path: String, options: Options = Options()) throws(EngineError) {
        self.options = options
        do {
            log = try EventLog(path: path, options: options.log)
        } catch {
            throw .log(error)
        }
        var start = EngineModel()
        switch EngineCheckpoint.load(from: log) {
        case .success(let model):
            start = model
        case .failure(.missing):
            if log.head.position > .zero {
                options.warn("no checkpoint: replaying the whole log (\(log.head.position) events)")
            }
        case .failure(let problem):
            options.warn("\(problem): replaying the whole log (\(log.head.position) events)")
        }
        checkpointedAt = start.position
        model = try Self.catchUp(consume start, from: log)
    }

    /// The decision state.
    public var state: KezekState { model.state }

    /// How many records a replay folds between two progress reports.
    public static let progressInterval: UInt64 = 1 << 16

    /// Folds every record after `model.position` into `model`, stopping before the first record past
    /// position `limit` or recorded after `time`, when given; tells `progress` the position reached every
    /// ``progressInterval`` records. A long tail is folded on three threads: the records read and decoded
    /// on one (`RecordBatches`), the decision state folded on this one, the read models on a third
    /// (`ProjectionPipeline`), each batch of events handed on as it is.
    static func catchUp(
        _ model: consuming EngineModel, from log: EventLog, until limit: Position? = nil,
        through time: Timestamp? = nil, concurrentlyFrom threshold: UInt64 = pipelineThreshold,
        progress: (Position) -> Void = { _ in }
    ) throws(EngineError) -> EngineModel {
        let position = model.position
        let lastTime = time?.millisecondsSinceEpoch ?? .max
        guard log.head.position.rawValue &- position.rawValue >= threshold else {
            return try catchUpHere(model, from: log, until: limit, through: lastTime, progress: progress)
        }
        var (state, local) = model.parts()
        // A tail longer than the state's applications and referrals keeps the deadline index faster by
        // building it once at the end than by keeping it event by event.
        let tail = Swift.min(limit ?? log.head.position, log.head.position).rawValue &- position.rawValue
        let rebuildsDeadlines = tail >= UInt64(state.applications.count + state.referrals.count)
        let batches = RecordBatches(log, after: position, until: limit, through: lastTime)
        let pipeline = ProjectionPipeline(consume local) { batches.recycle($0) }
        var reached = position
        while let batch = batches.next() {
            batch.withUnsafeBufferPointer { items in
                if rebuildsDeadlines { state.evolveRecords(items) } else { state.evolve(items) }
                for index in items.indices where items[index].position % Self.progressInterval == 0 {
                    progress(Position(items[index].position))
                }
            }
            reached = Position(batch[batch.count - 1].position)
            pipeline.add(consume batch)
        }
        if rebuildsDeadlines { state.rebuildDeadlines() }
        let projections = pipeline.finish()
        if let failure = batches.failure { throw failure }
        return EngineModel(state: state, projections: projections, position: reached)
    }

    /// ``catchUp(_:from:until:through:concurrentlyFrom:progress:)`` on this thread alone, for a short tail.
    private static func catchUpHere(
        _ model: consuming EngineModel, from log: EventLog, until limit: Position?, through lastTime: Int64,
        progress: (Position) -> Void
    ) throws(EngineError) -> EngineModel {
        let position = model.position
        var (state, local) = model.parts()
        var reached = position
        try log.forEachEvent(after: position, until: limit, through: lastTime) { event, time, position in
            state.evolve(event, at: time)
            local.apply(event, at: time, position: position.rawValue)
            reached = position
            if position.rawValue % Self.progressInterval == 0 { progress(position) }
        }
        return EngineModel(state: state, projections: local, position: reached)
    }

    /// A tail at least this long is folded on three threads, unless a caller says otherwise.
    public static let pipelineThreshold: UInt64 = 1 << 14

    // MARK: Commands

    /// Decides one command, folds its events into the state and queues their append; returns at once.
    ///
    /// A rejected command writes nothing. The answer may be given once ``isDurable(_:)`` holds for its
    /// ticket. Throws when the engine stopped (an earlier append failed) or is read-only.
    public func execute(_ envelope: CommandEnvelope) throws(EngineError) -> Execution {
        try requireRunning()
        let context = options.context.looking(up: envelope.command, in: options.registry)
        switch decide(envelope, in: model.state, context: context) {
        case .failure(let rejection):
            return Execution(outcome: .failure(rejection), ticket: submitted)
        case .success(let events):
            guard !events.isEmpty else {
                return Execution(
                    outcome: .success(CommandResult(command: envelope.command, events: [], model: model)),
                    ticket: submitted)
            }
            var records: [NewRecord] = []
            records.reserveCapacity(events.count)
            var position = model.position
            for event in events {
                records.append(event.record(at: envelope.at))
                position = position.next
                model.apply(event, at: envelope.at, position: position)
            }
            let tracker = tracker
            log.append(AppendRequest(records: records)) { tracker.report($0) }
            submitted += 1
            let result = CommandResult(command: envelope.command, events: events, model: model)
            let ticket = submitted
            try checkpointIfDue()
            return Execution(outcome: .success(result), ticket: ticket)
        }
    }

    /// Decodes one `apply` line and executes it; a line that does not decode is answered with its
    /// rejection (`malformedCommand`, `unknownCommand`, ...) and writes nothing.
    public func execute(line: UnsafeRawBufferPointer) throws(EngineError) -> Execution {
        try requireRunning()
        switch Command.decode(line, registry: options.context.localities) {
        case .failure(let rejection): return Execution(outcome: .failure(rejection), ticket: submitted)
        case .success(let envelope): return try execute(envelope)
        }
    }

    /// Executes one command and waits until its answer may be given.
    public func executeAndWait(_ envelope: CommandEnvelope) throws(EngineError) -> Result<CommandResult, Rejection> {
        let execution = try execute(envelope)
        try waitUntilDurable(execution.ticket)
        return execution.outcome
    }

    /// The number of appends durable so far: answers whose ticket is at most this may be given, also
    /// after an append failed.
    public var durableCount: UInt64 { tracker.durableCount }

    /// Whether the answer with `ticket` may be given; throws when an append failed.
    public func isDurable(_ ticket: UInt64) throws(EngineError) -> Bool {
        switch tracker.status {
        case .success(let durable): return durable >= ticket
        case .failure(let error):
            isStopped = true
            throw .appendFailed(error)
        }
    }

    /// Waits until the answer with `ticket` may be given (every append so far when `nil`).
    public func waitUntilDurable(_ ticket: UInt64? = nil) throws(EngineError) {
        do {
            try tracker.wait(until: ticket ?? submitted)
        } catch {
            isStopped = true
            throw .appendFailed(error)
        }
    }

    private func requireRunning() throws(EngineError) {
        if options.log.readOnly { throw .readOnly }
        if isStopped { throw .stopped }
        if case .failure(let error) = tracker.status {
            isStopped = true
            throw .appendFailed(error)
        }
    }

    // MARK: Checkpoints and closing

    /// Saves a checkpoint when ``Options/checkpointInterval`` events came since the last one and, on a long
    /// log, at least half as many as the last one covered: a checkpoint costs time in proportion to the
    /// state, so they grow further apart as the state grows (a few dozen over a national log), and a
    /// start never replays more than a third of the log.
    private func checkpointIfDue() throws(EngineError) {
        let since = model.position.rawValue - checkpointedAt.rawValue
        guard since >= max(options.checkpointInterval, checkpointedAt.rawValue / 2) else { return }
        try saveCheckpoint()
    }

    /// Waits until everything executed is durable, then saves the model as the checkpoint.
    public func saveCheckpoint() throws(EngineError) {
        guard !options.log.readOnly else { throw .readOnly }
        try waitUntilDurable()
        try EngineCheckpoint.save(model, in: log)
        checkpointedAt = model.position
    }

    /// Waits for the queued appends, saves a checkpoint when events came since the last one, and closes
    /// the log. After a failed append the log is closed without a checkpoint and the failure is thrown.
    public func close() throws(EngineError) {
        var failure: EngineError?
        if !options.log.readOnly && !isStopped {
            do {
                try waitUntilDurable()
                if model.position != checkpointedAt { try saveCheckpoint() }
            } catch {
                failure = error
            }
        }
        isStopped = true
        do {
            try log.close()
        } catch {
            failure = failure ?? .log(error)
        }
        if let failure { throw failure }
    }
}
