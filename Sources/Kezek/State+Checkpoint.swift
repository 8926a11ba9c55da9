// Reads the canonical form back (see State+Canonical.swift): a checkpoint of the decision state.

extension KezekState {
    /// The error for people out of ascending IIN order.
    private static func outOfOrder(_ reader: BinaryReader) -> BinaryDecodingError {
        BinaryDecodingError(offset: reader.offset, reason: .invalidValue(type: "IIN order"))
    }

    /// Reads a state written by ``canonicalBytes(into:)``. Fails on another format version, on bytes that
    /// break the layout and on values their types reject; the reader is left after the state.
    public init(canonicalBytes reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init()
        let formatOffset = reader.offset
        let format = try reader.readUInt8()
        guard format == Self.canonicalFormatVersion else {
            throw BinaryDecodingError(
                offset: formatOffset, reason: .invalidTag(type: "KezekState", tag: UInt64(format)))
        }
        lastApplicationNumber = try reader.readVarint()
        lastBulletinNumber = try reader.readVarint()
        lastReferralNumber = try reader.readVarint()
        lastTime = try reader.readOptional { try $0.readTime() }
        lastRefreshYear = try reader.readOptional { try $0.readInt() }

        let kindergartensCount = try reader.readCount()
        kindergartens.reserveCapacity(kindergartensCount)
        for _ in 0..<kindergartensCount {
            let record = try KindergartenRecord(from: &reader)
            kindergartens[record.id] = record
        }
        let applicantsCount = try reader.readCount()
        applicants.reserveCapacity(applicantsCount)
        // The canonical form writes people in ascending IIN order.
        for _ in 0..<applicantsCount {
            let record = try ApplicantRecord(from: &reader)
            guard applicants.appendAscendingDeferringIndex(record.iin, record) else { throw Self.outOfOrder(reader) }
        }
        applicants.rebuildIndex()
        let childrenCount = try reader.readCount()
        children.reserveCapacity(childrenCount)
        for _ in 0..<childrenCount {
            let record = try ChildRecord(from: &reader)
            guard children.appendAscendingDeferringIndex(record.iin, record) else { throw Self.outOfOrder(reader) }
        }
        children.rebuildIndex()
        for _ in 0..<(try reader.readCount()) {
            guard rankedKindergartenIDs.appendDecoded(try reader.readKindergarten()) else {
                throw reader.invalid("KindergartenID table", at: reader.offset)
            }
        }
        let applicationsCount = try reader.readCount()
        applications.reserveCapacity(applicationsCount)
        for _ in 0..<applicationsCount {
            let (record, ranked) = try ApplicationRecord.decode(from: &reader, idCount: rankedKindergartenIDs.count)
            keepLongRanking(ranked, of: record.number)
            applications[record.number] = record
        }
        let bulletinsCount = try reader.readCount()
        bulletins.reserveCapacity(bulletinsCount)
        for _ in 0..<bulletinsCount {
            let record = try BulletinRecord(from: &reader)
            bulletins[record.number] = record
        }
        let referralsCount = try reader.readCount()
        referrals.reserveCapacity(referralsCount)
        for _ in 0..<referralsCount {
            let record = try ReferralRecord(from: &reader)
            referrals[record.number] = record
        }
        let keyCount = try reader.readCount()
        applicationsByKey.reserveCapacity(keyCount)
        for _ in 0..<keyCount {
            let key = try reader.readKey()
            applicationsByKey[key] = try reader.readArray { try $0.readApplication() }
        }
        rebuildDeadlines()
    }
}

extension KindergartenRecord {
    fileprivate init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let event = Event.KindergartenRegistered(
            id: try reader.readKindergarten(),
            name: KindergartenName(kazakh: try reader.readString(), russian: try reader.readString()),
            locality: try reader.readLocality(),
            languages: try reader.readArray { try $0.readLanguage() },
            groupTypes: try reader.readArray { try $0.readEnum(GroupType.self) },
            capacity: try reader.readInt())
        self.init(event)
        enrolled = try reader.readInt()
        referred = try reader.readInt()
        offered = try reader.readInt()
    }
}

extension ApplicantRecord {
    fileprivate init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(iin: try reader.readIIN(), phone: try reader.readPhone())
        lastChild = try reader.readOptional { try $0.readIIN() }
    }
}

