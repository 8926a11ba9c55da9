import ArgumentParser
import Engine
import EventLog

/// `kezek export [--from POSITION]`: the events as JSON Lines.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the events as JSON Lines: position, time, type, stream, fields, hash."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The first position to print (default 1).")
    var from: UInt64 = 1

    func run() throws {
        let log = try dataOptions.openLog()
        defer { try? log.close() }
        do {
            try Engine.export(log, from: Position(from)) { line in
                Terminal.printLine(line)
                return true
            }
        } catch {
            Terminal.flush()
            throw ToolFailure.engine(error)
        }
        Terminal.flush()
    }
}
