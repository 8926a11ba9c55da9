public import EventLog
public import Kezek

// How an event is kept in the log: one record per event, whose type is the `EventType` code, whose
// payload is the schema version (a varint) followed by the event's binary layout, whose timestamp is the
// command's time and whose stream is the aggregate the event belongs to.

extension Event {
    /// The aggregate the event belongs to, as a stream name: `application-287529`, `bulletin-12`,
    /// `referral-5`, `kindergarten-<id>`, `applicant-<iin>`, `child-<iin>`, `refresh-<year>`.
    public var streamName: String {
        switch self {
        case .kindergartenRegistered(let e): "kindergarten-\(e.id.rawValue)"
        case .applicantRegistered(let e): "applicant-\(e.applicant.rawValue)"
        case .childAdded(let e): "child-\(e.child.rawValue)"
        case .applicationSubmitted(let e): Self.application(e.application)
        case .priorityVerified(let e): Self.application(e.application)
        case .priorityRejected(let e): Self.application(e.application)
        case .interestConfirmed(let e): Self.application(e.application)
        case .interestLapsed(let e): Self.application(e.application)
        case .applicationRestored(let e): Self.application(e.application)
        case .applicationWithdrawn(let e): Self.application(e.application)
        case .applicationAnnulled(let e): Self.application(e.application)
        case .stopListed(let e): Self.application(e.application)
        case .bulletinApplied(let e): Self.application(e.application)
        case .bulletinPublished(let e): "bulletin-\(e.bulletin.rawValue)"
        case .bulletinClosed(let e): "bulletin-\(e.bulletin.rawValue)"
        case .referralIssued(let e): Self.referral(e.referral)
        case .referralConfirmed(let e): Self.referral(e.referral)
        case .referralRefused(let e): Self.referral(e.referral)
        case .referralExpired(let e): Self.referral(e.referral)
        case .referralExtended(let e): Self.referral(e.referral)
        case .enrollmentRegistered(let e): Self.referral(e.referral)
        case .admissionConfirmed(let e): Self.referral(e.referral)
        case .referralCancelled(let e): Self.referral(e.referral)
        case .queueRefreshed(let e): "refresh-\(e.year)"
        }
    }

    static func application(_ number: ApplicationNumber) -> String { "application-\(number.rawValue)" }
    static func referral(_ number: ReferralNumber) -> String { "referral-\(number.rawValue)" }

    /// The record that keeps the event in the log, stamped with `time`.
    public func record(at time: Timestamp) -> NewRecord {
        var writer = BinaryWriter(capacity: 96)
        writer.writeVarint(UInt64(type.currentVersion))
        encode(into: &writer)
        // Stream names are built from validated ids and numbers; the fallback is never expected.
        let stream = StreamID(rawValue: streamName) ?? StreamID(rawValue: "kezek")!
        return NewRecord(
            stream: stream, type: RecordType(type.rawValue), timestamp: time.millisecondsSinceEpoch,
            payload: writer.bytes)
    }

    /// Reads the event a record keeps; fails with ``EngineError/undecodableRecord(position:reason:)``.
    public init(record: RecordView) throws(EngineError) {
        self = try Self.decode(position: record.position, type: record.type, payload: record.payload)
    }

    /// Reads the event a copied record keeps; see ``init(record:)-(RecordView)``.
    public init(record: Record) throws(EngineError) {
        let result = record.payload.withUnsafeBytes { payload in
            Result { () throws(EngineError) in
                try Self.decode(position: record.position, type: record.type, payload: payload)
            }
        }
        self = try result.get()
    }

    private static func decode(
        position: Position, type: RecordType, payload: UnsafeRawBufferPointer
    ) throws(EngineError) -> Event {
        var reader = BinaryReader(payload)
        do {
            let raw = try reader.readVarint()
            guard let version = UInt16(exactly: raw) else {
                throw EngineError.undecodableRecord(position: position, reason: "schema version \(raw) is too large")
            }
            let event = try Event.decode(typeCode: type.rawValue, version: version, from: &reader)
            try reader.expectEnd()
            return event
        } catch let error as EngineError {
            throw error
        } catch {
            throw .undecodableRecord(position: position, reason: "\(error)")
        }
    }
}

extension LoggedEvent {
    /// The event a record keeps, with the record's time and position; fails like
    /// ``Kezek/Event/init(record:)-(RecordView)``.
    init(record: RecordView) throws(EngineError) {
        self.init(
            event: try Event(record: record), time: Timestamp(millisecondsSinceEpoch: record.timestamp),
            position: record.position.rawValue)
    }
}