extension ChildRecord {
    fileprivate init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(iin: try reader.readIIN(), applicant: try reader.readIIN(), gender: try reader.readEnum(Sex.self))
        activeApplication = try reader.readOptional { try $0.readApplication() }
        previousSibling = try reader.readOptional { try $0.readIIN() }
        enrolment = try reader.readOptional {
            Enrolment(application: try $0.readApplication(), kindergarten: try $0.readKindergarten())
        }
    }
}

extension ApplicationRecord {
    /// Reads a record and the numbers of its ranked kindergartens, each below `idCount`.
    fileprivate static func decode(
        from reader: inout BinaryReader, idCount: Int
    ) throws(BinaryDecodingError) -> (ApplicationRecord, [UInt32]) {
        let number = try reader.readApplication()
        let applicant = try reader.readIIN()
        let child = try reader.readIIN()
        let key = try reader.readKey()
        let ranked = try reader.readArray { reader throws(BinaryDecodingError) -> UInt32 in
            let value = try reader.readVarint()
            guard value < UInt64(idCount) else { throw reader.invalid("kindergarten number", at: reader.offset) }
            return UInt32(value)
        }
        let submittedAt = try reader.readTime()
        let originalTier = try reader.readTier()
        let tier = try reader.readTier()
        let claim = try reader.readOptional { reader in
            PriorityClaim(
                category: try reader.readEnum(PriorityCategory.self),
                documents: try reader.readArray {
                    SupportingDocument(name: try $0.readString(), issuedOn: try $0.readDate())
                })
        }
        let claimStatus = try reader.readOptional { try $0.readEnum(ClaimStatus.self) }
        let status = try reader.readEnum(ApplicationStatus.self)
        let inactivity = try reader.readOptional { try $0.readEnum(InactivityReason.self) }
        let interestValidUntil = try reader.readOptional { try $0.readTime() }
        let restorableUntil = try reader.readOptional { try $0.readTime() }
        let restorationsUsed = try reader.readInt()
        let stopListedUntil = try reader.readOptional { try $0.readTime() }
        let bulletins = try reader.readArray { try $0.readBulletin() }
        let referral = try reader.readOptional { try $0.readReferral() }
        let policy = PolicyVersion(rawValue: try reader.readString())
        var record = ApplicationRecord(
            Event.ApplicationSubmitted(
                application: number, applicant: applicant, child: child, key: key, submittedAt: submittedAt,
                tier: originalTier, priority: claim, policy: policy),
            ranked: RankedKindergartens(ranked))
        record.tier = tier
        record.claimStatus = claimStatus
        record.status = status
        record.inactivity = inactivity
        record.interestValidUntil = interestValidUntil
        record.restorableUntil = restorableUntil
        record.restorationsUsed = restorationsUsed
        record.stopListedUntil = stopListedUntil
        record.bulletins = bulletins
        record.referral = referral
        return (record, ranked)
    }
}

extension BulletinRecord {
    fileprivate init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(
            Event.BulletinPublished(
                bulletin: try reader.readBulletin(), kindergarten: try reader.readKindergarten(),
                key: try reader.readKey(), seats: try reader.readInt(), opensAt: try reader.readTime(),
                closesAt: try reader.readTime()))
        applicants = try reader.readArray { try $0.readApplication() }
        isClosed = try reader.readBool()
        admitted = try reader.readArray { try $0.readApplication() }
    }
}

extension ReferralRecord {
    fileprivate init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let referral = try reader.readReferral()
        let application = try reader.readApplication()
        let bulletin = try reader.readBulletin()
        let kindergarten = try reader.readKindergarten()
        let issuedAt = try reader.readTime()
        let confirmBy = try reader.readTime()
        self.init(
            Event.ReferralIssued(
                referral: referral, application: application, bulletin: bulletin, kindergarten: kindergarten,
                issuedAt: issuedAt, confirmBy: confirmBy, policy: PolicyVersion(rawValue: "")))
        registerBy = try reader.readOptional { try $0.readTime() }
        status = try reader.readEnum(ReferralStatus.self)
        extensionsUsed = try reader.readInt()
    }
}

extension BinaryReader {
    fileprivate mutating func readInt() throws(BinaryDecodingError) -> Int {
        let start = offset
        guard let value = Int(exactly: try readZigzag()) else { throw invalid("Int", at: start) }
        return value
    }

