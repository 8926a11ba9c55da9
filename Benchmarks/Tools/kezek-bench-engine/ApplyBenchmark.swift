import ArgumentParser
import Foundation
import Kezek
import KezekSimulation

#if canImport(Glibc)
    import Glibc
#endif

/// `kezek apply` of a file of N simulated commands, run as a child process: commands per second and the
/// child's peak resident memory.
struct ApplyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Run the built `kezek apply` on N simulated commands: commands/s and peak memory."
    )

    @Option(help: "Commands in the file.")
    var commands = 1_000_000

    @Option(help: "The simulation's scale: tiny, small or national.")
    var scale = "national"

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "The kezek executable (default: the one beside this tool).")
    var kezek: String?

    @Option(help: "Where the commands file is written (kept between runs).")
    var file: String?

    func run() throws {
        guard let scale = SimulationScale.named(scale) else { throw ValidationError("unknown scale \(scale)") }
        let executable =
            kezek
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "kezek"
            ).path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError("no kezek executable at \(executable): build the kezek product too")
        }
        let path = file ?? "/tmp/kezek-bench-\(scale.name)-\(seed)-\(commands).jsonl"
        if !FileManager.default.fileExists(atPath: path) {
            try Self.write(commands: commands, scale: scale, seed: seed, to: path)
        }
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kezek-apply-\(UUID().uuidString)")
            .path
        let results = data + ".results"
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: results)
        }
        Measure.progress("kezek apply \(path) --data \(data)")
        let child = try Measure.time { try Self.spawn(executable, ["apply", path, "--data", data], stdout: results) }
        let (status, peak) = child.result
        guard status == 0 else { throw ValidationError("kezek apply exited with \(status)") }
        var ok = 0
        var refused = 0
        var lines = 0
        let text = try String(contentsOfFile: results, encoding: .utf8)
        for line in text.split(separator: "\n") {
            lines += 1
            if line.hasPrefix("{\"ok\":true") { ok += 1 } else { refused += 1 }
        }
        guard lines == commands else { throw ValidationError("\(lines) result lines for \(commands) commands") }
        Measure.print([
            "benchmark": "apply",
            "commands": commands,
            "accepted": ok,
            "refused": refused,
            "seconds": Measure.round(child.seconds, 2),
            "commandsPerSecond": Int(Double(commands) / child.seconds),
            "peakResidentMegabytes": Measure.megabytes(peak),
            "fileMegabytes": Measure.megabytes(
                (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0),
        ])
    }

    /// Writes the first `commands` commands of the simulation as `apply` lines.
    static func write(commands: Int, scale: SimulationScale, seed: UInt64, to path: String) throws {
        Measure.progress("writing \(commands) commands of the \(scale.name) simulation to \(path)")
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ValidationError("cannot create \(path)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var run = SimulationRun(NationalSimulation(scale: scale, seed: seed))
        var buffer: [UInt8] = []
        var written = 0
        while written < commands, let (envelope, _) = run.step() {
            envelope.json.write(into: &buffer)
            buffer.append(UInt8(ascii: "\n"))
            written += 1
            if buffer.count > 1 << 20 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
        Measure.progress("wrote \(written) commands (\(run.refused) refused in memory, \(run.events) events)")
    }

    /// Runs `executable` with `arguments`, its stdout to the file `stdout`; returns the exit status and
    /// the child's peak resident memory in bytes.
    static func spawn(_ executable: String, _ arguments: [String], stdout: String) throws -> (Int32, Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var pid: pid_t = 0
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ValidationError("cannot start \(executable): errno \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, usage.ru_maxrss * 1024)
    }
}
