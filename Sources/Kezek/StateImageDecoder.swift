// Reads the values of the state's image (see State+Image.swift).

/// Reads the image's values against its tables of kindergarten ids and policy versions.
struct StateImageDecoder {
    /// "No time" among the times.
    static let noTime = Int64.min
    /// "No IIN" among the IINs (no IIN has that number).
    static let noIIN = UInt64.max
    /// "No value" among the case indices.
    static let noCase: UInt8 = 0xFF

    var reader: BinaryReader
    var kindergartenIDs: [KindergartenID] = []
    var policies: [PolicyVersion] = []
    /// How many kindergarten ids the ranked ids' table has (they come first).
    var rankedCount = 0
    let tiers = Tier.allCases
    let groupTypes = GroupType.allCases
    let sexes = Sex.allCases
    let claimStatuses = ClaimStatus.allCases
    let statuses = ApplicationStatus.allCases
    let inactivities = InactivityReason.allCases
    let categories = PriorityCategory.allCases
    let referralStatuses = ReferralStatus.allCases

    init(reader: BinaryReader) { self.reader = reader }

    /// Reads the tables of kindergarten ids and policy versions; returns the ranked ids' table.
    mutating func readNames() throws(BinaryDecodingError) -> KindergartenIDTable {
        let count = try reader.readCount()
        let rankedOffset = reader.offset
        rankedCount = try reader.readLength()
        guard rankedCount <= count else { throw reader.invalid("ranked kindergarten count", at: rankedOffset) }
        var ranked = KindergartenIDTable()
        var seen = Set<KindergartenID>()
        kindergartenIDs.reserveCapacity(count)
        for index in 0..<count {
            let offset = reader.offset
            guard let id = KindergartenID(rawValue: try reader.readString()), seen.insert(id).inserted else {
                throw reader.invalid("KindergartenID table", at: offset)
            }
            kindergartenIDs.append(id)
            if index < rankedCount { _ = ranked.appendDecoded(id) }
        }
        for _ in 0..<(try reader.readCount()) { policies.append(PolicyVersion(rawValue: try reader.readString())) }
        return ranked
    }

    mutating func readTime() throws(BinaryDecodingError) -> Timestamp? {
        let raw = Int64(bitPattern: try reader.readUInt64())
        return raw == Self.noTime ? nil : Timestamp(millisecondsSinceEpoch: raw)
    }

    mutating func readSomeTime() throws(BinaryDecodingError) -> Timestamp {
        let offset = reader.offset
        guard let time = try readTime() else { throw reader.invalid("Timestamp", at: offset) }
        return time
    }

    mutating func readIIN() throws(BinaryDecodingError) -> IIN? {
        let offset = reader.offset
        let number = try reader.readUInt64()
        if number == Self.noIIN { return nil }
        guard let iin = IIN(imageNumber: number) else { throw reader.invalid("IIN", at: offset) }
        return iin
    }

    mutating func readSomeIIN() throws(BinaryDecodingError) -> IIN {
        let offset = reader.offset
        guard let iin = try readIIN() else { throw reader.invalid("IIN", at: offset) }
        return iin
    }

    mutating func readNumber() throws(BinaryDecodingError) -> UInt64? {
        let present = try reader.readBool()
        let number = try reader.readUInt64()
        return present ? number : nil
    }

    mutating func readCase<Value>(_ cases: [Value]) throws(BinaryDecodingError) -> Value? {
        let offset = reader.offset
        let index = try reader.readUInt8()
        if index == Self.noCase { return nil }
        guard Int(index) < cases.count else { throw reader.invalid("\(Value.self)", at: offset) }
        return cases[Int(index)]
    }

    mutating func readSomeCase<Value>(_ cases: [Value]) throws(BinaryDecodingError) -> Value {
        let offset = reader.offset
        guard let value = try readCase(cases) else { throw reader.invalid("\(Value.self)", at: offset) }
        return value
    }

    mutating func readKindergartenID() throws(BinaryDecodingError) -> KindergartenID {
        let offset = reader.offset
        let number = try reader.readUInt32()
        guard Int(number) < kindergartenIDs.count else { throw reader.invalid("kindergarten number", at: offset) }
        return kindergartenIDs[Int(number)]
    }

