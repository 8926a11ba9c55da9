import Kezek

extension ApplicationProjection {
    /// Writes every application in number order (number, referral, tier, status, stage and the number of
    /// its child's previous application, 0 for none), then the newest application of each child in IIN
    /// order.
    public func canonicalBytes(into bytes: inout [UInt8]) {
        var writer = BinaryWriter(capacity: 16 + rows.count * 8)
        writer.writeRaw("applications".utf8)
        writer.writeVarint(UInt64(rows.count))
        for number in rowIndex.numbers {
            let row = rows[Int(rowIndex[number]!)]
            writer.writeVarint(row.number.rawValue)
            writeFields(of: row, to: &writer)
            writer.writeVarint(
                row.previousOfChild == ApplicationRow.none ? 0 : rows[Int(row.previousOfChild)].number.rawValue)
        }
        writer.writeVarint(UInt64(lastOfChild.count))
        for iin in lastOfChild.keys.sorted() {
            writer.write(iin.rawValue)
            writer.writeVarint(rows[Int(lastOfChild[iin]!)].number.rawValue)
        }
        bytes += writer.bytes
    }

    /// Writes the rows and the children's links as they are stored (the checkpoint layout; the links'
    /// table with its index, `IINTable.writeImage(into:_:)`).
    func encodeCheckpoint(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(rows.count))
        for row in rows {
            writer.writeVarint(row.number.rawValue)
            writeFields(of: row, to: &writer)
            writer.write(row.previousOfChild)
        }
        lastOfChild.writeImage(into: &writer) { $0.write($1) }
    }

    /// Reads what `encodeCheckpoint(to:)` wrote and rebuilds the number index; every link must point at
    /// an earlier row, every number must be new and every child's newest application an existing row.
    init(checkpoint reader: inout BinaryReader) throws(BinaryDecodingError) {
        let rowCount = try reader.readCount()
        let (tiers, statuses, stages) = (Tier.allCases, ApplicationStatus.allCases, ApplicationStage.allCases)
        rows.reserveCapacity(rowCount)
        rowIndex.reserveCapacity(rowCount)
        for index in 0..<rowCount {
            let number = ApplicationNumber(rawValue: try reader.readVarint())
            var row = ApplicationRow(number: number, tier: .general)
            row.referral = try reader.readVarint()
            row.tier = try CheckpointCoding.readCase(from: &reader, in: tiers)
            row.status = try CheckpointCoding.readCase(from: &reader, in: statuses)
            row.stage = try CheckpointCoding.readCase(from: &reader, in: stages)
            row.previousOfChild = try reader.readUInt32()
            guard rowIndex[number] == nil, row.previousOfChild == ApplicationRow.none || row.previousOfChild < index
            else { throw CheckpointCoding.invalid("ApplicationRow", at: reader) }
            rowIndex[number] = UInt32(index)
            rows.append(row)
        }
        lastOfChild = try IINTable(image: &reader) { reader throws(BinaryDecodingError) in
            let row = try reader.readUInt32()
            guard row < rowCount else { throw CheckpointCoding.invalid("row", at: reader) }
            return row
        }
    }

    private func writeFields(of row: ApplicationRow, to writer: inout BinaryWriter) {
        writer.writeVarint(row.referral)
        CheckpointCoding.writeCase(row.tier, to: &writer)
        CheckpointCoding.writeCase(row.status, to: &writer)
        CheckpointCoding.writeCase(row.stage, to: &writer)
    }
}