    fileprivate mutating func readTime() throws(BinaryDecodingError) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: try readZigzag())
    }

    fileprivate mutating func readDate() throws(BinaryDecodingError) -> CivilDate {
        let start = offset
        let year = try readInt()
        let month = try readVarint()
        let day = try readVarint()
        guard month <= 12, day <= 31, let date = try? CivilDate(year: year, month: Int(month), day: Int(day)) else {
            throw invalid("CivilDate", at: start)
        }
        return date
    }

    fileprivate mutating func readIIN() throws(BinaryDecodingError) -> IIN {
        let start = offset
        guard let iin = IIN(asciiDigits: try readLengthPrefixedBytes()) else { throw invalid("IIN", at: start) }
        return iin
    }

    fileprivate mutating func readPhone() throws(BinaryDecodingError) -> PhoneNumber {
        let start = offset
        guard let phone = PhoneNumber(rawValue: try readString()) else { throw invalid("PhoneNumber", at: start) }
        return phone
    }

    fileprivate mutating func readKindergarten() throws(BinaryDecodingError) -> KindergartenID {
        let start = offset
        guard let id = KindergartenID(rawValue: try readString()) else { throw invalid("KindergartenID", at: start) }
        return id
    }

    fileprivate mutating func readLanguage() throws(BinaryDecodingError) -> LanguageCode {
        let start = offset
        guard let language = LanguageCode(rawValue: try readString()) else { throw invalid("LanguageCode", at: start) }
        return language
    }

    fileprivate mutating func readLocality() throws(BinaryDecodingError) -> KATOCode {
        let start = offset
        let raw = try readVarint()
        guard raw <= UInt64(UInt32.max), let code = KATOCode(rawValue: UInt32(raw)) else {
            throw invalid("KATOCode", at: start)
        }
        return code
    }

    fileprivate mutating func readTier() throws(BinaryDecodingError) -> Tier {
        let start = offset
        let name = try readLengthPrefixedBytes()
        for tier in Tier.allCases where Self.spells(name, tier.name) { return tier }
        throw invalid("Tier", at: start)
    }

    /// Reads an enumeration stored by its name, matching the bytes against the names of its cases
    /// (no string is made).
    fileprivate mutating func readEnum<Value: RawRepresentable<String> & CaseIterable>(
        _ type: Value.Type
    ) throws(BinaryDecodingError) -> Value {
        let start = offset
        let name = try readLengthPrefixedBytes()
        for value in Value.allCases where Self.spells(name, value.rawValue) { return value }
        throw invalid("\(Value.self)", at: start)
    }

    /// Whether `bytes` are the UTF-8 of `text`: the counts first (most names differ there), then the bytes
    /// of the two buffers.
    private static func spells(_ bytes: UnsafeRawBufferPointer, _ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? utf8.elementsEqual(bytes)
    }

    fileprivate mutating func readApplication() throws(BinaryDecodingError) -> ApplicationNumber {
        ApplicationNumber(rawValue: try readVarint())
    }

    fileprivate mutating func readBulletin() throws(BinaryDecodingError) -> BulletinNumber {
        BulletinNumber(rawValue: try readVarint())
    }

    fileprivate mutating func readReferral() throws(BinaryDecodingError) -> ReferralNumber {
        ReferralNumber(rawValue: try readVarint())
    }

    fileprivate mutating func readKey() throws(BinaryDecodingError) -> QueueKey {
        QueueKey(
            locality: try readLocality(), birthYear: try readInt(), language: try readLanguage(),
            groupType: try readEnum(GroupType.self))
    }

    // The element readers are untyped closures (typed throws do not infer through them yet); every error
    // they throw is a `BinaryDecodingError`.
    fileprivate mutating func readOptional<Value>(
        _ body: (inout BinaryReader) throws -> Value
    ) throws(BinaryDecodingError) -> Value? {
        guard try readBool() else { return nil }
        return try element(body)
    }

    fileprivate mutating func readArray<Element>(
        _ body: (inout BinaryReader) throws -> Element
    ) throws(BinaryDecodingError) -> [Element] {
        let count = try readCount()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try element(body)) }
        return elements
    }

    private mutating func element<Value>(
        _ body: (inout BinaryReader) throws -> Value
    ) throws(BinaryDecodingError) -> Value {
        let start = offset
        do {
            return try body(&self)
        } catch let error as BinaryDecodingError {
            throw error
        } catch {
            throw invalid("\(Value.self)", at: start)
        }
    }
}
