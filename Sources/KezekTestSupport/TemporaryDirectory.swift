import Foundation

/// A fresh directory under the system's temporary folder, removed when the value is dropped.
///
/// Tests and benchmarks put logs here: `let directory = try TemporaryDirectory(); directory.path`.
public final class TemporaryDirectory: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Creates a new empty directory whose name starts with `prefix`.
    public init(prefix: String = "kezek") throws {
        let base = FileManager.default.temporaryDirectory.path
        let name = "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        path = base + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the directory (not created).
    public func appending(_ component: String) -> String {
        path + "/" + component
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
