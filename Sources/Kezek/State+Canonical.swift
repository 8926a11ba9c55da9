// The canonical binary form of the decision state: the same state always gives the same bytes, so a
// SHA-256 over them is a digest of the state, and the bytes double as a checkpoint.
//
// Layout (version 1): the format byte, then every dictionary as a varint count followed by its entries in
// ascending key order, records field by field in declaration order. Integers are zigzag or unsigned
// varints, strings are length-prefixed UTF-8, an optional is a 0/1 byte followed by the value, an array
// is a varint count followed by its elements. Enumerations are written by their stable names. The
// kindergarten ids applications ranked come as one array, in the order first named, before the
// applications, which name them by their index there (version 3).

extension KezekState {
    /// The version of the layout ``canonicalBytes(into:)`` writes; ``init(canonicalBytes:)`` reads only
    /// this version (an older checkpoint is rebuilt from the log instead).
    public static let canonicalFormatVersion: UInt8 = 3

    /// Appends the canonical encoding of the whole state: deterministic (dictionaries sorted by key), so
    /// that equal states give equal bytes. Read back with ``init(canonicalBytes:)``.
    public func canonicalBytes(into writer: inout BinaryWriter) {
        writer.write(Self.canonicalFormatVersion)
        writer.writeVarint(lastApplicationNumber)
        writer.writeVarint(lastBulletinNumber)
        writer.writeVarint(lastReferralNumber)
        writer.writeOptional(lastTime) { $0.writeTime($1) }
        writer.writeOptional(lastRefreshYear) { $0.writeZigzag(Int64($1)) }

        writer.writeVarint(UInt64(kindergartens.count))
        for id in kindergartens.keys.sorted() { kindergartens[id]!.write(to: &writer) }
        writer.writeVarint(UInt64(applicants.count))
        for iin in applicants.keys.sorted() { applicants[iin]!.write(to: &writer) }
        writer.writeVarint(UInt64(children.count))
        for iin in children.keys.sorted() { children[iin]!.write(to: &writer) }
        writer.writeArray(rankedKindergartenIDs.ids) { $0.write($1.rawValue) }
        writer.writeVarint(UInt64(applications.count))
        for record in applications.values { record.write(to: &writer, ranked: rankingNumbers(of: record)) }
        writer.writeVarint(UInt64(bulletins.count))
        for record in bulletins.values { record.write(to: &writer) }
        writer.writeVarint(UInt64(referrals.count))
        for record in referrals.values { record.write(to: &writer) }
        writer.writeVarint(UInt64(applicationsByKey.count))
        for key in applicationsByKey.keys.sorted(by: QueueKey.canonicalOrder) {
            writer.writeKey(key)
            writer.writeArray(applicationsByKey[key]!) { $0.writeVarint($1.rawValue) }
        }
    }

    /// The canonical encoding as a byte array; see ``canonicalBytes(into:)``.
    public var canonicalBytes: [UInt8] {
        var writer = BinaryWriter(capacity: 1 << 16)
        canonicalBytes(into: &writer)
        return writer.bytes
    }
}

extension QueueKey {
    /// A total order on keys for the canonical form: locality, birth year, language, group type.
    static func canonicalOrder(_ lhs: QueueKey, _ rhs: QueueKey) -> Bool {
        (lhs.locality.rawValue, lhs.birthYear, lhs.language.rawValue, lhs.groupType.rawValue)
            < (rhs.locality.rawValue, rhs.birthYear, rhs.language.rawValue, rhs.groupType.rawValue)
    }
}

extension KindergartenRecord {
    fileprivate func write(to writer: inout BinaryWriter) {
        writer.write(id.rawValue)
        writer.write(name.kazakh)
        writer.write(name.russian)
        writer.writeVarint(UInt64(locality.rawValue))
        writer.writeArray(languages) { $0.write($1.rawValue) }
        writer.writeArray(groupTypes) { $0.write($1.rawValue) }
        writer.writeZigzag(Int64(capacity))
        writer.writeZigzag(Int64(enrolled))
        writer.writeZigzag(Int64(referred))
        writer.writeZigzag(Int64(offered))
    }
}

