import ArgumentParser
import Engine
import Kezek

/// `kezek show --application N` (the application's card), `kezek show --bulletin N` or
/// `kezek show --applicant IIN` (the applicant's cabinet).
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Print an application's card, a bulletin with its applicants and allocation, or an applicant's cabinet.",
        discussion: """
            --application N: fields, stage, queue number, referrals and history. --bulletin N: {"bulletin", \
            "kindergarten", "key", "seats", "opensAt", "closesAt", "status", "asOf", "applicants"} (in queue \
            order, with queue numbers and eligibility, or their outcome once closed) and, once closed, \
            "closedAt", "closingPosition", "policy", "admitted", "cutOff", "unfilledSeats", "passedOver" and \
            "referrals" with their status. --applicant IIN [--limit N]: {"applicant", "phone", "children" (each \
            with "child", "gender", "activeApplication", "enrolment" and its "applications" with key, status, \
            stage, tier and queue number), "notifications"} (the newest N lines of every application's \
            history, default 20).
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The application number.")
    var application: UInt64?

    @Option(help: "The bulletin number.")
    var bulletin: UInt64?

    @Option(help: "The applicant's IIN (12 digits).")
    var applicant: String?

    @Option(help: "With --applicant: how many notifications, newest first.")
    var limit: Int = 20

    func validate() throws {
        guard [application != nil, bulletin != nil, applicant != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give one of --application N, --bulletin N or --applicant IIN")
        }
        guard limit >= 0 else { throw ValidationError("--limit must not be negative, got \(limit)") }
    }

    func run() throws {
        let engine = try dataOptions.openEngineForReading()
        defer { try? engine.close() }
        let answer: Result<JSONValue, Rejection>
        do {
            if let bulletin {
                answer = try engine.bulletinReport(BulletinNumber(rawValue: bulletin))
            } else if let applicant {
                switch Result(catching: { () throws(IINError) in try IIN(parsing: applicant) }) {
                case .success(let iin): answer = try engine.cabinet(of: iin, limit: limit)
                case .failure(let error): answer = .failure(.invalidIIN(field: "applicant", error))
                }
            } else {
                answer = try engine.card(of: ApplicationNumber(rawValue: application ?? 0))
            }
        } catch {
            throw ToolFailure.engine(error)
        }
        try printAnswer(answer)
    }
}
