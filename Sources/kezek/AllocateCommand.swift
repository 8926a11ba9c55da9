import ArgumentParser
import Engine
import Foundation
import Kezek

/// `kezek allocate --dry-run [--at TIME]`: what the next `tick` would decide, writing nothing.
struct AllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Print what a tick would decide now (bulletins closed, seats, referrals, expiries), writing nothing.",
        discussion: """
            Needs --dry-run: writes go through `kezek apply` with a {"type": "tick", "at": TIME} command. Prints \
            {"dryRun": true, "at", "position", "events", "bulletinsClosed", "referralsExpired", "interestLapsed", \
            "applicationsAnnulled", "referralsIssued"}, each admitted application with the queue number it had \
            at the allocation. TIME defaults to now, or to the log's last time when that is later.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Decide without writing anything (required).")
    var dryRun = false

    @Option(help: "The tick's time, ISO 8601 with an offset (default: now, or the log's last time if later).")
    var at: String?

    func validate() throws {
        guard dryRun else {
            throw ValidationError(
                "allocate only previews: add --dry-run; to allocate, apply a tick command, e.g. "
                    + #"echo '{"type":"tick","at":"2026-06-20T09:00:00+05:00"}' | kezek apply -"#)
        }
        if let at, Timestamp(at) == nil {
            throw ValidationError("--at \(at) is not a time in ISO 8601 with an offset, e.g. 2026-06-20T09:00:00+05:00")
        }
    }

    func run() throws {
        let engine = try dataOptions.openEngineForReading()
        defer { try? engine.close() }
        let time: Timestamp
        if let at, let given = Timestamp(at) {
            time = given
        } else {
            let now = Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
            time = Swift.max(now, engine.state.lastTime ?? now)
        }
        try printAnswer(engine.dryRunTick(at: time))
    }
}
