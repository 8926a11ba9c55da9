public import EventLog

/// What an audit of the log came to: the chain walk, and the first problem found.
public struct AuditOutcome: Hashable, Sendable {
    /// The walk of the hash chain (its verified head, the records checked).
    public var report: VerificationReport
    /// The first problem, or `nil` when every check passed.
    public var problem: AuditProblem?

    /// Whether every check passed.
    public var isIntact: Bool { problem == nil }
}

extension Engine {
    /// Walks the whole hash chain (see ``EventLog/verify(threads:progress:)``).
    public static func audit(_ log: EventLog, progress: (UInt64) -> Void = { _ in }) -> AuditOutcome {
        let report = log.verify(progress: progress)
        return AuditOutcome(report: report, problem: report.failure.map { .chainBroken($0) })
    }

    /// Checks that the log still extends a published checkpoint: the checkpoint's signature verifies
    /// with `publicKey` (the key the auditor trusts, not the one the checkpoint names), the whole chain
    /// verifies, the log reaches the checkpoint's position and holds exactly the published hash there.
    ///
    /// A history rewritten with every hash recomputed passes the plain walk but not this check.
    public static func audit(
        _ log: EventLog,
        against checkpoint: SignedCheckpoint,
        trusting publicKey: AuditPublicKey,
        progress: (UInt64) -> Void = { _ in }
    ) -> AuditOutcome {
        let isSigned = checkpoint.isSigned(by: publicKey)
        let report = log.verify(progress: progress)
        guard isSigned else { return AuditOutcome(report: report, problem: .badSignature) }
        if let failure = report.failure {
            return AuditOutcome(report: report, problem: .chainBroken(failure))
        }
        let published = checkpoint.head
        guard published.position <= report.verifiedHead.position else {
            return AuditOutcome(
                report: report,
                problem: .logShorterThanCheckpoint(head: report.verifiedHead.position, checkpoint: published.position))
        }
        let found: ChainHash
        if published.position == .zero {
            found = .genesis
        } else {
            do {
                guard let record = try log.record(at: published.position) else {
                    return AuditOutcome(
                        report: report,
                        problem: .unreadableRecord(position: published.position, reason: "the record is missing"))
                }
                found = record.hash
            } catch {
                return AuditOutcome(
                    report: report, problem: .unreadableRecord(position: published.position, reason: error.message))
            }
        }
        guard found == published.hash else {
            return AuditOutcome(
                report: report,
                problem: .historyRewritten(position: published.position, found: found, published: published.hash))
        }
        return AuditOutcome(report: report, problem: nil)
    }
}
