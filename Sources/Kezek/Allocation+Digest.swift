extension Allocation.Round {
    /// The SHA-256 digest of what decides the round, under `policy`: anyone holding the state the round
    /// ran on can rebuild these bytes and check the round's events against them.
    ///
    /// The bytes, in Kezek's binary layout (varints, zigzag times, length-prefixed strings): the label
    /// `kezek.allocation.1`, the policy version, whether sibling priority applies; the bulletins in the
    /// order given, each with number, kindergarten and seats; then the candidates in queue order, each with
    /// application number, tier, application time, eligibility (0, or 1 + the reason's tag), and its
    /// closing bulletins most preferred first, each number followed (only when sibling priority applies)
    /// by whether the candidate has sibling priority there. The ranked kindergartens and the order of applying enter
    /// through that preference list, which is all the allocation reads of them.
    public func inputDigest(policy: PolicyVersion) -> Digest256 {
        var hasher = SHA256Hasher()
        var bytes = BinaryWriter(capacity: Self.chunkSize + 256)
        bytes.write("kezek.allocation.1")
        bytes.write(policy.rawValue)
        bytes.write(siblingPriority)
        bytes.writeVarint(UInt64(bulletins.count))
        for bulletin in bulletins {
            bytes.writeVarint(bulletin.number.rawValue)
            bytes.write(bulletin.kindergarten.rawValue)
            bytes.writeVarint(UInt64(Swift.max(0, bulletin.seats)))
        }
        bytes.writeVarint(UInt64(candidates.count))
        for candidate in order {
            let index = Int(candidate)
            let position = candidates[index].position
            bytes.writeVarint(position.application.rawValue)
            bytes.write(UInt8(truncatingIfNeeded: position.tier.rawValue))
            bytes.writeZigzag(position.submittedAt.millisecondsSinceEpoch)
            if let reason = candidates[index].ineligibility {
                bytes.write(UInt8(1 + PassOverReason.binaryOrder.firstIndex(of: reason)!))
            } else {
                bytes.write(UInt8(0))
            }
            let choices = Int(preferenceStart[index])..<Int(preferenceStart[index + 1])
            bytes.writeVarint(UInt64(choices.count))
            for choice in choices {
                let entry = preferences[choice]
                bytes.writeVarint(bulletins[Int(entry & ~Self.siblingFlag)].number.rawValue)
                if siblingPriority { bytes.write(entry & Self.siblingFlag != 0) }
            }
            if bytes.bytes.count >= Self.chunkSize {
                hasher.update(bytes.bytes)
                bytes.removeAll()
            }
        }
        hasher.update(bytes.bytes)
        return hasher.finalize()
    }

    private static let chunkSize = 1 << 16
}
