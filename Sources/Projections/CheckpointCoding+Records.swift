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

    static func readKindergarten(from reader: inout BinaryReader) throws(BinaryDecodingError) -> KindergartenRecord {
        let id = try readKindergartenID(from: &reader)
        let name = KindergartenName(kazakh: try reader.readString(), russian: try reader.readString())
        guard let locality = KATOCode(rawValue: try reader.readUInt32()) else { throw invalid("KATOCode", at: reader) }
        var languages: [LanguageCode] = []
        for _ in 0..<(try reader.readLength()) {
            guard let language = LanguageCode(rawValue: try reader.readString()) else {
                throw invalid("LanguageCode", at: reader)
            }
            languages.append(language)
        }
        var groupTypes: [GroupType] = []
        for _ in 0..<(try reader.readLength()) { groupTypes.append(try readCase(from: &reader)) }
        var record = KindergartenRecord(
            Event.KindergartenRegistered(
                id: id, name: name, locality: locality, languages: languages, groupTypes: groupTypes,
                capacity: try readInt(from: &reader)))
        record.enrolled = try readInt(from: &reader)
        record.referred = try readInt(from: &reader)
        record.offered = try readInt(from: &reader)
        return record
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

    static func readBulletin(from reader: inout BinaryReader) throws(BinaryDecodingError) -> BulletinRecord {
        var record = BulletinRecord(
            Event.BulletinPublished(
                bulletin: BulletinNumber(rawValue: try reader.readVarint()),
                kindergarten: try readKindergartenID(from: &reader), key: try readKey(from: &reader).key,
                seats: try readInt(from: &reader), opensAt: Timestamp(millisecondsSinceEpoch: try reader.readZigzag()),
                closesAt: Timestamp(millisecondsSinceEpoch: try reader.readZigzag())))
        record.isClosed = try reader.readBool()
        for _ in 0..<(try reader.readLength()) {
            record.applicants.append(ApplicationNumber(rawValue: try reader.readVarint()))
        }
        for _ in 0..<(try reader.readLength()) {
            record.admitted.append(ApplicationNumber(rawValue: try reader.readVarint()))
        }
        return record
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

    static func readReferral(from reader: inout BinaryReader) throws(BinaryDecodingError) -> ReferralRecord {
        var record = ReferralRecord(
            Event.ReferralIssued(
                referral: ReferralNumber(rawValue: try reader.readVarint()),
                application: ApplicationNumber(rawValue: try reader.readVarint()),
                bulletin: BulletinNumber(rawValue: try reader.readVarint()),
                kindergarten: try readKindergartenID(from: &reader),
                issuedAt: Timestamp(millisecondsSinceEpoch: try reader.readZigzag()),
                confirmBy: Timestamp(millisecondsSinceEpoch: try reader.readZigzag()),
                policy: PolicyVersion(rawValue: "")))
        record.registerBy = try readTime(from: &reader)
        record.status = try readCase(from: &reader)
        record.extensionsUsed = try readInt(from: &reader)
        return record
    }
}