    mutating func readInt() throws(BinaryDecodingError) -> Int {
        let offset = reader.offset
        guard let value = Int(exactly: Int64(bitPattern: try reader.readUInt64())) else {
            throw reader.invalid("Int", at: offset)
        }
        return value
    }

    mutating func readLocality() throws(BinaryDecodingError) -> KATOCode {
        let offset = reader.offset
        guard let code = KATOCode(rawValue: try reader.readUInt32()) else {
            throw reader.invalid("KATOCode", at: offset)
        }
        return code
    }

    mutating func readLanguage() throws(BinaryDecodingError) -> LanguageCode {
        let offset = reader.offset
        guard let language = LanguageCode(indexInKnown: Int(try reader.readUInt8())) else {
            throw reader.invalid("LanguageCode", at: offset)
        }
        return language
    }

    mutating func readKey() throws(BinaryDecodingError) -> QueueKey {
        let locality = try readLocality()
        let year = Int(Int16(bitPattern: try reader.readUInt16()))
        return QueueKey(
            locality: locality, birthYear: year, language: try readLanguage(), groupType: try readSomeCase(groupTypes))
    }

    /// Reads a count and as many numbers written by ``BinaryWriter/writeLittleEndian(_:)``, straight into
    /// the array of numbers.
    mutating func readNumbers<Number: SequentialNumber>(_ type: Number.Type) throws(BinaryDecodingError) -> [Number] {
        let count = try reader.readCount()
        if count == 0 { return [] }
        // `readCount` bounds the count by the bytes left, so `count * 8` does not overflow.
        let raw = try reader.readRaw(count: count * 8)
        return [Number](unsafeUninitializedCapacity: count) { numbers, initialized in
            for index in 0..<count {
                let value = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                numbers.initializeElement(at: index, to: Number(rawValue: value))
            }
            initialized = count
        }
    }

    /// Reads an IIN table as it is stored (``IINTable/init(image:_:)``), its records by `record`.
    mutating func readIINTable<Value>(
        _ record: (inout Self) throws(BinaryDecodingError) -> Value
    ) throws(BinaryDecodingError) -> IINTable<Value> {
        // The table reads from its own copy of the reader; `record` gets the decoder at the same offset.
        var bytes = reader
        let table = try IINTable<Value>(image: &bytes) { bytes throws(BinaryDecodingError) in
            reader = bytes
            defer { bytes = reader }
            return try record(&self)
        }
        reader = bytes
        return table
    }

    /// Reads a numbered table written by `StateImageEncoder.writeTable(_:_:)`. The second half of the
    /// array's slots is decoded by work handed to `concurrently` (see `KezekState.init(image:concurrently:)`)
    /// while this decoder reads the first half, each straight into the table's array.
    mutating func readNumberedTable<Key, Value>(
        concurrently: (_ work: @escaping @Sendable () -> Void) -> (() -> Void) = KezekState.inline,
        _ record: @escaping (inout Self) throws(BinaryDecodingError) -> Value
    ) throws(BinaryDecodingError) -> NumberedTable<Key, Value> {
        let count = try reader.readCount()
        let splitOffset = reader.offset
        let split = try reader.readLength()
        guard split <= count else { throw reader.invalid("numbered table split", at: splitOffset) }
        let lengthOffset = reader.offset
        let firstEnd = try reader.readPartEnd("numbered table half length")
        var secondDecoder = self
        _ = try secondDecoder.reader.readRaw(count: firstEnd - reader.offset)
        var table = NumberedTable<Key, Value>()
        var failure: BinaryDecodingError?
        var rest = secondDecoder
        let filled = table.fillArray(count: count) { slots in
            let second = SlotDecoding(decoder: secondDecoder, range: split..<count, slots: slots, record: record)
            let wait = concurrently { second.run() }
            let first = readSlots(0..<split, into: slots, record)
            wait()
            rest = second.decoder
            switch (first, second.result!) {
            case (.success(let firstRecords), .success(let secondRecords)):
                guard reader.offset == firstEnd else {
                    slots.deinitialize(count: count)
                    failure = reader.invalid("numbered table half length", at: lengthOffset)
                    return nil
                }
                return firstRecords + secondRecords
            case (.failure(let error), .success):
                (slots + split).deinitialize(count: count - split)
                failure = error
            case (.success, .failure(let error)):
                slots.deinitialize(count: split)
                failure = error
            case (.failure(let error), .failure):
                failure = error
            }
            return nil
        }
        if let failure { throw failure }
        precondition(filled, "a table is filled unless a half failed")
        self = rest
        for _ in 0..<(try reader.readCount()) {
            let offset = reader.offset
            let key = Key(rawValue: try reader.readUInt64())
            guard table.appendBeyondArray(key, try record(&self)) else {
                throw reader.invalid("numbered table", at: offset)
            }
        }
        return table
    }

