// An IIN table as the state's image (and the projections' checkpoint) saves it: its places in insertion
// order (removed records included) and its index as it is, so that loading copies the index instead of
// rebuilding it.

extension IINTable {
    /// Appends a place without indexing it (reading an image: ``adoptIndex(_:)`` follows).
    @inlinable
    mutating func appendPlace(_ key: IIN, _ value: consuming Value?) {
        precondition(entries.count < Int(UInt32.max - 1), "an IIN table holds fewer than 2^32 - 1 records")
        if value != nil { storedCount += 1 }
        entries.append(Entry(key: key, value: value))
    }

    /// Takes `slots` as the index of the places appended; `false`, leaving the index as it was, unless it
    /// has a power-of-two size of at least twice the places (so that every probe ends at an empty slot)
    /// and each slot is empty or names a place that exists. A table that never had a record has no index.
    @inlinable
    mutating func adoptIndex(_ slots: [UInt32]) -> Bool {
        let count = slots.count
        if count == 0 { return entries.count == 0 }
        guard count >= Self.slotCount(for: entries.count), count & (count - 1) == 0 else { return false }
        let limit = UInt32(entries.count)
        let offsets = Self.offsetMask(Self.offsetBits(slotCount: count))
        guard slots.allSatisfy({ $0 == 0 || (1...limit).contains($0 & offsets) }) else { return false }
        self.slots = slots
        return true
    }
}

extension IINTable {
    /// Appends the table as it is stored: the count of places, each place (a present byte, the IIN's
    /// number, then `record` of a present record), then the index. ``init(image:_:)`` reads it back.
    @inlinable
    public func writeImage(into writer: inout BinaryWriter, _ record: (inout BinaryWriter, Value) -> Void) {
        writer.writeVarint(UInt64(entries.count))
        for offset in 0..<entries.count {
            writer.write(entries[offset].value != nil)
            writer.write(entries[offset].key.number)
            if let value = entries[offset].value { record(&writer, value) }
        }
        writer.writeVarint(UInt64(slots.count))
        writer.writeLittleEndian(slots)
    }

    /// Reads a table written by ``writeImage(into:_:)``: the same places in the same order, and the same
    /// index, copied rather than rebuilt. Fails on bytes that break the layout, on a number that is no
    /// IIN's and on an index that does not fit the places.
    @inlinable
    public init(
        image reader: inout BinaryReader, _ record: (inout BinaryReader) throws(BinaryDecodingError) -> Value
    ) throws(BinaryDecodingError) {
        self.init()
        let count = try reader.readCount()
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let present = try reader.readBool()
            let offset = reader.offset
            let number = try reader.readUInt64()
            guard let iin = IIN(imageNumber: number) else { throw reader.invalid("IIN", at: offset) }
            appendPlace(iin, present ? try record(&reader) : nil)
        }
        let offset = reader.offset
        let slots = try reader.readLittleEndian(UInt32.self, count: try reader.readLength())
        guard adoptIndex(slots) else {
            throw BinaryDecodingError(offset: offset, reason: .invalidValue(type: "IIN table index"))
        }
    }
}
