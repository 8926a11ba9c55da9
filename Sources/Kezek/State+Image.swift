// The state's image: what the engine's checkpoint saves of the decision state, laid out to load fast.
//
// The canonical form (State+Canonical.swift) is the one digests and comparisons use: dictionaries sorted,
// values by their stable names, IINs as their digits; reading it back checks every value as if it came from
// outside and rebuilds every index, which at a million applications is most of a start. The image keeps
// the state as the state holds it: fixed-width numbers (IINs, phones and times as integers, enumerations by
// their case index, big-endian like the rest of the binary layout), each table's places in their order with
// its index as it is, the deadline heaps as arrays, and each kindergarten id and policy version once, in
// tables that the records name by number. Reading checks what safety needs (lengths, counts, case indices,
// ranges, numbers into the tables, the shape of every index and heap); that the bytes are the ones the
// engine saved is the job of the checksum the checkpoint keeps beside them. Dictionaries are written in key
// order, so a state always gives the same image.
//
// Layout (version 4): the format byte; the last numbers, time and refresh year; the kindergarten ids (the
// ranked ids' table first) and the policy versions; kindergartens; the people's part, its length first:
// applicants and children (places, then index); the applications' part, its length first (a reader may
// decode each of the two parts on another thread); bulletins and referrals (a numbered table, like the
// applications: the array's slots in two halves, the first one's length before it, so that the halves
// may be decoded side by side, then the records beyond the array); long rankings; the applications of
// each queue key; the four deadline heaps.

extension KezekState {
    /// The version of the layout ``image(into:)`` writes; ``init(image:)`` reads only this one.
    public static let imageFormatVersion: UInt8 = 5

    /// Appends the state's image (see the file's notes); read it back with ``init(image:)``.
    public func image(into writer: inout BinaryWriter) {
        var encoder = StateImageEncoder(writer: writer)
        defer { writer = encoder.writer }
        encoder.writer.write(Self.imageFormatVersion)
        encoder.writer.write(lastApplicationNumber)
        encoder.writer.write(lastBulletinNumber)
        encoder.writer.write(lastReferralNumber)
        encoder.writeTime(lastTime)
        encoder.writer.write(lastRefreshYear != nil)
        encoder.writer.write(UInt64(bitPattern: Int64(lastRefreshYear ?? 0)))
        encoder.writeNames(of: self)

        let kindergartenIDs = kindergartens.keys.sorted()
        encoder.writer.writeVarint(UInt64(kindergartenIDs.count))
        for id in kindergartenIDs { encoder.write(kindergartens[id]!) }
        // The people come as one part with its length, so that a reader may decode them on another thread.
        let peopleLength = encoder.writer.writeLengthPlaceholder()
        encoder.writeTable(applicants) { $0.write($1) }
        encoder.writeTable(children) { $0.write($1) }
        encoder.writer.fillLength(at: peopleLength)
        // So do the applications, the largest table.
        let applicationsLength = encoder.writer.writeLengthPlaceholder()
        encoder.writeTable(applications) { $0.write($1) }
        encoder.writer.fillLength(at: applicationsLength)
        encoder.writeTable(bulletins) { $0.write($1) }
        encoder.writeTable(referrals) { $0.write($1) }

        encoder.writer.writeVarint(UInt64(longRankings.count))
        for number in longRankings.keys.sorted() {
            encoder.writer.write(number.rawValue)
            encoder.writer.writeVarint(UInt64(longRankings[number]!.count))
            encoder.writer.writeLittleEndian(longRankings[number]!)
        }
        encoder.writer.writeVarint(UInt64(applicationsByKey.count))
        for key in applicationsByKey.keys.sorted(by: QueueKey.canonicalOrder) {
            encoder.write(key)
            let numbers = applicationsByKey[key]!
            encoder.writer.writeVarint(UInt64(numbers.count))
            encoder.writer.writeLittleEndian(numbers.map(\.rawValue))
        }
        for heap in [
            deadlines.referrals, deadlines.restorations, deadlines.confirmedInterest, deadlines.submittedInterest,
        ] {
            encoder.writer.writeVarint(UInt64(heap.count))
            encoder.writer.writeLittleEndian(heap.times)
            encoder.writer.writeLittleEndian(heap.numbers)
        }
    }

    /// The image as a byte array; see ``image(into:)``.
    public var image: [UInt8] {
        var writer = BinaryWriter(capacity: applications.count * 120 + children.count * 48 + (1 << 16))
        image(into: &writer)
        return writer.bytes
    }

    /// Runs `work` at once and returns a wait that has nothing left to wait for: the default way
    /// ``init(image:concurrently:)`` runs its parts.
    public static func inline(_ work: @escaping @Sendable () -> Void) -> () -> Void {
        work()
        return {}
    }

