import ArgumentParser
import Engine
import Kezek

/// `kezek show --application N` (the application's card) or `kezek show --bulletin N`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an application's card, or a bulletin with its applicants and allocation.",
        discussion: """
            --application N: fields, stage, queue number, referrals and history. --bulletin N: {"bulletin", \
            "kindergarten", "key", "seats", "opensAt", "closesAt", "status", "asOf", "applicants"} (in queue \
            order, with queue numbers and eligibility, or their outcome once closed) and, once closed, \
            "closedAt", "closingPosition", "policy", "admitted", "cutOff", "unfilledSeats", "passedOver" and \
            "referrals" with their status.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The application number.")
    var application: UInt64?

    @Option(help: "The bulletin number.")
    var bulletin: UInt64?

    func validate() throws {
        guard (application == nil) != (bulletin == nil) else {
            throw ValidationError("give either --application N or --bulletin N")
        }
    }

    func run() throws {
        let engine = try dataOptions.openEngineForReading()
        defer { try? engine.close() }
        let answer: Result<JSONValue, Rejection>
        do {
            if let bulletin {
                answer = try engine.bulletinReport(BulletinNumber(rawValue: bulletin))
            } else {
                answer = try engine.card(of: ApplicationNumber(rawValue: application ?? 0))
            }
        } catch {
            throw ToolFailure.engine(error)
        }
        try printAnswer(answer)
    }
}
