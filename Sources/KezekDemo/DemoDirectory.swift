import EventLog
import Foundation

/// The demo's data directory: a new or empty one, or one holding an earlier demo's log (marked by
/// ``markerName``), which a new run replaces. A log the demo did not make is never touched.
enum DemoDirectory {
    /// The file that marks a log as the demo's, written beside `data.mdb`.
    static let markerName = "demo.json"
    /// The files a log directory holds.
    private static let logFiles = ["data.mdb", "lock.mdb", "kezek.lock"]

    /// Makes `path` ready for a new log: removes an earlier demo's log, refuses any other. Returns
    /// whether a demo log was replaced.
    static func prepare(_ path: String) throws(DemoError) -> Bool {
        let files = FileManager.default
        let contents = (try? files.contentsOfDirectory(atPath: path)) ?? []
        guard contents.contains("data.mdb") else { return false }
        guard contents.contains(markerName) else {
            let events = (try? EventLog(path: path, options: EventLog.Options(readOnly: true))).map { log in
                defer { try? log.close() }
                return log.head.position.rawValue
            }
            throw .dataDirectoryHoldsLog(path: path, events: events ?? 0)
        }
        for name in logFiles + [markerName] where contents.contains(name) {
            do {
                try files.removeItem(atPath: (path as NSString).appendingPathComponent(name))
            } catch {
                throw .dataDirectory(path: path, reason: "\(name) cannot be removed: \(error.localizedDescription)")
            }
        }
        return true
    }

    /// Marks the log in `path` as the demo's, naming the scale and seed it was drawn from.
    static func mark(_ path: String, scale: String, seed: UInt64) throws(DemoError) {
        let text = #"{"format":"kezek-demo-v1","scale":"\#(scale)","seed":\#(seed)}"# + "\n"
        let marker = (path as NSString).appendingPathComponent(markerName)
        guard FileManager.default.createFile(atPath: marker, contents: Data(text.utf8)) else {
            throw .dataDirectory(path: path, reason: "\(markerName) cannot be written")
        }
    }
}
