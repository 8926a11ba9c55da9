/// The stored layout of a record, format version 1.
///
/// A record lives in the `records` database under its position (8 bytes, big-endian, so keys sort in
/// log order). Its value is:
///
/// | bytes | field |
/// |---|---|
/// | 1 | format version, `1` |
/// | 1 | flags: bit 0 = last record of its batch, bit 1 = an idempotency key follows the stream name |
/// | varint | stream version (LEB128) |
/// | varint | timestamp, milliseconds since 1970 (zigzag LEB128) |
/// | 2 | record type, big-endian |
/// | varint + n | stream name, UTF-8 |
/// | varint + n | idempotency key, only when flag bit 1 is set (first record of its batch) |
/// | varint + n | payload |
/// | 32 | chain hash |
///
/// The *canonical bytes* of a record are its value without the trailing hash. The chain hash is
/// SHA-256(previous record's hash ‖ position as 8 big-endian bytes ‖ canonical bytes); the first
/// record's previous hash is 32 zero bytes. A reader that meets a format byte it does not know stops
/// with ``EventLogError/malformedRecord(position:reason:)``; the log's format version is also kept in
/// its `meta` database and checked on open.
public enum RecordFormat {
    /// The record format this build writes and the newest it reads.
    public static let currentVersion: UInt8 = 1
    static let hashLength = 32

    static let lastInBatchFlag: UInt8 = 1
    static let idempotencyKeyFlag: UInt8 = 2

    /// Encodes a record's canonical bytes into `buffer` (cleared first).
    static func encodeCanonical(
        _ record: NewRecord,
        version: StreamVersion,
        isLastInBatch: Bool,
        idempotencyKey: IdempotencyKey?,
        into buffer: inout [UInt8]
    ) {
        buffer.removeAll(keepingCapacity: true)
        var flags: UInt8 = 0
        if isLastInBatch { flags |= lastInBatchFlag }
        if idempotencyKey != nil { flags |= idempotencyKeyFlag }
        buffer.append(currentVersion)
        buffer.append(flags)
        appendVarint(version.rawValue, to: &buffer)
        appendVarint(zigzag(record.timestamp), to: &buffer)
        buffer.append(UInt8(truncatingIfNeeded: record.type.rawValue >> 8))
        buffer.append(UInt8(truncatingIfNeeded: record.type.rawValue))
        var stream = record.stream.rawValue
        stream.withUTF8 { name in
            appendVarint(UInt64(name.count), to: &buffer)
            buffer.append(contentsOf: name)
        }
        if let idempotencyKey {
            appendVarint(UInt64(idempotencyKey.bytes.count), to: &buffer)
            buffer.append(contentsOf: idempotencyKey.bytes)
        }
        appendVarint(UInt64(record.payload.count), to: &buffer)
        buffer.append(contentsOf: record.payload)
    }

    static func appendVarint(_ value: UInt64, to buffer: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            buffer.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        buffer.append(UInt8(value))
    }

    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    /// Big-endian key bytes of a position.
    static func key(_ position: Position) -> UInt64 {
        position.rawValue.bigEndian
    }
}

/// A stored record, borrowed from the log without copying: valid only inside the closure that
/// received it (see ``EventLog/forEachRecord(after:_:)``).
public struct RecordView {
    /// The record's position.
    public let position: Position
    /// The record's version in its stream.
    public let streamVersion: StreamVersion
    /// The caller's time of the record, milliseconds since 1970.
    public let timestamp: Int64
    /// The record's type code.
    public let type: RecordType
    /// Whether this record closes the batch it was appended in.
    public let isLastInBatch: Bool
    /// The stream name's UTF-8 bytes.
    public let streamBytes: UnsafeRawBufferPointer
    /// The idempotency key bytes, on the first record of a batch appended with one.
    public let idempotencyKeyBytes: UnsafeRawBufferPointer?
    /// The payload bytes.
    public let payload: UnsafeRawBufferPointer
    /// The canonical bytes (everything but the hash), which the chain hash covers.
    public let canonicalBytes: UnsafeRawBufferPointer
    /// The stored chain hash's bytes, right after the canonical bytes.
    let hashBytes: UnsafeRawBufferPointer

    /// The stored chain hash. Read from the record's bytes when asked for: a view is handed from call
    /// to call for every record of a scan, and most scans never look at the hash.
    public var hash: ChainHash { ChainHash(bytes: hashBytes)! }

