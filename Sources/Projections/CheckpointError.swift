public import Kezek

/// Why bytes could not be loaded as a projections checkpoint.
public enum CheckpointError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes do not start with the checkpoint magic `KZPJ`.
    case notACheckpoint
    /// The format version byte is one this build does not read.
    case unsupportedVersion(found: UInt8, supported: UInt8)
    /// The bytes are truncated or hold a value that is not valid.
    case malformed(BinaryDecodingError)

    /// A stable machine code.
    public var code: String {
        switch self {
        case .notACheckpoint: "notACheckpoint"
        case .unsupportedVersion: "unsupportedCheckpointVersion"
        case .malformed: "malformedCheckpoint"
        }
    }

    /// A plain-English explanation.
    public var message: String {
        switch self {
        case .notACheckpoint:
            "the bytes are not a projections checkpoint (no KZPJ magic)"
        case .unsupportedVersion(let found, let supported):
            "projections checkpoint format version \(found) is not supported (this build reads version "
                + "\(supported)); rebuild the projections by replaying the log"
        case .malformed(let error):
            "the projections checkpoint is damaged: \(error.message)"
        }
    }

    /// The message.
    public var description: String { message }
}
