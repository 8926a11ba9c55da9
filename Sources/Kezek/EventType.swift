/// The stable numeric code of each kind of event, stored with every event in the log.
///
/// Codes are never reused or renumbered; a new kind of event takes the next free code. A change to an
/// event's binary layout bumps its `currentVersion`, and the decoder keeps reading every older version.
public enum EventType: UInt16, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// `kindergartenRegistered`.
    case kindergartenRegistered = 1
    /// `applicantRegistered`.
    case applicantRegistered = 2
    /// `childAdded`.
    case childAdded = 3
    /// `applicationSubmitted`.
    case applicationSubmitted = 4
    /// `priorityVerified`.
    case priorityVerified = 5
    /// `priorityRejected`.
    case priorityRejected = 6
    /// `interestConfirmed`.
    case interestConfirmed = 7
    /// `interestLapsed`.
    case interestLapsed = 8
    /// `applicationRestored`.
    case applicationRestored = 9
    /// `applicationWithdrawn`.
    case applicationWithdrawn = 10
    /// `applicationAnnulled`.
    case applicationAnnulled = 11
    /// `stopListed`.
    case stopListed = 12
    /// `bulletinPublished`.
    case bulletinPublished = 13
    /// `bulletinApplied`.
    case bulletinApplied = 14
    /// `bulletinClosed`.
    case bulletinClosed = 15
    /// `referralIssued`.
    case referralIssued = 16
    /// `referralConfirmed`.
    case referralConfirmed = 17
    /// `referralRefused`.
    case referralRefused = 18
    /// `referralExpired`.
    case referralExpired = 19
    /// `referralExtended`.
    case referralExtended = 20
    /// `enrollmentRegistered`.
    case enrollmentRegistered = 21
    /// `admissionConfirmed`.
    case admissionConfirmed = 22
    /// `referralCancelled`.
    case referralCancelled = 23
    /// `queueRefreshed`.
    case queueRefreshed = 24

    /// The newest schema version of this type's binary layout, the one `encode(into:)` writes.
    ///
    /// History: `applicationSubmitted` 2 added the ranked `kindergartens` (version 1 had none);
    /// `referralExpired` 2 added `restorableUntil` (version 1 had no restoration window);
    /// `bulletinClosed` 2 added the round's `algorithm`, `inputDigest` and `siblingPriority`.
    public var currentVersion: UInt16 {
        switch self {
        case .applicationSubmitted, .referralExpired, .bulletinClosed: 2
        default: 1
        }
    }

    /// The camelCase name used in JSON, e.g. `applicationSubmitted`.
    public var name: String {
        switch self {
        case .kindergartenRegistered: "kindergartenRegistered"
        case .applicantRegistered: "applicantRegistered"
        case .childAdded: "childAdded"
        case .applicationSubmitted: "applicationSubmitted"
        case .priorityVerified: "priorityVerified"
        case .priorityRejected: "priorityRejected"
        case .interestConfirmed: "interestConfirmed"
        case .interestLapsed: "interestLapsed"
        case .applicationRestored: "applicationRestored"
        case .applicationWithdrawn: "applicationWithdrawn"
        case .applicationAnnulled: "applicationAnnulled"
        case .stopListed: "stopListed"
        case .bulletinPublished: "bulletinPublished"
        case .bulletinApplied: "bulletinApplied"
        case .bulletinClosed: "bulletinClosed"
        case .referralIssued: "referralIssued"
        case .referralConfirmed: "referralConfirmed"
        case .referralRefused: "referralRefused"
        case .referralExpired: "referralExpired"
        case .referralExtended: "referralExtended"
        case .enrollmentRegistered: "enrollmentRegistered"
        case .admissionConfirmed: "admissionConfirmed"
        case .referralCancelled: "referralCancelled"
        case .queueRefreshed: "queueRefreshed"
        }
    }

    /// Looks a type up by its JSON name.
    public init?(name: String) {
        guard let type = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = type
    }

    /// The camelCase name.
    public var description: String { name }
}