    /// Reads a state written by ``image(into:)``: the same state, its tables' orders and indexes included.
    /// Fails with a typed error on another format version and on bytes that break the layout or name what
    /// does not exist; the reader is left after the image.
    ///
    /// `concurrently` starts a part of the work (called three times: the people's tables, the
    /// applications, and, from the applications' work, the second half of their array) and returns the
    /// function that waits for it to end; give one that runs it on another thread to decode the parts
    /// side by side (it may be called from any of them). The reader's bytes must stay valid until this
    /// initializer returns, which it does only after those waits.
    public init(
        image reader: inout BinaryReader,
        concurrently: @escaping @Sendable (_ work: @escaping @Sendable () -> Void) -> (() -> Void) = KezekState.inline
    ) throws(BinaryDecodingError) {
        self.init()
        let formatOffset = reader.offset
        let format = try reader.readUInt8()
        guard format == Self.imageFormatVersion else {
            throw BinaryDecodingError(
                offset: formatOffset, reason: .invalidTag(type: "KezekState image", tag: UInt64(format)))
        }
        var decoder = StateImageDecoder(reader: reader)
        defer { reader = decoder.reader }
        lastApplicationNumber = try decoder.reader.readUInt64()
        lastBulletinNumber = try decoder.reader.readUInt64()
        lastReferralNumber = try decoder.reader.readUInt64()
        lastTime = try decoder.readTime()
        let hasRefreshYear = try decoder.reader.readBool()
        let refreshYearOffset = decoder.reader.offset
        guard let year = Int(exactly: Int64(bitPattern: try decoder.reader.readUInt64())) else {
            throw decoder.reader.invalid("refresh year", at: refreshYearOffset)
        }
        lastRefreshYear = hasRefreshYear ? year : nil
        rankedKindergartenIDs = try decoder.readNames()

        let kindergartenCount = try decoder.reader.readCount()
        kindergartens.reserveCapacity(kindergartenCount)
        for _ in 0..<kindergartenCount {
            let offset = decoder.reader.offset
            let record = try decoder.readKindergartenRecord()
            guard kindergartens.updateValue(record, forKey: record.id) == nil else {
                throw decoder.reader.invalid("kindergarten listed twice", at: offset)
            }
        }
        let people = try PartDecoding(of: &decoder, named: "people part length") {
            decoder throws(BinaryDecodingError) in
            (
                try decoder.readIINTable { decoder throws(BinaryDecodingError) in try decoder.readApplicant() },
                try decoder.readIINTable { decoder throws(BinaryDecodingError) in try decoder.readChild() }
            )
        }
        let applications = try PartDecoding(of: &decoder, named: "applications part length") {
            decoder throws(BinaryDecodingError) in
            try decoder.readNumberedTable(concurrently: concurrently) { decoder throws(BinaryDecodingError) in
                try decoder.readApplication()
            } as NumberedTable<ApplicationNumber, ApplicationRecord>
        }
        let waits = [concurrently { people.run() }, concurrently { applications.run() }]
        do throws(BinaryDecodingError) {
            try readRest(from: &decoder)
        } catch {
            for wait in waits { wait() }
            throw error
        }
        for wait in waits { wait() }
        (applicants, children) = try people.result!.get()
        self.applications = try applications.result!.get()
    }

    /// Reads the image after the applications' part.
    private mutating func readRest(from decoder: inout StateImageDecoder) throws(BinaryDecodingError) {
        bulletins = try decoder.readNumberedTable { decoder throws(BinaryDecodingError) in try decoder.readBulletin() }
        referrals = try decoder.readNumberedTable { decoder throws(BinaryDecodingError) in try decoder.readReferral() }

        let longCount = try decoder.reader.readCount()
        for _ in 0..<longCount {
            let offset = decoder.reader.offset
            let number = ApplicationNumber(rawValue: try decoder.reader.readUInt64())
            let ranked = try decoder.reader.readLittleEndian(UInt32.self, count: try decoder.reader.readCount())
            guard longRankings[number] == nil, ranked.count > RankedKindergartens.capacity,
                ranked.allSatisfy({ Int($0) < rankedKindergartenIDs.count })
            else { throw decoder.reader.invalid("long ranking", at: offset) }
            longRankings[number] = ranked
        }
        let keyCount = try decoder.reader.readCount()
        applicationsByKey.reserveCapacity(keyCount)
        for _ in 0..<keyCount {
            let offset = decoder.reader.offset
            let key = try decoder.readKey()
            let numbers = try decoder.readNumbers(ApplicationNumber.self)
            guard applicationsByKey.updateValue(numbers, forKey: key) == nil else {
                throw decoder.reader.invalid("queue key listed twice", at: offset)
            }
        }
        deadlines = DeadlineIndex(
            referrals: try decoder.readHeap(), restorations: try decoder.readHeap(),
            confirmedInterest: try decoder.readHeap(), submittedInterest: try decoder.readHeap())
    }
}

/// The decoding of one part of the image that comes with its length (the people's tables, the
/// applications), which may run on another thread.
private final class PartDecoding<Value>: @unchecked Sendable {
    // Written by `run()` only, and read only after the wait for it returned.
    var result: Result<Value, BinaryDecodingError>?
    // Reads only the part's bytes, which the caller keeps valid until the wait returned.
    private let decoder: StateImageDecoder
    private let end: Int
    private let read: (inout StateImageDecoder) throws(BinaryDecodingError) -> Value

    /// Takes the part at `outer`'s position (its length, named `what` in errors, then its bytes) and
    /// moves `outer` past it; ``run()`` reads it with `read`, which must take all of it.
    init(
        of outer: inout StateImageDecoder, named what: String,
        read: @escaping (inout StateImageDecoder) throws(BinaryDecodingError) -> Value
    ) throws(BinaryDecodingError) {
        end = try outer.reader.readPartEnd(what)
        decoder = outer
        self.read = read
        _ = try outer.reader.readRaw(count: end - outer.reader.offset)
    }

    func run() {
        var decoder = decoder
        let end = end
        let read = read
        result = Result { () throws(BinaryDecodingError) in
            let value = try read(&decoder)
            guard decoder.reader.offset == end else { throw decoder.reader.invalid("part length", at: end) }
            return value
        }
    }
}

extension DeadlineIndex {
    /// An index from its four heaps.
    init(referrals: TimeHeap, restorations: TimeHeap, confirmedInterest: TimeHeap, submittedInterest: TimeHeap) {
        self.init()
        self.referrals = referrals
        self.restorations = restorations
        self.confirmedInterest = confirmedInterest
        self.submittedInterest = submittedInterest
    }
}
