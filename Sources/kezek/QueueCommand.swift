import ArgumentParser
import Engine
import Kezek

/// `kezek queue`: one application's place, or a whole queue in order.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Print an application's queue number, or the ordered queue of a key.",
        discussion: """
            With --application N: {"application", "queueNumber", "tier", "status", "key"} (queueNumber is null \
            when the application is not in the queue). With --locality, --birth-year, --language and \
            --group-type: {"key", "length", "queue": [{"queueNumber", "application", "tier", "submittedAt", \
            "status"}]}.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "An application number.")
    var application: UInt64?

    @Option(help: "The queue's KATO code (9 digits).")
    var locality: String?

    @Option(help: "The queue's birth year.")
    var birthYear: Int?

    @Option(help: "The queue's language of instruction (kk, ru, ...).")
    var language: String?

    @Option(help: "The queue's group type (general, special, sanatorium).")
    var groupType: String?

    @Option(help: "Print at most this many applications of the queue.")
    var limit: Int?

    func validate() throws {
        let keyParts = [locality == nil, birthYear == nil, language == nil, groupType == nil]
        if application != nil {
            guard keyParts.allSatisfy({ $0 }) && limit == nil else {
                throw ValidationError("give either --application or the queue key, not both")
            }
        } else if keyParts.contains(true) {
            throw ValidationError("give --application N, or all of --locality, --birth-year, --language, --group-type")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
    }

    func run() throws {
        if let application {
            let engine = try dataOptions.openEngineForReading()
            defer { try? engine.close() }
            try printAnswer(engine.standing(of: ApplicationNumber(rawValue: application)))
            return
        }
        let key = try queueKey()
        let engine = try dataOptions.openEngineForReading()
        defer { try? engine.close() }
        Terminal.printLine(engine.queue(for: key, limit: limit))
        Terminal.flush()
    }

    private func queueKey() throws(ToolFailure) -> QueueKey {
        do {
            return QueueKey(
                locality: try KATOCode(parsing: locality ?? ""), birthYear: birthYear ?? 0,
                language: try LanguageCode(parsing: language ?? ""), groupType: try GroupType(parsing: groupType ?? ""))
        } catch {
            throw .usage("kezek queue: \(error)")
        }
    }
}

/// Prints a query's answer, or its rejection as `{"ok": false, "error": ...}` and exit code 1.
func printAnswer(_ answer: Result<JSONValue, Rejection>) throws(ToolFailure) {
    switch answer {
    case .success(let value):
        Terminal.printLine(value)
        Terminal.flush()
    case .failure(let rejection):
        Terminal.printLine(Execution(outcome: .failure(rejection), ticket: 0).json)
        Terminal.flush()
        throw ToolFailure(exitCode: ToolFailure.failedCheck, message: "kezek: \(rejection.code): \(rejection.message)")
    }
}
