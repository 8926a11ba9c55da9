public import LMDB

/// The outcome of walking the hash chain.
public struct VerificationReport: Hashable, Sendable {
    /// The last position and hash that verified (the log's head when the chain is intact).
    public var verifiedHead: LogHead
    /// How many records were checked.
    public var recordsChecked: UInt64
    /// The first problem, or `nil` when the whole chain verified.
    public var failure: VerificationFailure?

    /// Whether every record verified.
    public var isIntact: Bool { failure == nil }
}

/// The first position at which the chain does not hold, and why.
public struct VerificationFailure: Hashable, Sendable, CustomStringConvertible {
    /// The first bad position.
    public var position: Position
    /// What is wrong there.
    public var reason: Reason

    /// What can be wrong with a record.
    public enum Reason: Hashable, Sendable {
        /// The stored hash is not the hash of the record's bytes chained to the previous hash: the
        /// record (or the one before it) was altered.
        case hashMismatch(stored: ChainHash, computed: ChainHash)
        /// The record's bytes do not parse.
        case malformed(String)
        /// A position is missing: the next record has another position.
        case gap(found: Position)
        /// LMDB could not read the data (for example a damaged page).
        case storage(LMDBError)
    }

    public var description: String {
        switch reason {
        case .hashMismatch(let stored, let computed):
            "position \(position): stored hash \(stored) but the record hashes to \(computed)"
        case .malformed(let detail):
            "position \(position): \(detail)"
        case .gap(let found):
            "position \(position) is missing (the next record is at \(found))"
        case .storage(let error):
            "position \(position): the data file cannot be read there (\(error))"
        }
    }
}

extension EventLog {
    /// Walks the whole chain from the first record: every position present and in order, every record
    /// well-formed, every stored hash equal to SHA-256(previous hash ‖ position ‖ canonical bytes).
    /// Stops at the first problem and names its position.
    ///
    /// `progress` is called now and then with the number of records checked.
    public func verify(progress: (UInt64) -> Void = { _ in }) -> VerificationReport {
        var head = LogHead.empty
        var checked: UInt64 = 0
        var failure: VerificationFailure?
        do {
            try forEachRecord { view in
                let expected = head.position.next
                guard view.position == expected else {
                    failure = VerificationFailure(position: expected, reason: .gap(found: view.position))
                    return false
                }
                let computed = head.hash.chained(position: view.position, canonicalBytes: view.canonicalBytes)
                guard computed == view.hash else {
                    failure = VerificationFailure(
                        position: view.position,
                        reason: .hashMismatch(stored: view.hash, computed: computed)
                    )
                    return false
                }
                head = LogHead(position: view.position, hash: computed)
                checked += 1
                if checked & 0xF_FFFF == 0 { progress(checked) }
                return true
            }
        } catch .malformedRecord(let position, let reason) {
            failure = VerificationFailure(position: position, reason: .malformed(reason))
        } catch .storage(let error) {
            failure = VerificationFailure(position: head.position.next, reason: .storage(error))
        } catch {
            failure = VerificationFailure(position: head.position.next, reason: .malformed(error.message))
        }
        progress(checked)
        return VerificationReport(verifiedHead: head, recordsChecked: checked, failure: failure)
    }
}
