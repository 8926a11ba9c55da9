import ArgumentParser

/// Torture tests of the event log that need a process to kill.
@main
struct KezekLogTorture: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kezek-log-torture",
        abstract: "Kill processes that append to an event log, and check what they leave.",
        subcommands: [AppendCommand.self, CrashLoopCommand.self]
    )
}
