import Kezek

extension ApplicationProjection {
    /// Writes every application in number order with its fields and its history, oldest first.
    public func canonicalBytes(into bytes: inout [UInt8]) {
        var writer = BinaryWriter()
        writer.writeRaw("applications".utf8)
        writer.writeVarint(UInt64(rows.count))
        for number in rowIndex.numbers {
            let row = rows[Int(rowIndex[number]!)]
            writeFields(of: row, to: &writer)
            writer.writeVarint(UInt64(extraKindergartens[number]?.count ?? row.kindergartens.indices.count))
            for id in kindergartens(of: number) { writer.write(id.rawValue) }
            let entries = entryIndices(from: row.lastHistory)
            writer.writeVarint(UInt64(entries.count))
            for index in entries.reversed() { write(history[Int(index)], to: &writer) }
        }
        bytes += writer.bytes
    }

    /// Writes the rows, links and history as they are stored (the checkpoint layout).
    func encodeCheckpoint(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(kindergartenIDs.count))
        for id in kindergartenIDs { writer.write(id.rawValue) }
        writer.writeVarint(UInt64(rows.count))
        for row in rows {
            writeFields(of: row, to: &writer)
            for index in [
                row.kindergartens.first, row.kindergartens.second, row.kindergartens.third,
                row.kindergartens.fourth, row.slot, row.lastHistory, row.previousOfApplicant, row.previousOfChild,
            ] {
                writer.write(index)
            }
        }
        CheckpointCoding.write(lastOfApplicant, to: &writer)
        CheckpointCoding.write(lastOfChild, to: &writer)
        writer.writeVarint(UInt64(extraKindergartens.count))
        for number in extraKindergartens.keys.sorted() {
            writer.writeVarint(number.rawValue)
            writer.writeVarint(UInt64(extraKindergartens[number]!.count))
            for id in extraKindergartens[number]! { writer.write(id.rawValue) }
        }
        writer.writeVarint(UInt64(history.count))
        for entry in history {
            write(entry, to: &writer)
            writer.write(entry.row)
            writer.write(entry.previous)
        }
    }

    /// Reads what `encodeCheckpoint(to:)` wrote and rebuilds the lookups.
    init(checkpoint reader: inout BinaryReader) throws(BinaryDecodingError) {
        let idCount = try reader.readCount()
        kindergartenIDs.reserveCapacity(idCount)
        kindergartenIndex.reserveCapacity(idCount)
        for _ in 0..<idCount {
            let id = try CheckpointCoding.readKindergartenID(from: &reader)
            kindergartenIndex[id] = UInt32(kindergartenIDs.count)
            kindergartenIDs.append(id)
        }
        let rowCount = try reader.readCount()
        rows.reserveCapacity(rowCount)
        rowIndex.reserveCapacity(rowCount)
        for index in 0..<rowCount {
            var row = try Self.readFields(from: &reader)
            row.kindergartens = try RankedKindergartens(from: &reader)
            (row.slot, row.lastHistory, row.previousOfApplicant, row.previousOfChild) = (
                try reader.readUInt32(), try reader.readUInt32(), try reader.readUInt32(), try reader.readUInt32()
            )
            rowIndex[row.number] = UInt32(index)
            rows.append(row)
        }
        lastOfApplicant = try CheckpointCoding.readRowTable(from: &reader, rowCount: rowCount)
        lastOfChild = try CheckpointCoding.readRowTable(from: &reader, rowCount: rowCount)
        for _ in 0..<(try reader.readLength()) {
            let number = ApplicationNumber(rawValue: try reader.readVarint())
            var ids: [KindergartenID] = []
            for _ in 0..<(try reader.readLength()) {
                ids.append(try CheckpointCoding.readKindergartenID(from: &reader))
            }
            extraKindergartens[number] = ids
        }
        let historyCount = try reader.readCount()
        history.reserveCapacity(historyCount)
        for _ in 0..<historyCount {
            var entry = try Self.readEntry(from: &reader)
            entry.row = try reader.readUInt32()
            entry.previous = try reader.readUInt32()
            guard entry.row < rowCount, entry.previous == ApplicationRow.none || entry.previous < history.count else {
                throw CheckpointCoding.invalid("HistoryEntry", at: reader)
            }
            history.append(entry)
        }
        try validateLinks(at: reader)
    }

    /// Checks that every stored link points at an existing row, entry or interned id.
    private func validateLinks(at reader: BinaryReader) throws(BinaryDecodingError) {
        func valid(_ link: UInt32, below count: Int) -> Bool { link == ApplicationRow.none || link < count }
        for (index, row) in rows.enumerated() {
            guard valid(row.lastHistory, below: history.count), valid(row.previousOfApplicant, below: index),
                valid(row.previousOfChild, below: index),
                row.kindergartens.indices.allSatisfy({ $0 < kindergartenIDs.count })
            else { throw CheckpointCoding.invalid("ApplicationRow", at: reader) }
        }
    }

    private func writeFields(of row: ApplicationRow, to writer: inout BinaryWriter) {
        writer.writeVarint(row.number.rawValue)
        writer.write(row.applicant.rawValue)
        writer.write(row.child.rawValue)
        writer.writeVarint(row.key.rawValue)
        writer.writeZigzag(row.submittedAt.millisecondsSinceEpoch)
        writer.writeVarint(row.referral)
        for time in [row.interestValidUntil, row.stopListedUntil, row.restorableUntil] { writer.writeZigzag(time) }
        CheckpointCoding.writeCase(row.originalTier, to: &writer)
        CheckpointCoding.writeCase(row.tier, to: &writer)
        CheckpointCoding.writeCase(row.status, to: &writer)
        CheckpointCoding.writeCase(row.stage, to: &writer)
        CheckpointCoding.writeOptionalCase(row.category, to: &writer)
        CheckpointCoding.writeOptionalCase(row.claimStatus, to: &writer)
        CheckpointCoding.writeOptionalCase(row.inactivity, to: &writer)
        writer.write(row.restorationsUsed)
    }

    private static func readFields(from reader: inout BinaryReader) throws(BinaryDecodingError) -> ApplicationRow {
        let number = ApplicationNumber(rawValue: try reader.readVarint())
        let applicant = try CheckpointCoding.readIIN(from: &reader)
        let child = try CheckpointCoding.readIIN(from: &reader)
        let key = try CheckpointCoding.readKey(from: &reader)
        let submittedAt = Timestamp(millisecondsSinceEpoch: try reader.readZigzag())
        var row = ApplicationRow(
            Event.ApplicationSubmitted(
                application: number, applicant: applicant, child: child, key: key.key, submittedAt: submittedAt,
                tier: .general, policy: PolicyVersion(rawValue: "")))
        row.key = key
        row.referral = try reader.readVarint()
        row.interestValidUntil = try reader.readZigzag()
        row.stopListedUntil = try reader.readZigzag()
        row.restorableUntil = try reader.readZigzag()
        row.originalTier = try CheckpointCoding.readCase(from: &reader)
        row.tier = try CheckpointCoding.readCase(from: &reader)
        row.status = try CheckpointCoding.readCase(from: &reader)
        row.stage = try CheckpointCoding.readCase(from: &reader)
        row.category = try CheckpointCoding.readOptionalCase(from: &reader)
        row.claimStatus = try CheckpointCoding.readOptionalCase(from: &reader)
        row.inactivity = try CheckpointCoding.readOptionalCase(from: &reader)
        row.restorationsUsed = try reader.readUInt8()
        return row
    }

    private func write(_ entry: HistoryEntry, to writer: inout BinaryWriter) {
        writer.writeVarint(entry.position)
        writer.writeZigzag(entry.time)
        writer.write(entry.type.rawValue)
        writer.writeVarint(entry.detail)
        writer.write(entry.code)
    }

    private static func readEntry(from reader: inout BinaryReader) throws(BinaryDecodingError) -> HistoryEntry {
        let position = try reader.readVarint()
        let time = try reader.readZigzag()
        guard let type = EventType(rawValue: try reader.readUInt16()) else {
            throw CheckpointCoding.invalid("EventType", at: reader)
        }
        return HistoryEntry(
            position: position, time: time, detail: try reader.readVarint(), row: 0, previous: ApplicationRow.none,
            type: type, code: try reader.readUInt8())
    }
}

extension RankedKindergartens {
    /// Reads four stored indices; the first unused one ends the list (as ``init(_:)`` made it).
    fileprivate init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let stored = (
            try reader.readUInt32(), try reader.readUInt32(), try reader.readUInt32(), try reader.readUInt32()
        )
        self.init()
        guard stored.0 != ApplicationRow.none else { return }
        first = stored.0
        guard stored.1 != ApplicationRow.none else { return }
        second = stored.1
        guard stored.2 != ApplicationRow.none else { return }
        third = stored.2
        guard stored.3 != ApplicationRow.none else { return }
        fourth = stored.3
    }
}
