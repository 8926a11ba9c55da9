extension Event {
    /// Appends the event's binary payload in its type's newest layout (`type.currentVersion`); the log
    /// stores `type` and the version next to it.
    public func encode(into writer: inout BinaryWriter) {
        // One reservation for the whole payload: typical events take 5 to 60 bytes; a larger one (a
        // bulletin's allocation) is written again into a larger region.
        writer.append(self, reserving: 128) { $0.writePayload(to: &$1) }
    }

    private func writePayload(to writer: inout BoundedBinaryWriter) {
        switch self {
        case .kindergartenRegistered(let payload): payload.write(to: &writer)
        case .applicantRegistered(let payload): payload.write(to: &writer)
        case .childAdded(let payload): payload.write(to: &writer)
        case .applicationSubmitted(let payload): payload.write(to: &writer)
        case .priorityVerified(let payload): payload.write(to: &writer)
        case .priorityRejected(let payload): payload.write(to: &writer)
        case .interestConfirmed(let payload): payload.write(to: &writer)
        case .interestLapsed(let payload): payload.write(to: &writer)
        case .applicationRestored(let payload): payload.write(to: &writer)
        case .applicationWithdrawn(let payload): payload.write(to: &writer)
        case .applicationAnnulled(let payload): payload.write(to: &writer)
        case .stopListed(let payload): payload.write(to: &writer)
        case .bulletinPublished(let payload): payload.write(to: &writer)
        case .bulletinApplied(let payload): payload.write(to: &writer)
        case .bulletinClosed(let payload): payload.write(to: &writer)
        case .referralIssued(let payload): payload.write(to: &writer)
        case .referralConfirmed(let payload): payload.write(to: &writer)
        case .referralRefused(let payload): payload.write(to: &writer)
        case .referralExpired(let payload): payload.write(to: &writer)
        case .referralExtended(let payload): payload.write(to: &writer)
        case .enrollmentRegistered(let payload): payload.write(to: &writer)
        case .admissionConfirmed(let payload): payload.write(to: &writer)
        case .referralCancelled(let payload): payload.write(to: &writer)
        case .queueRefreshed(let payload): payload.write(to: &writer)
        }
    }

    /// Reads a payload of `type` written in schema `version`, upcasting older versions to the current
    /// event; fails on a version newer than this engine knows and on bytes that break the layout. The
    /// reader is left after the payload: call `expectEnd()` when the payload should fill the buffer.
    public static func decode(
        type: EventType, version: UInt16, from reader: inout BinaryReader
    ) throws(EventDecodingError) -> Event {
        guard version >= 1, version <= type.currentVersion else {
            throw .unsupportedVersion(type, version: version, newest: type.currentVersion)
        }
        var fields = BinaryFieldReader(reader: reader)
        let event: Event
        switch type {
        case .kindergartenRegistered:
            event = .kindergartenRegistered(try KindergartenRegistered(fields: &fields, version: version))
        case .applicantRegistered:
            event = .applicantRegistered(try ApplicantRegistered(fields: &fields, version: version))
        case .childAdded: event = .childAdded(try ChildAdded(fields: &fields, version: version))
        case .applicationSubmitted:
            event = .applicationSubmitted(try ApplicationSubmitted(fields: &fields, version: version))
        case .priorityVerified: event = .priorityVerified(try PriorityVerified(fields: &fields, version: version))
        case .priorityRejected: event = .priorityRejected(try PriorityRejected(fields: &fields, version: version))
        case .interestConfirmed: event = .interestConfirmed(try InterestConfirmed(fields: &fields, version: version))
        case .interestLapsed: event = .interestLapsed(try InterestLapsed(fields: &fields, version: version))
        case .applicationRestored:
            event = .applicationRestored(try ApplicationRestored(fields: &fields, version: version))
        case .applicationWithdrawn:
            event = .applicationWithdrawn(try ApplicationWithdrawn(fields: &fields, version: version))
        case .applicationAnnulled:
            event = .applicationAnnulled(try ApplicationAnnulled(fields: &fields, version: version))
        case .stopListed: event = .stopListed(try StopListed(fields: &fields, version: version))
        case .bulletinPublished: event = .bulletinPublished(try BulletinPublished(fields: &fields, version: version))
        case .bulletinApplied: event = .bulletinApplied(try BulletinApplied(fields: &fields, version: version))
        case .bulletinClosed: event = .bulletinClosed(try BulletinClosed(fields: &fields, version: version))
        case .referralIssued: event = .referralIssued(try ReferralIssued(fields: &fields, version: version))
        case .referralConfirmed: event = .referralConfirmed(try ReferralConfirmed(fields: &fields, version: version))
        case .referralRefused: event = .referralRefused(try ReferralRefused(fields: &fields, version: version))
        case .referralExpired: event = .referralExpired(try ReferralExpired(fields: &fields, version: version))
        case .referralExtended: event = .referralExtended(try ReferralExtended(fields: &fields, version: version))
        case .enrollmentRegistered:
            event = .enrollmentRegistered(try EnrollmentRegistered(fields: &fields, version: version))
        case .admissionConfirmed: event = .admissionConfirmed(try AdmissionConfirmed(fields: &fields, version: version))
        case .referralCancelled: event = .referralCancelled(try ReferralCancelled(fields: &fields, version: version))
        case .queueRefreshed: event = .queueRefreshed(try QueueRefreshed(fields: &fields, version: version))
        }
        reader = fields.reader
        return event
    }

    /// Reads a payload whose type code comes from storage; an unknown code fails with `unknownType`.
    public static func decode(
        typeCode: UInt16, version: UInt16, from reader: inout BinaryReader
    ) throws(EventDecodingError) -> Event {
        guard let type = EventType(rawValue: typeCode) else { throw .unknownType(typeCode) }
        return try decode(type: type, version: version, from: &reader)
    }

    /// The JSON form: `{"type": NAME, ...fields}` with the contract's field names, times in ISO 8601
    /// (Asia/Almaty), numbers as integers; absent optional fields are left out.
    public var json: JSONValue {
        var object: JSONObject = ["type": .string(type.name)]
        let fields: JSONObject
        switch self {
        case .kindergartenRegistered(let payload): fields = payload.jsonObject
        case .applicantRegistered(let payload): fields = payload.jsonObject
        case .childAdded(let payload): fields = payload.jsonObject
        case .applicationSubmitted(let payload): fields = payload.jsonObject
        case .priorityVerified(let payload): fields = payload.jsonObject
        case .priorityRejected(let payload): fields = payload.jsonObject
        case .interestConfirmed(let payload): fields = payload.jsonObject
        case .interestLapsed(let payload): fields = payload.jsonObject
        case .applicationRestored(let payload): fields = payload.jsonObject
        case .applicationWithdrawn(let payload): fields = payload.jsonObject
        case .applicationAnnulled(let payload): fields = payload.jsonObject
        case .stopListed(let payload): fields = payload.jsonObject
        case .bulletinPublished(let payload): fields = payload.jsonObject
        case .bulletinApplied(let payload): fields = payload.jsonObject
        case .bulletinClosed(let payload): fields = payload.jsonObject
        case .referralIssued(let payload): fields = payload.jsonObject
        case .referralConfirmed(let payload): fields = payload.jsonObject
        case .referralRefused(let payload): fields = payload.jsonObject
        case .referralExpired(let payload): fields = payload.jsonObject
        case .referralExtended(let payload): fields = payload.jsonObject
        case .enrollmentRegistered(let payload): fields = payload.jsonObject
        case .admissionConfirmed(let payload): fields = payload.jsonObject
        case .referralCancelled(let payload): fields = payload.jsonObject
        case .queueRefreshed(let payload): fields = payload.jsonObject
        }
        for member in fields.members {
            object.appendUnchecked(member.key, member.value)
        }
        return .object(object)
    }

    /// Reads the JSON form (the newest version); unknown extra fields are ignored.
    public init(json: JSONValue) throws(EventDecodingError) {
        guard case .object(let object) = json else { throw .json(field: "", expected: "an object") }
        guard case .string(let name)? = object["type"] else { throw .json(field: "type", expected: "a string") }
        guard let type = EventType(name: name) else { throw .unknownTypeName(name) }
        var fields = JSONFieldReader(object: object, path: "")
        let version = type.currentVersion
        switch type {
        case .kindergartenRegistered:
            self = .kindergartenRegistered(try KindergartenRegistered(fields: &fields, version: version))
        case .applicantRegistered:
            self = .applicantRegistered(try ApplicantRegistered(fields: &fields, version: version))
        case .childAdded: self = .childAdded(try ChildAdded(fields: &fields, version: version))
        case .applicationSubmitted:
            self = .applicationSubmitted(try ApplicationSubmitted(fields: &fields, version: version))
        case .priorityVerified: self = .priorityVerified(try PriorityVerified(fields: &fields, version: version))
        case .priorityRejected: self = .priorityRejected(try PriorityRejected(fields: &fields, version: version))
        case .interestConfirmed: self = .interestConfirmed(try InterestConfirmed(fields: &fields, version: version))
        case .interestLapsed: self = .interestLapsed(try InterestLapsed(fields: &fields, version: version))
        case .applicationRestored:
            self = .applicationRestored(try ApplicationRestored(fields: &fields, version: version))
        case .applicationWithdrawn:
            self = .applicationWithdrawn(try ApplicationWithdrawn(fields: &fields, version: version))
        case .applicationAnnulled:
            self = .applicationAnnulled(try ApplicationAnnulled(fields: &fields, version: version))
        case .stopListed: self = .stopListed(try StopListed(fields: &fields, version: version))
        case .bulletinPublished: self = .bulletinPublished(try BulletinPublished(fields: &fields, version: version))
        case .bulletinApplied: self = .bulletinApplied(try BulletinApplied(fields: &fields, version: version))
        case .bulletinClosed: self = .bulletinClosed(try BulletinClosed(fields: &fields, version: version))
        case .referralIssued: self = .referralIssued(try ReferralIssued(fields: &fields, version: version))
        case .referralConfirmed: self = .referralConfirmed(try ReferralConfirmed(fields: &fields, version: version))
        case .referralRefused: self = .referralRefused(try ReferralRefused(fields: &fields, version: version))
        case .referralExpired: self = .referralExpired(try ReferralExpired(fields: &fields, version: version))
        case .referralExtended: self = .referralExtended(try ReferralExtended(fields: &fields, version: version))
        case .enrollmentRegistered:
            self = .enrollmentRegistered(try EnrollmentRegistered(fields: &fields, version: version))
        case .admissionConfirmed: self = .admissionConfirmed(try AdmissionConfirmed(fields: &fields, version: version))
        case .referralCancelled: self = .referralCancelled(try ReferralCancelled(fields: &fields, version: version))
        case .queueRefreshed: self = .queueRefreshed(try QueueRefreshed(fields: &fields, version: version))
        }
    }
}
