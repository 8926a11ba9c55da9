extension RecordFormat {
    /// The canonical bytes a record gets when appended with this stream version, batch flag and
    /// idempotency key: what its chain hash covers. An importer computes them to check an exported
    /// chain before it writes anything.
    public static func canonicalBytes(
        of record: NewRecord,
        streamVersion: StreamVersion,
        isLastInBatch: Bool,
        idempotencyKey: IdempotencyKey?
    ) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(record.payload.count + record.stream.rawValue.utf8.count + 24)
        encodeCanonical(
            record, version: streamVersion, isLastInBatch: isLastInBatch, idempotencyKey: idempotencyKey,
            into: &buffer)
        return buffer
    }
}
