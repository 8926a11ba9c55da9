import ArgumentParser
import Foundation
import Kezek
import KezekDemo
import KezekSimulation

/// `kezek demo`: builds the simulated country in the data directory and runs the whole cycle on it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a realistic national data set in the data directory and run the whole cycle on it.",
        discussion: """
            Runs the seeded simulation's commands through the engine (registrations, applications, priority \
            checks, confirmations of interest, withdrawals, bulletins, the daily ticks that run the \
            allocation rounds, referral answers and admissions), saves a checkpoint, verifies the hash \
            chain, replays the whole log, starts from the checkpoint, and prints a JSON summary: counts, \
            each phase's time and throughput, the allocation rounds and cut-offs by month, the queue per \
            region, the head hash and the state digest. The same scale and seed give the same head hash \
            and digest. A data directory holding an earlier demo's log is replaced; one holding any other \
            log is refused. Exit 1 when a check fails (the chain, or replay and checkpoint disagreeing).
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(
        help: ArgumentHelp(
            "The size of the country: small (600 kindergartens, 50,000 applications) or national (12,000, 1,000,000).",
            valueName: "small|national"))
    var scale = "small"

    @Option(help: "The seed the data is drawn from.")
    var seed: UInt64 = Demo.defaultSeed

    @Option(help: "Also write a self-contained HTML report (inline SVG charts) to this file.")
    var report: String?

    @OptionGroup var registryOptions: RegistryOptions

    func validate() throws {
        guard SimulationScale.named(scale) != nil else {
            throw ValidationError("unknown scale \"\(scale)\": small, national or tiny")
        }
    }

    func run() throws {
        let demo = Demo(
            data: dataOptions.data, scale: SimulationScale.named(scale)!, seed: seed,
            registry: try registryOptions.load(), warn: { Terminal.error($0) })
        var display = ProgressDisplay()
        let summary: DemoSummary
        do {
            summary = try demo.run { display.show($0) }
        } catch {
            if error.isFailedCheck {
                Terminal.printLine(["ok": false, "code": .string(error.code), "reason": .string(error.message)])
                Terminal.flush()
                throw ExitCode(ToolFailure.failedCheck)
            }
            throw ToolFailure.usage("kezek: \(error.code): \(error.message)")
        }
        var output = summary.json
        if let report {
            do {
                try Data(DemoReport(summary).html.utf8).write(to: URL(fileURLWithPath: report))
            } catch {
                throw ToolFailure.usage("kezek: cannot write the report \(report): \(error.localizedDescription)")
            }
            if case .object(var object) = output {
                object["report"] = .string(report)
                output = .object(object)
            }
            Terminal.error("kezek demo: report written to \(report)")
        }
        Terminal.printLine(output)
        Terminal.flush()
        if !summary.audit.replayMatchesLive || !summary.audit.checkpointMatchesReplay {
            Terminal.error("kezek demo: the replayed, live and started states do not have the same digest")
            throw ExitCode(ToolFailure.failedCheck)
        }
    }
}
