import ArgumentParser
import EventLog
import KezekTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `append`: appends torture batches until killed, acknowledging each durable batch on standard output.
struct AppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append batches with concurrent writers until killed; print 'ack <batch> <first> <last>' per batch."
    )

    @Option(name: .long, help: "The log's directory (created when missing).")
    var data: String

    @Option(name: .long, help: "The seed of the batches; each run on one log needs its own.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "The number of concurrent writers.")
    var writers: Int = 4

    func validate() throws {
        guard writers >= 1 else { throw ValidationError("--writers must be at least 1") }
    }

    func run() async throws {
        StandardOutput.write(.opening)
        let log: EventLog
        do {
            log = try EventLog(path: data)
        } catch {
            StandardOutput.write(.failed("the log did not open: \(error)"))
            throw ExitCode(2)
        }
        StandardOutput.write(.opened(head: log.head.position))
        let failure = await TortureAppender.run(log: log, seed: seed, writers: writers) { StandardOutput.write($0) }
        StandardOutput.write(.failed(failure))
        throw ExitCode(2)
    }
}

/// Lines on file descriptor 1, each in one `write(2)` and none buffered, so that a line is out before
/// the process can be killed and lines from concurrent writers never interleave.
enum StandardOutput {
    static func write(_ message: TortureMessage) {
        var bytes = Array(message.line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
