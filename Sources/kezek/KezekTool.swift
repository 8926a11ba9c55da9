import ArgumentParser

/// The command-line tool: the contract's subcommands over the engine.
@main
struct KezekTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kezek",
        abstract: "Kazakhstan's kindergarten queue as an append-only, tamper-evident event log.",
        discussion: """
            Every subcommand takes --data DIR (default ./kezek-data), created on first use. Results are JSON \
            on stdout; progress and warnings go to stderr. Exit codes: 0 success, 1 a failed check, \
            2 bad usage or an unreadable data directory.
            """,
        subcommands: [
            ApplyCommand.self, QueueCommand.self, ShowCommand.self, ReplayCommand.self, ExportCommand.self,
            AuditCommand.self, ImportCommand.self, BackupCommand.self, AllocateCommand.self, ExplainCommand.self,
            DemoCommand.self,
        ]
    )

    /// Parses and runs, mapping failures to the contract's exit codes: bad usage is 2 (not the argument
    /// parser's 64), a ``ToolFailure`` carries its own code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as ToolFailure {
            Terminal.error(failure.message)
            Terminal.flush()
            exit(withError: ExitCode(failure.exitCode))
        } catch let code as ExitCode {
            Terminal.flush()
            exit(withError: code)
        } catch {
            Terminal.flush()
            if exitCode(for: error) == .success { exit(withError: error) }
            Terminal.error(fullMessage(for: error))
            exit(withError: ExitCode(ToolFailure.badUsage))
        }
    }
}
