import Kezek

extension QueueProjection {
    /// Writes every queue's slots in key order: time, number, tier byte.
    func encodeCheckpoint(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(orders.count))
        for key in keys {
            let index = orders[positions[key]!]
            writer.writeVarint(key.rawValue)
            writer.writeVarint(UInt64(index.slotCount))
            for slot in 0..<index.slotCount {
                writer.writeZigzag(index.times[slot])
                writer.writeVarint(index.numbers[slot])
                writer.write(index.tierCode(atSlot: slot))
            }
        }
    }

    /// Reads what `encodeCheckpoint(to:)` wrote, checks the key and slot order, rebuilds the tier bits.
    init(checkpoint reader: inout BinaryReader) throws(BinaryDecodingError) {
        for _ in 0..<(try reader.readLength()) {
            let key = try CheckpointCoding.readKey(from: &reader)
            guard orderKeys.last.map({ $0 < key }) ?? true else {
                throw CheckpointCoding.invalid("QueueKey", at: reader)
            }
            let count = try reader.readLength()
            var times: [Int64] = []
            var numbers: [UInt64] = []
            var tiers: [UInt8] = []
            for slot in 0..<count {
                let time = try reader.readZigzag()
                let number = try reader.readVarint()
                let tier = try reader.readUInt8()
                guard tier == QueueOrderIndex.absent || Tier(rawValue: Int(tier)) != nil,
                    slot == 0 || (times[slot - 1], numbers[slot - 1]) < (time, number)
                else { throw CheckpointCoding.invalid("QueueOrderIndex", at: reader) }
                times.append(time)
                numbers.append(number)
                tiers.append(tier)
            }
            set(QueueOrderIndex(times: times, numbers: numbers, tiers: tiers), for: key)
        }
    }
}
