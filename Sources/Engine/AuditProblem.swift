public import EventLog

/// Why an audit check failed, with a stable ``code`` and a ``message`` that names the position.
public enum AuditProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The hash chain does not hold (see ``VerificationFailure``).
    case chainBroken(VerificationFailure)
    /// The checkpoint's signature does not verify with the trusted public key (a forged or altered
    /// checkpoint, or one signed with another key).
    case badSignature
    /// The log ends before the checkpoint's position: records it once had are gone.
    case logShorterThanCheckpoint(head: Position, checkpoint: Position)
    /// The record at the checkpoint's position has another chain hash than the one published: the
    /// history up to there was rewritten (even if every hash was recomputed).
    case historyRewritten(position: Position, found: ChainHash, published: ChainHash)
    /// The record at the checkpoint's position could not be read back after the chain verified.
    case unreadableRecord(position: Position, reason: String)

    /// A stable camelCase code: `hashMismatch`, `malformedRecord`, `missingPosition`, `damagedFile`,
    /// `badSignature`, `logShorterThanCheckpoint` or `historyRewritten`.
    public var code: String {
        switch self {
        case .chainBroken(let failure):
            switch failure.reason {
            case .hashMismatch: "hashMismatch"
            case .malformed: "malformedRecord"
            case .gap: "missingPosition"
            case .storage: "damagedFile"
            }
        case .badSignature: "badSignature"
        case .logShorterThanCheckpoint: "logShorterThanCheckpoint"
        case .historyRewritten: "historyRewritten"
        case .unreadableRecord: "damagedFile"
        }
    }

    /// What failed, in plain words.
    public var message: String {
        switch self {
        case .chainBroken(let failure):
            "the chain breaks at \(failure)"
        case .badSignature:
            "the checkpoint's signature does not verify with the given public key"
        case .logShorterThanCheckpoint(let head, let checkpoint):
            "the log ends at position \(head), before the checkpoint's position \(checkpoint)"
        case .historyRewritten(let position, let found, let published):
            "history was rewritten: the record at position \(position) hashes to \(found), "
                + "the checkpoint published \(published)"
        case .unreadableRecord(let position, let reason):
            "the record at position \(position) cannot be read: \(reason)"
        }
    }

    /// The first position found bad, when the problem is in the log.
    public var position: Position? {
        switch self {
        case .chainBroken(let failure): failure.position
        case .badSignature: nil
        case .logShorterThanCheckpoint(let head, _): head.next
        case .historyRewritten(let position, _, _), .unreadableRecord(let position, _): position
        }
    }

    public var description: String { "\(code): \(message)" }
}
