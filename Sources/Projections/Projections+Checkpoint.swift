public import Kezek

extension Projections {
    /// The checkpoint format this build writes and reads.
    public static let checkpointVersion: UInt8 = 3
    /// The layout version of ``canonicalBytes(into:)``, apart from the checkpoint's: the digest changes
    /// only when what it covers does.
    public static let canonicalVersion: UInt8 = 1
    private static let checkpointMagic = Array("KZPJ".utf8)

    /// The whole projected state as bytes: `KZPJ`, the format version byte, then every projection as it
    /// is stored. ``init(checkpoint:)`` restores exactly this state (derived lookups and the queue trees
    /// are rebuilt, in O(n)).
    public func encodeCheckpoint() -> [UInt8] {
        var writer = BinaryWriter(capacity: 64 + applications.rows.count * 96 + applications.history.count * 24)
        writer.writeRaw(Self.checkpointMagic)
        writer.write(Self.checkpointVersion)
        writer.writeVarint(position)
        CheckpointCoding.write(lastTime, to: &writer)
        applications.encodeCheckpoint(to: &writer)
        queues.encodeCheckpoint(to: &writer)
        offers.encodeCheckpoint(to: &writer)
        return writer.bytes
    }

    /// Loads a checkpoint written by ``encodeCheckpoint()``; fails on other bytes, another format
    /// version, or damage.
    public init(checkpoint bytes: [UInt8]) throws(CheckpointError) {
        let loaded = bytes.withUnsafeBytes { raw in
            Result { () throws(CheckpointError) in try Projections(checkpoint: raw) }
        }
        self = try loaded.get()
    }

    /// Loads a checkpoint written by ``encodeCheckpoint()`` from borrowed bytes.
    public init(checkpoint bytes: UnsafeRawBufferPointer) throws(CheckpointError) {
        guard bytes.count >= 5, bytes.prefix(4).elementsEqual(Self.checkpointMagic) else { throw .notACheckpoint }
        guard bytes[4] == Self.checkpointVersion else {
            throw .unsupportedVersion(found: bytes[4], supported: Self.checkpointVersion)
        }
        var reader = BinaryReader(bytes)
        do throws(BinaryDecodingError) {
            _ = try reader.readRaw(count: 5)
            var projections = Projections()
            try projections.decodeBody(from: &reader)
            try reader.expectEnd()
            self = projections
        } catch {
            throw .malformed(error)
        }
    }

    private mutating func decodeBody(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        position = try reader.readVarint()
        lastTime = try CheckpointCoding.readTime(from: &reader)
        applications = try ApplicationProjection(checkpoint: &reader)
        queues = try QueueProjection(checkpoint: &reader)
        offers = try OfferLinks(checkpoint: &reader)
        // Every row must own its slot, which locates it; the statistics follow from the queues.
        for row in applications.rows {
            guard let index = queues.index(for: row.key), Int(row.slot) < index.slotCount,
                index.application(atSlot: Int(row.slot)) == row.number,
                index.tier(atSlot: Int(row.slot)) == (row.status.isInQueue ? row.tier : nil)
            else { throw CheckpointCoding.invalid("QueueSlot", at: reader) }
            queues.locate(row.number, in: row.key, slot: Int(row.slot))
        }
        for key in queues.keys {
            let index = queues.index(for: key)!
            for tier in Tier.allCases where index.count(in: tier) > 0 {
                statistics.cells[StatisticsCell(key: key.regional, tier: tier), default: 0] += index.count(in: tier)
            }
        }
    }

    /// Writes the canonical encoding of every projection, in a fixed order, for the state digest: equal
    /// states give equal bytes whatever order their dictionaries were filled in. The families and the
    /// catalog are the views of `state` (the decision state folded by the same events), written as those
    /// read models always were.
    public func canonicalBytes(with state: KezekState, into bytes: inout [UInt8]) {
        var header = BinaryWriter()
        header.writeRaw("kezek-projections".utf8)
        header.write(Self.canonicalVersion)
        header.writeVarint(position)
        CheckpointCoding.write(lastTime, to: &header)
        bytes += header.bytes
        queues.canonicalBytes(into: &bytes)
        applications.canonicalBytes(into: &bytes)
        Self.familyCanonicalBytes(of: state, into: &bytes)
        Self.catalogCanonicalBytes(of: state, into: &bytes)
        statistics.canonicalBytes(into: &bytes)
    }
}
