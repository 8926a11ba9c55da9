import ArgumentParser
import Engine
import EventLog
import Foundation
import Kezek

/// `kezek apply [FILE|-]`: commands in (JSON Lines), one result line per input line out, in order.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply commands (JSON Lines) and print one result line per input line.",
        discussion: """
            Each line is one command {"type": NAME, "at": TIME, ...fields}. Each result is {"ok": true, ...} \
            or {"ok": false, "error": {"code", "message"}}; a rejected command writes nothing. Results are \
            printed once the commands before them are durable. Large inputs stream in constant memory.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @OptionGroup var registryOptions: RegistryOptions

    @Option(
        name: .long,
        help: "Save a checkpoint of the state after at least this many events (further apart as the log grows).")
    var checkpointEvery: UInt64 = 100_000

    @Argument(help: "The commands file; - or nothing for standard input.")
    var file: String?

    /// How many results may wait for durability before reading pauses.
    static let backlog = 8_192
    /// Progress goes to stderr every this many lines.
    static let progressEvery = 100_000

    func run() throws {
        var reader = try LineReader(path: file)
        let options = Engine.Options(
            registry: try registryOptions.load(), checkpointInterval: max(1, checkpointEvery),
            warn: { Terminal.error($0) })
        let engine: Engine
        do {
            engine = try Engine(path: dataOptions.data, options: options)
        } catch {
            throw ToolFailure.engine(error)
        }
        var pending = PendingResults()
        var lines = 0
        let started = Date()
        do {
            while try reader.next({ (line) throws(ToolFailure) in
                do throws(EngineError) {
                    let execution = try engine.execute(line: line)
                    pending.append(execution)
                } catch {
                    throw .engine(error)
                }
            }) {
                lines += 1
                if lines % 1_024 == 0 {
                    try pending.printDurable(engine)
                    if pending.count >= Self.backlog { try pending.waitForOldest(engine) }
                }
                if lines % Self.progressEvery == 0 {
                    let seconds = Date().timeIntervalSince(started)
                    Terminal.error("kezek apply: \(lines) lines, \(Int(Double(lines) / max(seconds, 0.001))) lines/s")
                }
            }
            try engine.waitUntilDurable()
            try pending.printDurable(engine)
            try engine.close()
        } catch {
            // Print what is durable, nothing after it, and stop.
            pending.printUpTo(engine.durableCount)
            Terminal.flush()
            try? engine.close()
            if let failure = error as? ToolFailure { throw failure }
            if let failure = error as? EngineError { throw ToolFailure.engine(failure) }
            throw error
        }
        Terminal.flush()
    }
}

/// Answers waiting for their commands to be durable, in input order.
struct PendingResults {
    private var entries: [(ticket: UInt64, line: JSONValue)] = []
    private var head = 0

    var count: Int { entries.count - head }

    mutating func append(_ execution: Execution) {
        entries.append((execution.ticket, execution.json))
    }

    /// Prints every answer whose commands are durable, in order.
    mutating func printDurable(_ engine: Engine) throws(EngineError) {
        _ = try engine.isDurable(0)
        printUpTo(engine.durableCount)
    }

    /// Waits until the older half of the backlog is durable, and prints it.
    mutating func waitForOldest(_ engine: Engine) throws(EngineError) {
        try engine.waitUntilDurable(entries[head + count / 2].ticket)
        printUpTo(engine.durableCount)
    }

    /// Prints the answers whose ticket is at most `durable`, in order, stopping at the first that is not.
    mutating func printUpTo(_ durable: UInt64) {
        while head < entries.count && entries[head].ticket <= durable {
            Terminal.printLine(entries[head].line)
            head += 1
        }
        if head > 4_096 && head * 2 > entries.count {
            entries.removeFirst(head)
            head = 0
        }
    }
}
