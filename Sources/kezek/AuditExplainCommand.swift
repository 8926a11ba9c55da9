import ArgumentParser
import Engine
import EventLog
import Kezek

/// `kezek audit explain --application N`: the application's whole history, with its queue number after
/// each event and the reason of every decision.
struct AuditExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print every event that touched an application, its queue number after each, and each reason.",
        discussion: """
            Replays the log once. Prints {"application", "position", "events": [{"position", "time", "type", \
            "queueNumber", "fields", "reason"}]}: the application's events, those of its referrals, the closes \
            of the bulletins it applied to and the refreshes that moved it, in log order.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The application number.")
    var application: UInt64

    func run() throws {
        let log = try dataOptions.openLog()
        defer { try? log.close() }
        let answer: Result<JSONValue, Rejection>
        do {
            answer = try Engine.auditTrail(of: ApplicationNumber(rawValue: application), in: log)
        } catch {
            throw ToolFailure.engine(error)
        }
        try printAnswer(answer)
    }
}
