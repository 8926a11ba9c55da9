import Kezek

extension FamilyProjection {
    /// Writes applicants and children in IIN order, with their links.
    func encodeCheckpoint(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(applicants.count))
        for iin in applicants.keys.sorted() {
            let entry = applicants[iin]!
            writer.write(iin.rawValue)
            writer.write(entry.phone.rawValue)
            writer.write(entry.lastChild?.rawValue ?? "")
        }
        writer.writeVarint(UInt64(children.count))
        for iin in children.keys.sorted() {
            let entry = children[iin]!
            writer.write(iin.rawValue)
            writer.write(entry.applicant.rawValue)
            CheckpointCoding.writeCase(entry.gender, to: &writer)
            writer.write(entry.previousSibling?.rawValue ?? "")
            writer.write(entry.activeApplication != nil)
            writer.writeVarint(entry.activeApplication?.rawValue ?? 0)
            writer.write(entry.enrolment != nil)
            writer.writeVarint(entry.enrolment?.application.rawValue ?? 0)
            writer.write(entry.enrolment?.kindergarten.rawValue ?? "")
        }
    }

    /// Reads what `encodeCheckpoint(to:)` wrote.
    init(checkpoint reader: inout BinaryReader) throws(BinaryDecodingError) {
        let applicantCount = try reader.readCount()
        applicants.reserveCapacity(applicantCount)
        // Both tables are written in ascending IIN order.
        for _ in 0..<applicantCount {
            let iin = try CheckpointCoding.readIIN(from: &reader)
            guard let phone = PhoneNumber(rawValue: try reader.readString()) else {
                throw CheckpointCoding.invalid("PhoneNumber", at: reader)
            }
            let entry = ApplicantEntry(phone: phone, lastChild: try Self.readOptionalIIN(from: &reader))
            guard applicants.appendAscendingDeferringIndex(iin, entry) else {
                throw CheckpointCoding.invalid("IIN order", at: reader)
            }
        }
        applicants.rebuildIndex()
        let childCount = try reader.readCount()
        children.reserveCapacity(childCount)
        for _ in 0..<childCount {
            let iin = try CheckpointCoding.readIIN(from: &reader)
            var entry = ChildEntry(
                applicant: try CheckpointCoding.readIIN(from: &reader),
                gender: try CheckpointCoding.readCase(from: &reader),
                previousSibling: try Self.readOptionalIIN(from: &reader))
            let hasActive = try reader.readBool()
            let active = try reader.readVarint()
            if hasActive { entry.activeApplication = ApplicationNumber(rawValue: active) }
            let hasEnrolment = try reader.readBool()
            let enrolled = try reader.readVarint()
            let kindergarten = try reader.readString()
            if hasEnrolment {
                guard let id = KindergartenID(rawValue: kindergarten) else {
                    throw CheckpointCoding.invalid("KindergartenID", at: reader)
                }
                entry.enrolment = Enrolment(application: ApplicationNumber(rawValue: enrolled), kindergarten: id)
            }
            guard children.appendAscendingDeferringIndex(iin, entry) else {
                throw CheckpointCoding.invalid("IIN order", at: reader)
            }
        }
        children.rebuildIndex()
    }

    private static func readOptionalIIN(from reader: inout BinaryReader) throws(BinaryDecodingError) -> IIN? {
        let text = try reader.readString()
        guard !text.isEmpty else { return nil }
        guard let iin = IIN(rawValue: text) else { throw CheckpointCoding.invalid("IIN", at: reader) }
        return iin
    }
}
