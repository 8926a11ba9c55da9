import Foundation
public import Kezek
import KezekTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `kezek` executable, run as a child process with its standard streams on files (nothing to
/// drain while it runs, and whatever it wrote before a `SIGKILL` stays in the file).
public struct KezekBinary: Sendable {
    /// The executable's path.
    public let path: String

    /// The executable at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The `kezek` next to the running executable (or test bundle), or `nil` when there is none.
    public static func sibling() -> KezekBinary? {
        CrashHarness.siblingExecutable(named: "kezek").map(KezekBinary.init(path:))
    }

    /// How a run ended and what it printed.
    public struct Run: Sendable {
        /// The exit status, or the signal's number when `signaled`.
        public var status: Int32
        /// Whether a signal ended the process.
        public var signaled: Bool
        /// Standard output.
        public var stdout: [UInt8]
        /// Standard error, as text.
        public var stderr: String

        /// Standard output's complete lines (a last line without its newline is left out).
        public var lines: [ArraySlice<UInt8>] {
            var lines = stdout.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            lines.removeLast()
            return lines
        }

        /// Standard output parsed as one JSON value.
        public var json: JSONValue? {
            let text = String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return try? JSONValue.parse(text)
        }
    }

    /// A started process.
    public final class Child: @unchecked Sendable {
        let process: Process
        let files: ScratchFiles

        init(process: Process, files: ScratchFiles) {
            self.process = process
            self.files = files
        }

        /// Whether it still runs.
        public var isRunning: Bool { process.isRunning }

        /// How many bytes it has written to standard output so far.
        public var outputSize: Int {
            ((try? FileManager.default.attributesOfItem(atPath: files.stdout))?[.size] as? Int) ?? 0
        }

        /// Whether a result line it printed so far says `"ok": true`.
        public var hasPrintedSuccess: Bool {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: files.stdout)) else { return false }
            return data.split(separator: UInt8(ascii: "\n")).contains { line in
                (try? JSONValue.parse(Array(line)))?["ok"] == .bool(true)
            }
        }

        /// Sends `SIGKILL`.
        public func kill() {
            if process.isRunning { sendKill(process.processIdentifier) }
        }

        /// Waits for the end and collects the output.
        public func wait() -> Run {
            process.waitUntilExit()
            return Run(
                status: process.terminationStatus,
                signaled: process.terminationReason == .uncaughtSignal,
                stdout: (try? Array(Data(contentsOf: URL(fileURLWithPath: files.stdout)))) ?? [],
                stderr: String(
                    decoding: (try? Data(contentsOf: URL(fileURLWithPath: files.stderr))) ?? Data(), as: UTF8.self)
            )
        }
    }

    /// Starts `kezek arguments` with standard input read from `input` (from byte `offset` on), or from
    /// nothing.
    public func start(_ arguments: [String], input: String? = nil, offset: UInt64 = 0, scratch: String) throws -> Child
    {
        let files = ScratchFiles(directory: scratch)
        for file in [files.stdout, files.stderr] {
            _ = FileManager.default.createFile(atPath: file, contents: nil)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let input {
            guard let handle = FileHandle(forReadingAtPath: input) else { throw ProofError("cannot read \(input)") }
            try handle.seek(toOffset: offset)
            process.standardInput = handle
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        process.standardOutput = FileHandle(forWritingAtPath: files.stdout)
        process.standardError = FileHandle(forWritingAtPath: files.stderr)
        try process.run()
        return Child(process: process, files: files)
    }

    /// Runs `kezek arguments` to its end.
    public func run(_ arguments: [String], input: String? = nil, scratch: String) throws -> Run {
        try start(arguments, input: input, scratch: scratch).wait()
    }
}

/// Where a child's standard output and error go.
struct ScratchFiles {
    var stdout: String
    var stderr: String

    init(directory: String) {
        stdout = directory + "/stdout"
        stderr = directory + "/stderr"
    }
}

private func sendKill(_ identifier: Int32) {
    #if canImport(Glibc)
        _ = Glibc.kill(identifier, SIGKILL)
    #else
        _ = Darwin.kill(identifier, SIGKILL)
    #endif
}