extension ApplicantRecord {
    fileprivate func write(to writer: inout BinaryWriter) {
        writer.write(iin.rawValue)
        writer.write(phone.rawValue)
        writer.writeOptional(lastChild) { $0.write($1.rawValue) }
    }
}

extension ChildRecord {
    fileprivate func write(to writer: inout BinaryWriter) {
        writer.write(iin.rawValue)
        writer.write(applicant.rawValue)
        writer.write(gender.rawValue)
        writer.writeOptional(activeApplication) { $0.writeVarint($1.rawValue) }
        writer.writeOptional(previousSibling) { $0.write($1.rawValue) }
        writer.writeOptional(enrolment) {
            $0.writeVarint($1.application.rawValue)
            $0.write($1.kindergarten.rawValue)
        }
    }
}

extension ApplicationRecord {
    /// Writes the record; `ranked` are its kindergartens' numbers in the state's table.
    fileprivate func write(to writer: inout BinaryWriter, ranked: [UInt32]) {
        writer.writeVarint(number.rawValue)
        writer.write(applicant.rawValue)
        writer.write(child.rawValue)
        writer.writeKey(key)
        writer.writeArray(ranked) { $0.writeVarint(UInt64($1)) }
        writer.writeTime(submittedAt)
        writer.write(originalTier.name)
        writer.write(tier.name)
        writer.writeOptional(claim) { writer, claim in
            writer.write(claim.category.rawValue)
            writer.writeArray(claim.documents) {
                $0.write($1.name)
                $0.writeZigzag(Int64($1.issuedOn.year))
                $0.writeVarint(UInt64($1.issuedOn.month))
                $0.writeVarint(UInt64($1.issuedOn.day))
            }
        }
        writer.writeOptional(claimStatus) { $0.write($1.rawValue) }
        writer.write(status.rawValue)
        writer.writeOptional(inactivity) { $0.write($1.rawValue) }
        writer.writeOptional(interestValidUntil) { $0.writeTime($1) }
        writer.writeOptional(restorableUntil) { $0.writeTime($1) }
        writer.writeZigzag(Int64(restorationsUsed))
        writer.writeOptional(stopListedUntil) { $0.writeTime($1) }
        writer.writeArray(bulletins) { $0.writeVarint($1.rawValue) }
        writer.writeOptional(referral) { $0.writeVarint($1.rawValue) }
        writer.write(policy.rawValue)
    }
}

extension BulletinRecord {
    fileprivate func write(to writer: inout BinaryWriter) {
        writer.writeVarint(number.rawValue)
        writer.write(kindergarten.rawValue)
        writer.writeKey(key)
        writer.writeZigzag(Int64(seats))
        writer.writeTime(opensAt)
        writer.writeTime(closesAt)
        writer.writeArray(applicants) { $0.writeVarint($1.rawValue) }
        writer.write(isClosed)
        writer.writeArray(admitted) { $0.writeVarint($1.rawValue) }
    }
}

extension ReferralRecord {
    fileprivate func write(to writer: inout BinaryWriter) {
        writer.writeVarint(number.rawValue)
        writer.writeVarint(application.rawValue)
        writer.writeVarint(bulletin.rawValue)
        writer.write(kindergarten.rawValue)
        writer.writeTime(issuedAt)
        writer.writeTime(confirmBy)
        writer.writeOptional(registerBy) { $0.writeTime($1) }
        writer.write(status.rawValue)
        writer.writeZigzag(Int64(extensionsUsed))
    }
}

extension BinaryWriter {
    fileprivate mutating func writeTime(_ time: Timestamp) {
        writeZigzag(time.millisecondsSinceEpoch)
    }

    fileprivate mutating func writeKey(_ key: QueueKey) {
        writeVarint(UInt64(key.locality.rawValue))
        writeZigzag(Int64(key.birthYear))
        write(key.language.rawValue)
        write(key.groupType.rawValue)
    }

    fileprivate mutating func writeOptional<Value>(_ value: Value?, _ body: (inout BinaryWriter, Value) -> Void) {
        guard let value else { return write(false) }
        write(true)
        body(&self, value)
    }

    fileprivate mutating func writeArray<Element>(_ elements: [Element], _ body: (inout BinaryWriter, Element) -> Void)
    {
        writeVarint(UInt64(elements.count))
        for element in elements { body(&self, element) }
    }
}
