/// Appends values to a byte array in Kezek's binary layout: fixed-width integers big-endian, `UInt64`
/// as an unsigned LEB128 varint, `Int64` zigzag-then-varint, byte strings and UTF-8 strings prefixed with
/// their length as a varint.
///
/// Reuse one writer (`removeAll()`) to encode many values without allocating.
public struct BinaryWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// An empty writer; `capacity` reserves room up front.
    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Removes the bytes written so far and keeps the storage, to reuse the writer.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends what `body` writes of `value` into a region of at least `length` bytes (more when the array
    /// has room to spare). When it did not fit, `body` runs again on a region twice as large, so it must
    /// write the same bytes every time.
    ///
    /// `value` is passed through rather than captured, so that it is not copied.
    mutating func append<Value>(
        _ value: Value, reserving length: Int,
        _ body: (Value, inout BoundedBinaryWriter) -> Void
    ) {
        var reserved = max(length, bytes.capacity - bytes.count, 1)
        while true {
            var isComplete = false
            bytes.append(addingCapacity: reserved) { span in
                span.withUnsafeMutableBufferPointer { region, initializedCount in
                    var writer = BoundedBinaryWriter(region)
                    body(value, &writer)
                    if !writer.hasOverflowed {
                        initializedCount = writer.count
                        isComplete = true
                    }
                }
            }
            if isComplete { return }
            reserved *= 2
        }
    }

    /// Appends one byte.
    public mutating func write(_ value: UInt8) {
        bytes.append(value)
    }

    /// Appends a `Bool` as one byte, 0 or 1.
    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Appends 2 bytes, big-endian.
    public mutating func write(_ value: UInt16) {
        append(value, reserving: 2) { $1.write($0) }
    }

    /// Appends 4 bytes, big-endian.
    public mutating func write(_ value: UInt32) {
        append(value, reserving: 4) { $1.write($0) }
    }

    /// Appends 8 bytes, big-endian.
    public mutating func write(_ value: UInt64) {
        append(value, reserving: 8) { $1.write($0) }
    }

    /// Appends an unsigned LEB128 varint: 7 bits a byte, low bits first, 1 to 10 bytes.
    public mutating func writeVarint(_ value: UInt64) {
        append(value, reserving: 10) { $1.writeVarint($0) }
    }

    /// Appends a signed integer zigzag-encoded (0, -1, 1, -2, ... → 0, 1, 2, 3, ...) as a varint.
    public mutating func writeZigzag(_ value: Int64) {
        append(value, reserving: 10) { $1.writeZigzag($0) }
    }

    /// Appends the length as a varint, then the bytes.
    public mutating func writeLengthPrefixed(_ value: some Collection<UInt8>) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Appends a string's UTF-8 length as a varint, then its UTF-8 bytes.
    public mutating func write(_ value: String) {
        append(value, reserving: value.utf8.count + 10) { $1.write($0) }
    }

    /// Appends the integers as they lie in memory on a little-endian machine, without a count: an array
    /// that ``BinaryReader/readLittleEndian(_:count:)`` reads back in one copy.
    public mutating func writeLittleEndian<Value: FixedWidthInteger>(_ values: [Value]) {
        #if _endian(little)
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    /// Writes `value` as 8 bytes, big-endian, over the 8 bytes written at `offset` (a length known only
    /// once what it measures was written after it).
    public mutating func overwrite(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.bigEndian) { overwrite($0, at: offset) }
    }

    /// Writes 8 bytes that will hold the length of what is written after them and gives where they are;
    /// ``fillLength(at:)`` fills them in once that is written (a part a reader may skip or hand on).
    public mutating func writeLengthPlaceholder() -> Int {
        let offset = bytes.count
        write(UInt64(0))
        return offset
    }

    /// Writes over the placeholder at `offset` (see ``writeLengthPlaceholder()``) how many bytes were
    /// written after it.
    public mutating func fillLength(at offset: Int) {
        overwrite(UInt64(bytes.count - offset - 8), at: offset)
    }

    /// Writes `raw` over as many bytes written at `offset` (a hash of what was written after them).
    public mutating func overwrite(_ raw: some Collection<UInt8>, at offset: Int) {
        precondition(offset >= 0 && offset <= bytes.count - raw.count, "overwriting past the bytes written")
        bytes.replaceSubrange(offset..<offset + raw.count, with: raw)
    }

    /// Appends raw bytes, without a length.
    public mutating func writeRaw(_ value: some Sequence<UInt8>) {
        bytes.append(contentsOf: value)
    }
}