    /// Decodes the slots of `range` (a present byte, then the record) into `slots` at their indices;
    /// gives how many hold a record, or the error after deinitializing the slots it had initialized.
    mutating func readSlots<Value>(
        _ range: Range<Int>, into slots: UnsafeMutablePointer<Value?>,
        _ record: (inout Self) throws(BinaryDecodingError) -> Value
    ) -> Result<Int, BinaryDecodingError> {
        var index = range.lowerBound
        var stored = 0
        do throws(BinaryDecodingError) {
            while index < range.upperBound {
                // The record goes straight into its slot (moved, not copied and released).
                if try reader.readBool() {
                    (slots + index).initialize(to: try record(&self))
                    stored += 1
                } else {
                    (slots + index).initialize(to: nil)
                }
                index += 1
            }
            return .success(stored)
        } catch {
            (slots + range.lowerBound).deinitialize(count: index - range.lowerBound)
            return .failure(error)
        }
    }

    mutating func readHeap() throws(BinaryDecodingError) -> TimeHeap {
        let offset = reader.offset
        let count = try reader.readCount()
        let times = try reader.readLittleEndian(Int64.self, count: count)
        let numbers = try reader.readLittleEndian(UInt64.self, count: count)
        guard let heap = TimeHeap(times: times, numbers: numbers) else {
            throw reader.invalid("deadline heap", at: offset)
        }
        return heap
    }

    mutating func readKindergartenRecord() throws(BinaryDecodingError) -> KindergartenRecord {
        let id = try readKindergartenID()
        let name = KindergartenName(kazakh: try reader.readString(), russian: try reader.readString())
        let locality = try readLocality()
        var languages: [LanguageCode] = []
        for _ in 0..<(try reader.readCount()) { languages.append(try readLanguage()) }
        var types: [GroupType] = []
        for _ in 0..<(try reader.readCount()) { types.append(try readSomeCase(groupTypes)) }
        var record = KindergartenRecord(
            Event.KindergartenRegistered(
                id: id, name: name, locality: locality, languages: languages, groupTypes: types,
                capacity: try readInt()))
        record.enrolled = try readInt()
        record.referred = try readInt()
        record.offered = try readInt()
        return record
    }

    mutating func readApplicant() throws(BinaryDecodingError) -> ApplicantRecord {
        let iin = try readSomeIIN()
        let offset = reader.offset
        guard let phone = PhoneNumber(nationalNumber: try reader.readUInt64()) else {
            throw reader.invalid("PhoneNumber", at: offset)
        }
        var record = ApplicantRecord(iin: iin, phone: phone)
        record.lastChild = try readIIN()
        return record
    }

    mutating func readChild() throws(BinaryDecodingError) -> ChildRecord {
        let iin = try readSomeIIN()
        let applicant = try readSomeIIN()
        let previous = try readIIN()
        let active = try readNumber()
        let enrolled = try readNumber()
        let enrolment = try enrolled.map { number throws(BinaryDecodingError) in
            Enrolment(application: ApplicationNumber(rawValue: number), kindergarten: try readKindergartenID())
        }
        var record = ChildRecord(
            iin: iin, applicant: applicant, gender: try readSomeCase(sexes), previousSibling: previous)
        record.activeApplication = active.map(ApplicationNumber.init(rawValue:))
        record.enrolment = enrolment
        return record
    }

