import ArgumentParser
import Engine
import Kezek

/// `kezek show --application N`: the application's card.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an application's card: fields, stage, queue number, referrals and history."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The application number.")
    var application: UInt64

    func run() throws {
        let engine = try dataOptions.openEngineForReading()
        defer { try? engine.close() }
        let card: Result<JSONValue, Rejection>
        do {
            card = try engine.card(of: ApplicationNumber(rawValue: application))
        } catch {
            throw ToolFailure.engine(error)
        }
        try printAnswer(card)
    }
}
