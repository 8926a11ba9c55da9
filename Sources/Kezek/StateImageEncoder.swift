// Writes the values of the state's image (see State+Image.swift).

/// Writes the image's values, naming kindergarten ids and policy versions by their number in its tables.
struct StateImageEncoder {
    var writer: BinaryWriter
    /// The number of each kindergarten id: the state's table of ranked ids first, then the others.
    var kindergartenNumbers: [KindergartenID: UInt32] = [:]
    var policyNumbers: [PolicyVersion: UInt32] = [:]
    /// The last policy looked up and its number (applications mostly share one).
    var lastPolicy: (PolicyVersion, UInt32)?

    init(writer: BinaryWriter) { self.writer = writer }

    /// Writes the tables of kindergarten ids and policy versions `state` names.
    mutating func writeNames(of state: KezekState) {
        var ids = state.rankedKindergartenIDs.ids
        for (number, id) in ids.enumerated() { kindergartenNumbers[id] = UInt32(number) }
        func add(_ id: KindergartenID) {
            guard kindergartenNumbers[id] == nil else { return }
            kindergartenNumbers[id] = UInt32(ids.count)
            ids.append(id)
        }
        for id in state.kindergartens.keys.sorted() { add(id) }
        for record in state.bulletins.values { add(record.kindergarten) }
        for record in state.referrals.values { add(record.kindergarten) }
        for (_, child) in state.children { if let enrolment = child.enrolment { add(enrolment.kindergarten) } }
        writer.writeVarint(UInt64(ids.count))
        writer.writeVarint(UInt64(state.rankedKindergartenIDs.count))
        for id in ids { writer.write(id.rawValue) }

        var policies: [PolicyVersion] = []
        for record in state.applications.values where policyNumbers[record.policy] == nil {
            policyNumbers[record.policy] = UInt32(policies.count)
            policies.append(record.policy)
        }
        writer.writeVarint(UInt64(policies.count))
        for policy in policies { writer.write(policy.rawValue) }
    }

    mutating func writeTime(_ time: Timestamp?) {
        writer.write(UInt64(bitPattern: time?.millisecondsSinceEpoch ?? StateImageDecoder.noTime))
    }

    mutating func writeIIN(_ iin: IIN?) { writer.write(iin?.number ?? StateImageDecoder.noIIN) }

    mutating func writeNumber(_ number: UInt64?) {
        writer.write(number != nil)
        writer.write(number ?? 0)
    }

    mutating func writeCase<Value: CaseIterable & Equatable>(_ value: Value?) where Value.AllCases == [Value] {
        writer.write(value.map { UInt8(Value.allCases.firstIndex(of: $0)!) } ?? StateImageDecoder.noCase)
    }

    mutating func writeKindergarten(_ id: KindergartenID) { writer.write(kindergartenNumbers[id]!) }

    mutating func write(_ key: QueueKey) {
        writer.write(key.locality.rawValue)
        writer.write(UInt16(bitPattern: Int16(clamping: key.birthYear)))
        writer.write(UInt8(key.language.indexInKnown))
        writeCase(key.groupType)
    }

    mutating func writeNumbers(_ numbers: [UInt64]) {
        writer.writeVarint(UInt64(numbers.count))
        writer.writeLittleEndian(numbers)
    }

    /// Writes an IIN table as it is stored (``IINTable/writeImage(into:_:)``), its records by `record`.
    mutating func writeTable<Value>(_ table: IINTable<Value>, _ record: (inout Self, Value) -> Void) {
        // The table writes into its own writer; `record` gets the encoder with the same bytes swapped in.
        var bytes = BinaryWriter()
        swap(&bytes, &writer)
        table.writeImage(into: &bytes) { bytes, value in
            swap(&bytes, &writer)
            record(&self, value)
            swap(&bytes, &writer)
        }
        swap(&bytes, &writer)
    }

    /// Writes a table's array slots (a present byte, the record) in two halves, the first one's length
    /// before it so that a reader may decode the halves side by side, then the records beyond the array
    /// by number. The layout: the slot count, the first half's slot count, its length in bytes, the
    /// first half's slots, the second half's.
    mutating func writeTable<Key, Value>(_ table: NumberedTable<Key, Value>, _ record: (inout Self, Value) -> Void) {
        let count = table.arrayCount
        let split = count / 2
        writer.writeVarint(UInt64(count))
        writer.writeVarint(UInt64(split))
        let firstHalfLength = writer.writeLengthPlaceholder()
        for index in 0..<split { writeSlot(table.arraySlot(index), record) }
        writer.fillLength(at: firstHalfLength)
        for index in split..<count { writeSlot(table.arraySlot(index), record) }
        let beyond = table.recordsBeyondArray
        writer.writeVarint(UInt64(beyond.count))
        for key in beyond.keys.sorted() {
            writer.write(key.rawValue)
            record(&self, beyond[key]!)
        }
    }

