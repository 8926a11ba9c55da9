import Kezek

extension CheckpointCoding {
    static func write(_ record: KindergartenRecord, to writer: inout BinaryWriter) {
        writer.write(record.id.rawValue)
        writer.write(record.name.kazakh)
        writer.write(record.name.russian)
        writer.write(record.locality.rawValue)
        writer.writeVarint(UInt64(record.languages.count))
        for language in record.languages { writer.write(language.rawValue) }
        writer.writeVarint(UInt64(record.groupTypes.count))
        for groupType in record.groupTypes { writeCase(groupType, to: &writer) }
        for count in [record.capacity, record.enrolled, record.referred, record.offered] {
            writer.writeZigzag(Int64(count))
        }
    }

    static func write(_ record: BulletinRecord, to writer: inout BinaryWriter) {
        writer.writeVarint(record.number.rawValue)
        writer.write(record.kindergarten.rawValue)
        writer.writeVarint(PackedQueueKey(record.key).rawValue)
        writer.writeZigzag(Int64(record.seats))
        writer.writeZigzag(record.opensAt.millisecondsSinceEpoch)
        writer.writeZigzag(record.closesAt.millisecondsSinceEpoch)
        writer.write(record.isClosed)
        for list in [record.applicants, record.admitted] {
            writer.writeVarint(UInt64(list.count))
            for number in list { writer.writeVarint(number.rawValue) }
        }
    }

    static func write(_ record: ReferralRecord, to writer: inout BinaryWriter) {
        writer.writeVarint(record.number.rawValue)
        writer.writeVarint(record.application.rawValue)
        writer.writeVarint(record.bulletin.rawValue)
        writer.write(record.kindergarten.rawValue)
        writer.writeZigzag(record.issuedAt.millisecondsSinceEpoch)
        writer.writeZigzag(record.confirmBy.millisecondsSinceEpoch)
        write(record.registerBy, to: &writer)
        writeCase(record.status, to: &writer)
        writer.writeZigzag(Int64(record.extensionsUsed))
    }
}
