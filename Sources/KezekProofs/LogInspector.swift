import Foundation
public import Kezek

/// Looks at a data directory through the built tool only: `kezek audit verify`, `kezek export` and
/// `kezek replay`, as an auditor would.
public struct LogInspector: Sendable {
    /// The tool.
    public let kezek: KezekBinary
    /// The data directory.
    public let data: String
    /// A directory for the tool's output files.
    public let scratch: String

    /// An inspector of `data`.
    public init(kezek: KezekBinary, data: String, scratch: String) {
        self.kezek = kezek
        self.data = data
        self.scratch = scratch
    }

    /// What `kezek audit verify` said.
    public struct Verification: Sendable {
        /// The exit status (or signal).
        public var status: Int32
        /// Whether a signal ended it.
        public var signaled: Bool
        /// `ok` of the answer.
        public var isIntact: Bool
        /// The verified head position.
        public var position: UInt64
        /// The verified head hash.
        public var hash: String
        /// The first bad position, when the chain breaks.
        public var firstBadPosition: UInt64?
        /// The reason printed, or standard error when nothing was printed.
        public var reason: String
    }

    /// Runs `kezek audit verify`.
    public func verify() throws -> Verification {
        let run = try kezek.run(["audit", "verify", "--data", data], scratch: scratch)
        let json = run.json
        return Verification(
            status: run.status,
            signaled: run.signaled,
            isIntact: json?["ok"] == .bool(true),
            position: json?["position"]?.unsigned ?? 0,
            hash: json?["hash"]?.text ?? "",
            firstBadPosition: json?["firstBadPosition"]?.unsigned,
            reason: json?["reason"]?.text ?? run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }

    /// One exported event.
    public struct Event: Sendable {
        /// Its position.
        public var position: UInt64
        /// Its time.
        public var time: Timestamp
        /// Its type name.
        public var type: String
        /// Its fields.
        public var fields: JSONValue
        /// Its chain hash.
        public var hash: String
    }

    /// The events from position `first` on, via `kezek export --from`.
    public func events(from first: UInt64) throws -> [Event] {
        let run = try kezek.run(["export", "--data", data, "--from", String(max(first, 1))], scratch: scratch)
        guard run.status == 0, !run.signaled else {
            throw ProofError("kezek export failed (\(run.status)): \(run.stderr)")
        }
        return try run.lines.map { line in
            let json = try JSONValue.parse(Array(line))
            guard let position = json["position"]?.unsigned, let time = json["time"]?.text.flatMap(Timestamp.init),
                let type = json["type"]?.text, let hash = json["hash"]?.text
            else { throw ProofError("kezek export printed an unreadable line: \(json)") }
            return Event(position: position, time: time, type: type, fields: json["fields"] ?? .null, hash: hash)
        }
    }

    /// The digest `kezek replay` prints, with its position.
    public func replay() throws -> (position: UInt64, digest: String) {
        let run = try kezek.run(["replay", "--data", data], scratch: scratch)
        guard run.status == 0, !run.signaled, let json = run.json, let digest = json["digest"]?.text else {
            throw ProofError("kezek replay failed (\(run.status)): \(run.stderr)")
        }
        return (json["position"]?.unsigned ?? 0, digest)
    }
}

extension JSONValue {
    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The value as an unsigned integer, if it is a non-negative integer.
    public var unsigned: UInt64? {
        guard case .integer(let value) = self, value >= 0 else { return nil }
        return UInt64(value)
    }

    /// The string, if this is one.
    public var text: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }
}