    mutating func readApplication() throws(BinaryDecodingError) -> ApplicationRecord {
        let number = ApplicationNumber(rawValue: try reader.readUInt64())
        let applicant = try readSomeIIN()
        let child = try readSomeIIN()
        let submittedAt = try readSomeTime()
        let rankedOffset = reader.offset
        let places = (
            try reader.readUInt32(), try reader.readUInt32(), try reader.readUInt32(), try reader.readUInt32()
        )
        guard let ranked = RankedKindergartens(places: places, idCount: rankedCount) else {
            throw reader.invalid("ranked kindergartens", at: rankedOffset)
        }
        let policyOffset = reader.offset
        let policy = try reader.readUInt32()
        guard Int(policy) < policies.count else { throw reader.invalid("policy number", at: policyOffset) }
        let key = try readKey()
        let referral = try readNumber()
        let originalTier = try readSomeCase(tiers)
        let tier = try readSomeCase(tiers)
        let claimStatus = try readCase(claimStatuses)
        let status = try readSomeCase(statuses)
        let inactivity = try readCase(inactivities)
        let restorations = try reader.readUInt32()
        let interestValidUntil = try readTime()
        let restorableUntil = try readTime()
        let stopListedUntil = try readTime()
        let bulletins = try readNumbers(BulletinNumber.self)
        var claim: PriorityClaim?
        if try reader.readBool() {
            let category = try readSomeCase(categories)
            var documents: [SupportingDocument] = []
            for _ in 0..<(try reader.readCount()) {
                let name = try reader.readString()
                let offset = reader.offset
                let year = try readInt()
                let month = Int(try reader.readUInt8())
                let day = Int(try reader.readUInt8())
                guard let date = try? CivilDate(year: year, month: month, day: day) else {
                    throw reader.invalid("CivilDate", at: offset)
                }
                documents.append(SupportingDocument(name: name, issuedOn: date))
            }
            claim = PriorityClaim(category: category, documents: documents)
        }
        return ApplicationRecord(
            number: number, applicant: applicant, child: child, submittedAt: submittedAt, ranked: ranked,
            policy: policies[Int(policy)], claim: claim, key: key,
            referral: referral.map(ReferralNumber.init(rawValue:)),
            originalTier: originalTier, tier: tier, claimStatus: claimStatus, status: status, inactivity: inactivity,
            restorationsUsed: restorations, interestValidUntil: interestValidUntil, restorableUntil: restorableUntil,
            stopListedUntil: stopListedUntil, bulletins: bulletins)
    }

    mutating func readBulletin() throws(BinaryDecodingError) -> BulletinRecord {
        var record = BulletinRecord(
            Event.BulletinPublished(
                bulletin: BulletinNumber(rawValue: try reader.readUInt64()), kindergarten: try readKindergartenID(),
                key: try readKey(), seats: try readInt(), opensAt: try readSomeTime(), closesAt: try readSomeTime()))
        record.isClosed = try reader.readBool()
        record.applicants = try readNumbers(ApplicationNumber.self)
        record.admitted = try readNumbers(ApplicationNumber.self)
        return record
    }

    mutating func readReferral() throws(BinaryDecodingError) -> ReferralRecord {
        let number = ReferralNumber(rawValue: try reader.readUInt64())
        let application = ApplicationNumber(rawValue: try reader.readUInt64())
        let bulletin = BulletinNumber(rawValue: try reader.readUInt64())
        let kindergarten = try readKindergartenID()
        let issuedAt = try readSomeTime()
        let confirmBy = try readSomeTime()
        var record = ReferralRecord(
            Event.ReferralIssued(
                referral: number, application: application, bulletin: bulletin, kindergarten: kindergarten,
                issuedAt: issuedAt, confirmBy: confirmBy, policy: PolicyVersion(rawValue: "")))
        record.registerBy = try readTime()
        record.status = try readSomeCase(referralStatuses)
        record.extensionsUsed = try readInt()
        return record
    }
}

/// The decoding of one range of a numbered table's slots, which may run on another thread.
private final class SlotDecoding<Value>: @unchecked Sendable {
    // Written by `run()` only, and read only after the wait for it returned.
    var decoder: StateImageDecoder
    var result: Result<Int, BinaryDecodingError>?
    // Slots of `range` only, which no other decoding touches; valid until the wait returned.
    private let range: Range<Int>
    private let slots: UnsafeMutablePointer<Value?>
    private let record: (inout StateImageDecoder) throws(BinaryDecodingError) -> Value

    init(
        decoder: StateImageDecoder, range: Range<Int>, slots: UnsafeMutablePointer<Value?>,
        record: @escaping (inout StateImageDecoder) throws(BinaryDecodingError) -> Value
    ) {
        self.decoder = decoder
        self.range = range
        self.slots = slots
        self.record = record
    }

    func run() { result = decoder.readSlots(range, into: slots, record) }
}
