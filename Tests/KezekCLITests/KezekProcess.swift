import Foundation
import Kezek
import KezekTestSupport
import Testing

/// What a run of the built `kezek` printed and how it ended.
struct KezekRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The standard output's lines, each parsed as JSON.
    var lines: [JSONValue] {
        get throws {
            try stdout.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        }
    }

    /// The standard output as one JSON value.
    var json: JSONValue {
        get throws { try JSONValue.parse(stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// The `kezek` executable built next to the test bundle.
let kezekExecutable: URL = {
    let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return bundle.deletingLastPathComponent().appendingPathComponent("kezek")
}()

/// Runs the built `kezek` with `arguments`, feeding `input` on standard input. Standard input, output and
/// error go through files, not pipes: nothing to drain while the child runs.
func kezek(_ arguments: [String], input: String = "") throws -> KezekRun {
    let files = try TemporaryDirectory(prefix: "kezek-run")
    let inputPath = files.appending("stdin")
    let outputPath = files.appending("stdout")
    let errorPath = files.appending("stderr")
    try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
    for path in [outputPath, errorPath] {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
    }
    let process = Process()
    process.executableURL = kezekExecutable
    process.arguments = arguments
    process.standardInput = FileHandle(forReadingAtPath: inputPath)
    process.standardOutput = FileHandle(forWritingAtPath: outputPath)
    process.standardError = FileHandle(forWritingAtPath: errorPath)
    try process.run()
    process.waitUntilExit()
    return KezekRun(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outputPath)), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errorPath)), as: UTF8.self))
}

extension JSONValue {
    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The element at `index` of an array.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The integer, if this is one.
    var int: Int64? {
        guard case .integer(let value) = self else { return nil }
        return value
    }

    /// The string, if this is one.
    var string: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The elements, if this is an array.
    var array: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }
}
