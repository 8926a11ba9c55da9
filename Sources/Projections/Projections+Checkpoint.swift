import Kezek

extension Projections {
    /// The checkpoint format this build writes and reads.
    public static let checkpointVersion: UInt8 = 6
    /// The layout version of ``canonicalBytes(into:)``, apart from the checkpoint's: the digest changes
    /// only when what it covers does.
    public static let canonicalVersion: UInt8 = 2
    private static let checkpointMagic = Array("KZPJ".utf8)

    /// The whole projected state as bytes: `KZPJ`, the format version byte, then every projection as it
    /// is stored. ``init(checkpoint:)`` restores exactly this state (derived lookups and the queue trees
    /// are rebuilt, in O(n)).
    public func encodeCheckpoint() -> [UInt8] {
        var writer = BinaryWriter(capacity: 64 + applications.rows.count * 16 + queues.slotCount * 16)
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
        // Every slot locates its application, every application has a row and every row a slot whose tier
        // its status and tier say; the statistics follow from the queues.
        guard queues.locateEverySlot() else { throw CheckpointCoding.invalid("QueueSlot", at: reader) }
        for row in applications.rows {
            guard let location = queues.location(of: row.number),
                queues.tier(queue: location.queue, slot: location.slot) == (row.status.isInQueue ? row.tier : nil)
            else { throw CheckpointCoding.invalid("QueueSlot", at: reader) }
        }
        guard queues.slotCount == applications.count else { throw CheckpointCoding.invalid("QueueSlot", at: reader) }
        for key in queues.keys {
            let index = queues.index(for: key)!
            for tier in Tier.allCases where index.count(in: tier) > 0 {
                statistics.cells[StatisticsCell(key: key.regional, tier: tier), default: 0] += index.count(in: tier)
            }
        }
    }

    /// Writes the canonical encoding of every projection, in a fixed order, for the state digest: equal
    /// states give equal bytes whatever order their dictionaries were filled in. What the projections
    /// read from the decision state (families, the catalog) is covered by the state's own canonical bytes.
    public func canonicalBytes(into bytes: inout [UInt8]) {
        var header = BinaryWriter()
        header.writeRaw("kezek-projections".utf8)
        header.write(Self.canonicalVersion)
        header.writeVarint(position)
        CheckpointCoding.write(lastTime, to: &header)
        bytes += header.bytes
        queues.canonicalBytes(into: &bytes)
        applications.canonicalBytes(into: &bytes)
        statistics.canonicalBytes(into: &bytes)
    }
}
