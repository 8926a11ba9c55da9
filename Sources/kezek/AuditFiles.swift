import Engine
import Foundation
import Kezek

/// Reading and writing the audit's small JSON files (keys, checkpoints).
enum AuditFiles {
    /// The JSON document in the file at `path`; an unreadable or non-JSON file is bad usage (exit 2).
    static func read(_ path: String, what: String) throws(ToolFailure) -> JSONValue {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw .usage("kezek: cannot read the \(what) \(path)")
        }
        do {
            return try JSONValue.parse(bytes)
        } catch {
            throw .usage("kezek: the \(what) \(path) is not JSON: \(error)")
        }
    }

    /// Reads a file with `parse`, mapping a malformed document to bad usage (exit 2).
    static func load<T>(
        _ path: String, what: String, _ parse: (JSONValue) throws(AuditFileError) -> T
    ) throws(ToolFailure) -> T {
        let json = try read(path, what: what)
        do {
            return try parse(json)
        } catch {
            throw .usage("kezek: the \(what) \(path) is \(error.message) (\(error.code))")
        }
    }

    /// Writes `json` and a newline to a new file at `path` with permissions `mode`; never replaces a
    /// file that exists.
    static func create(_ path: String, json: JSONValue, mode: mode_t) throws(ToolFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            throw .usage("kezek: cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes = json.serialized
        bytes.append(UInt8(ascii: "\n"))
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw .usage("kezek: cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