    /// Writes one slot of a numbered table's array: a present byte, then the record if there is one.
    private mutating func writeSlot<Value>(_ value: Value?, _ record: (inout Self, Value) -> Void) {
        writer.write(value != nil)
        if let value { record(&self, value) }
    }

    mutating func write(_ record: KindergartenRecord) {
        writeKindergarten(record.id)
        writer.write(record.name.kazakh)
        writer.write(record.name.russian)
        writer.write(record.locality.rawValue)
        writer.writeVarint(UInt64(record.languages.count))
        for language in record.languages { writer.write(UInt8(language.indexInKnown)) }
        writer.writeVarint(UInt64(record.groupTypes.count))
        for groupType in record.groupTypes { writeCase(groupType) }
        for count in [record.capacity, record.enrolled, record.referred, record.offered] {
            writer.write(UInt64(bitPattern: Int64(count)))
        }
    }

    mutating func write(_ record: ApplicantRecord) {
        writer.write(record.iin.number)
        writer.write(record.phone.number)
        writeIIN(record.lastChild)
    }

    mutating func write(_ record: ChildRecord) {
        writer.write(record.iin.number)
        writer.write(record.applicant.number)
        writeIIN(record.previousSibling)
        writeNumber(record.activeApplication?.rawValue)
        writeNumber(record.enrolment?.application.rawValue)
        if let enrolment = record.enrolment { writeKindergarten(enrolment.kindergarten) }
        writeCase(record.gender)
    }

    mutating func write(_ record: ApplicationRecord) {
        writer.write(record.number.rawValue)
        writer.write(record.applicant.number)
        writer.write(record.child.number)
        writeTime(record.submittedAt)
        let places = record.rankedKindergartens.places
        for place in [places.0, places.1, places.2, places.3] { writer.write(place) }
        if let lastPolicy, lastPolicy.0 == record.policy {
            writer.write(lastPolicy.1)
        } else {
            let number = policyNumbers[record.policy]!
            lastPolicy = (record.policy, number)
            writer.write(number)
        }
        write(record.key)
        writeNumber(record.referral?.rawValue)
        writeCase(record.originalTier)
        writeCase(record.tier)
        writeCase(record.claimStatus)
        writeCase(record.status)
        writeCase(record.inactivity)
        writer.write(UInt32(clamping: record.restorationsUsed))
        writeTime(record.interestValidUntil)
        writeTime(record.restorableUntil)
        writeTime(record.stopListedUntil)
        writeNumbers(record.bulletins.map(\.rawValue))
        writer.write(record.claim != nil)
        if let claim = record.claim {
            writeCase(claim.category)
            writer.writeVarint(UInt64(claim.documents.count))
            for document in claim.documents {
                writer.write(document.name)
                writer.write(UInt64(bitPattern: Int64(document.issuedOn.year)))
                writer.write(UInt8(document.issuedOn.month))
                writer.write(UInt8(document.issuedOn.day))
            }
        }
    }

    mutating func write(_ record: BulletinRecord) {
        writer.write(record.number.rawValue)
        writeKindergarten(record.kindergarten)
        write(record.key)
        writer.write(UInt64(bitPattern: Int64(record.seats)))
        writeTime(record.opensAt)
        writeTime(record.closesAt)
        writer.write(record.isClosed)
        writeNumbers(record.applicants.map(\.rawValue))
        writeNumbers(record.admitted.map(\.rawValue))
    }

    mutating func write(_ record: ReferralRecord) {
        writer.write(record.number.rawValue)
        writer.write(record.application.rawValue)
        writer.write(record.bulletin.rawValue)
        writeKindergarten(record.kindergarten)
        writeTime(record.issuedAt)
        writeTime(record.confirmBy)
        writeTime(record.registerBy)
        writeCase(record.status)
        writer.write(UInt64(bitPattern: Int64(record.extensionsUsed)))
    }
}
