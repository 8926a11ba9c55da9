import ArgumentParser
import Foundation
import KezekProofs
import KezekTestSupport

/// The proofs of issue-level promises, run against the built `kezek`: crashes, tampering, bad input and a
/// full disk. Each subcommand prints a JSON summary on stdout and its progress on stderr, and exits 1 when a
/// check failed.
@main
struct KezekProofsTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kezek-proofs",
        abstract: "Prove what kezek promises under crashes, tampering, bad input and a full disk.",
        subcommands: [CrashApplyCommand.self, TamperCommand.self, FuzzApplyCommand.self, FullDiskCommand.self]
    )
}

/// The options every proof takes.
struct ProofOptions: ParsableArguments {
    @Option(name: .long, help: "The kezek executable (default: the one next to this program).")
    var kezek: String?

    @Option(name: .long, help: "The seed of everything random.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "A directory to work in, kept afterwards (default: a temporary one, removed).")
    var directory: String?

    /// The tool to prove things of.
    func binary() throws -> KezekBinary {
        if let kezek { return KezekBinary(path: kezek) }
        guard let sibling = KezekBinary.sibling() else {
            throw ValidationError("no kezek next to this program: give --kezek PATH")
        }
        return sibling
    }

    /// Runs `body` with the working directory.
    func withDirectory<T>(prefix: String, _ body: (String) throws -> T) throws -> T {
        if let directory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return try body(directory)
        }
        let temporary = try TemporaryDirectory(prefix: prefix)
        return try body(temporary.path)
    }
}

/// Progress on standard error.
func say(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Prints `summary` as JSON and exits 1 when it names failures.
func finish<Summary: Encodable>(_ summary: Summary, failed: Bool) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    FileHandle.standardOutput.write(try encoder.encode(summary))
    FileHandle.standardOutput.write(Data("\n".utf8))
    if failed { throw ExitCode(1) }
}
