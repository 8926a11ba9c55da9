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
        let preferences = self.preferences
        let numbers = bulletins.map(\.number.rawValue)
        var hasher = SHA256Hasher()
        var head = BinaryWriter()
        head.write("kezek.allocation.1")
        head.write(policy.rawValue)
        head.write(siblingPriority)
        head.writeVarint(UInt64(bulletins.count))
        for bulletin in bulletins {
            head.writeVarint(bulletin.number.rawValue)
            head.write(bulletin.kindergarten.rawValue)
            head.writeVarint(UInt64(Swift.max(0, bulletin.seats)))
        }
        head.writeVarint(UInt64(applicants.count))
        hasher.update(head.bytes)
        // The rows, a chunk at a time, written byte by byte: a million rows make tens of megabytes.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.chunkSize + 1024)
        for row in order {
            let row = Int(row)
            Self.appendVarint(applicants.applications[row], to: &bytes)
            bytes.append(applicants.tiers[row])
            let time = applicants.times[row]
            Self.appendVarint(UInt64(bitPattern: (time << 1) ^ (time >> 63)), to: &bytes)
            if let reason = applicants.ineligibilities[row] {
                bytes.append(UInt8(1 + PassOverReason.binaryOrder.firstIndex(of: reason)!))
            } else {
                bytes.append(0)
            }
            let choices = Int(preferences.start[row])..<Int(preferences.start[row + 1])
            Self.appendVarint(UInt64(choices.count), to: &bytes)
            for choice in choices {
                let entry = preferences.entries[choice]
                Self.appendVarint(numbers[Int(entry & ~Self.siblingFlag)], to: &bytes)
                if siblingPriority { bytes.append(entry & Self.siblingFlag != 0 ? 1 : 0) }
            }
            if bytes.count >= Self.chunkSize {
                hasher.update(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        hasher.update(bytes)
        return hasher.finalize()
    }

    private static let chunkSize = 1 << 16

    /// Appends an unsigned LEB128 varint, as `BinaryWriter.writeVarint` writes it.
    @inline(__always)
    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }
}