    /// The stream name.
    public var stream: StreamID {
        StreamID(rawValue: String(decoding: streamBytes, as: UTF8.self))!
    }

    /// Parses a stored value; `nil` (with the reason) when it is not a well-formed record.
    static func parse(
        position: Position,
        value: UnsafeRawBufferPointer
    ) -> Result<RecordView, EventLogError> {
        var reader = ByteCursor(bytes: value)
        func failure(_ reason: String) -> Result<RecordView, EventLogError> {
            .failure(.malformedRecord(position: position, reason: reason))
        }
        guard value.count >= 2 + RecordFormat.hashLength + 4 else { return failure("only \(value.count) bytes") }
        let format = value[0]
        guard format == RecordFormat.currentVersion else {
            return failure("unknown record format \(format)")
        }
        let flags = value[1]
        guard flags & ~(RecordFormat.lastInBatchFlag | RecordFormat.idempotencyKeyFlag) == 0 else {
            return failure("unknown flags \(flags)")
        }
        reader.offset = 2
        let end = value.count - RecordFormat.hashLength
        guard let version = reader.varint(end: end),
            let time = reader.varint(end: end),
            let type = reader.uint16(end: end),
            let stream = reader.lengthPrefixed(end: end)
        else { return failure("truncated header") }
        guard !stream.isEmpty, stream.count <= StreamID.maximumLength,
            !stream.contains(where: { $0 < 0x20 || $0 == 0x7F })
        else { return failure("invalid stream name") }
        var key: UnsafeRawBufferPointer?
        if flags & RecordFormat.idempotencyKeyFlag != 0 {
            guard let bytes = reader.lengthPrefixed(end: end) else { return failure("truncated idempotency key") }
            key = bytes
        }
        guard let payload = reader.lengthPrefixed(end: end) else { return failure("truncated payload") }
        guard reader.offset == end else { return failure("\(end - reader.offset) stray bytes before the hash") }
        let hashBytes = UnsafeRawBufferPointer(rebasing: value[end...])
        return .success(
            RecordView(
                position: position,
                streamVersion: StreamVersion(version),
                timestamp: RecordFormat.unzigzag(time),
                type: RecordType(type),
                isLastInBatch: flags & RecordFormat.lastInBatchFlag != 0,
                streamBytes: stream,
                idempotencyKeyBytes: key,
                payload: payload,
                canonicalBytes: UnsafeRawBufferPointer(rebasing: value[..<end]),
                hashBytes: hashBytes
            )
        )
    }
}

/// A record copied out of the log, free to keep and send between tasks.
public struct Record: Hashable, Sendable {
    /// The record's position.
    public var position: Position
    /// The record's stream.
    public var stream: StreamID
    /// The record's version in its stream.
    public var streamVersion: StreamVersion
    /// The caller's time of the record, milliseconds since 1970.
    public var timestamp: Int64
    /// The record's type code.
    public var type: RecordType
    /// Whether this record closes the batch it was appended in.
    public var isLastInBatch: Bool
    /// The idempotency key, on the first record of a batch appended with one.
    public var idempotencyKey: IdempotencyKey?
    /// The payload.
    public var payload: [UInt8]
    /// The chain hash.
    public var hash: ChainHash

    /// Copies a borrowed record.
    public init(_ view: RecordView) {
        position = view.position
        stream = view.stream
        streamVersion = view.streamVersion
        timestamp = view.timestamp
        type = view.type
        isLastInBatch = view.isLastInBatch
        idempotencyKey = view.idempotencyKeyBytes.flatMap { try? IdempotencyKey(bytes: Array($0)) }
        payload = Array(view.payload)
        hash = view.hash
    }
}

/// A bounds-checked reader of varints and length-prefixed slices.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    mutating func varint(end: Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end {
            let byte = bytes[offset]
            offset += 1
            if shift == 63 && byte > 1 { return nil }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    mutating func uint16(end: Int) -> UInt16? {
        guard end - offset >= 2 else { return nil }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func lengthPrefixed(end: Int) -> UnsafeRawBufferPointer? {
        guard let length = varint(end: end), length <= UInt64(end - offset) else { return nil }
        let start = offset
        offset += Int(length)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
    }
}
