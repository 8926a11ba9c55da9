import ArgumentParser
import Engine
import Kezek

/// `kezek explain --application N`: why the application did or did not get each seat it applied for.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why an application did or did not get each seat it applied for.",
        discussion: """
            Reads the recorded decisions (bulletinClosed, referralIssued). Prints {"application", "status", \
            "queueNumber", "tier", "key", "bulletins": [{"bulletin", "kindergarten", "rank", "closesAt", \
            "closed", "outcome", ...}]}: outcome is pending, admitted, passedOver (with its reason) or notReached \
            (the seats were gone before its turn: see cutOff and position), with an explanation in plain words.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The application number.")
    var application: UInt64

    func run() throws {
        let engine = try dataOptions.openEngineForReading()
        defer { try? engine.close() }
        let answer: Result<JSONValue, Rejection>
        do {
            answer = try engine.explanation(of: ApplicationNumber(rawValue: application))
        } catch {
            throw ToolFailure.engine(error)
        }
        try printAnswer(answer)
    }
}
