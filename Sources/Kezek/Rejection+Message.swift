extension Rejection {
    /// The stable camelCase machine code, e.g. `invalidIIN`; part of the contract, never renamed.
    public var code: String {
        switch self {
        case .malformedCommand: "malformedCommand"
        case .unknownCommand: "unknownCommand"
        case .timeWentBackwards: "timeWentBackwards"
        case .invalidIIN: "invalidIIN"
        case .invalidPhone: "invalidPhone"
        case .invalidPassword: "invalidPassword"
        case .invalidTime: "invalidTime"
        case .invalidDate: "invalidDate"
        case .invalidLocality: "invalidLocality"
        case .unknownLocality: "unknownLocality"
        case .unknownLanguage: "unknownLanguage"
        case .unknownGroupType: "unknownGroupType"
        case .unknownCategory: "unknownCategory"
        case .invalidKindergartenID: "invalidKindergartenID"
        case .invalidKindergarten: "invalidKindergarten"
        case .personNotFound: "personNotFound"
        case .unknownApplicant: "unknownApplicant"
        case .duplicateApplicant: "duplicateApplicant"
        case .unknownChild: "unknownChild"
        case .duplicateChild: "duplicateChild"
        case .childBelongsToAnotherApplicant: "childBelongsToAnotherApplicant"
        case .genderMismatch: "genderMismatch"
        case .childTooOld: "childTooOld"
        case .childNotBorn: "childNotBorn"
        case .duplicateApplication: "duplicateApplication"
        case .unknownKindergarten: "unknownKindergarten"
        case .duplicateKindergarten: "duplicateKindergarten"
        case .tooManyKindergartens: "tooManyKindergartens"
        case .kindergartenListedTwice: "kindergartenListedTwice"
        case .languageNotOffered: "languageNotOffered"
        case .groupTypeNotOffered: "groupTypeNotOffered"
        case .kindergartenNotInLocality: "kindergartenNotInLocality"
        case .consentRequired: "consentRequired"
        case .documentsRequired: "documentsRequired"
        case .documentExpired: "documentExpired"
        case .unknownApplication: "unknownApplication"
        case .applicationNotActive: "applicationNotActive"
        case .childEnrolled: "childEnrolled"
        case .stopListed: "stopListed"
        case .notEligible: "notEligible"
        case .unknownBulletin: "unknownBulletin"
        case .bulletinClosed: "bulletinClosed"
        case .bulletinNotOpen: "bulletinNotOpen"
        case .bulletinKeyMismatch: "bulletinKeyMismatch"
        case .alreadyAppliedToBulletin: "alreadyAppliedToBulletin"
        case .invalidSeats: "invalidSeats"
        case .invalidWindow: "invalidWindow"
        case .notEnoughFreeSeats: "notEnoughFreeSeats"
        case .unknownReferral: "unknownReferral"
        case .referralNotPending: "referralNotPending"
        case .extensionUsed: "extensionUsed"
        case .invalidExtension: "invalidExtension"
        case .priorityNotVerified: "priorityNotVerified"
        case .noPendingPriorityClaim: "noPendingPriorityClaim"
        case .invalidYear: "invalidYear"
        }
    }

    /// A plain-English explanation that names the offending value.
    public var message: String {
        switch self {
        case .malformedCommand(let error): error.message
        case .unknownCommand(let type):
            "there is no command \(ASCIIDigits.quoted(type)); known: "
                + CommandType.allCases.map(\.rawValue).joined(separator: ", ")
        case .timeWentBackwards(let at, let last):
            "time \(at) is before \(last), the time of the last command in the log"
        case .invalidIIN(let field, let error): "\(field): \(error.message)"
        case .invalidPhone(let error): error.message
        case .invalidPassword(let error): error.message
        case .invalidTime(let field, let error): "\(field): \(error.message)"
        case .invalidDate(let field, let error): "\(field): \(error.message)"
        case .invalidLocality(let text): KATOError.malformed(text).message
        case .unknownLocality(let code, let version): KATOError.unknown(code, registryVersion: version).message
        case .unknownLanguage(let error): error.message
        case .unknownGroupType(let error): error.message
        case .unknownCategory(let error): error.message
        case .invalidKindergartenID(let error): error.message
        case .invalidKindergarten(let id, let problem): "kindergarten \(id): \(problem.message)"
        case .personNotFound(let iin): "IIN \(iin) is not in the person registry"
        case .unknownApplicant(let iin): "no applicant is registered with IIN \(iin)"
        case .duplicateApplicant(let iin): "an applicant with IIN \(iin) is already registered"
        case .unknownChild(let child, let applicant): "applicant \(applicant) has no child with IIN \(child)"
        case .duplicateChild(let child, let applicant): "applicant \(applicant) has already added child \(child)"
        case .childBelongsToAnotherApplicant(let child):
            "child \(child) is already registered by another applicant"
        case .genderMismatch(let child, let given):
            "child IIN \(child) encodes \(child.sex.rawValue), but the gender given is \(given.rawValue)"
        case .childTooOld(let child, let birthYear, let year):
            "child \(child), born in \(birthYear), turns \(year - birthYear) in \(year) and can no longer be queued"
        case .childNotBorn(let child, let birthDate):
            "child IIN \(child) encodes the birth date \(birthDate), which has not come yet"
        case .duplicateApplication(let child, let existing):
            "child \(child) already has the active application \(existing)"
        case .unknownKindergarten(let id): "no kindergarten is registered with id \(ASCIIDigits.quoted(id.rawValue))"
        case .duplicateKindergarten(let id):
            "a kindergarten with id \(ASCIIDigits.quoted(id.rawValue)) is already registered"
        case .tooManyKindergartens(let count, let maximum):
            "\(count) kindergartens are ranked; at most \(maximum) are allowed"
        case .kindergartenListedTwice(let id): "kindergarten \(ASCIIDigits.quoted(id.rawValue)) is ranked twice"
        case .languageNotOffered(let id, let language):
            "kindergarten \(ASCIIDigits.quoted(id.rawValue)) does not teach in \(language)"
        case .groupTypeNotOffered(let id, let groupType):
            "kindergarten \(ASCIIDigits.quoted(id.rawValue)) has no \(groupType) groups"
        case .kindergartenNotInLocality(let id, let locality):
            "kindergarten \(ASCIIDigits.quoted(id.rawValue)) is not registered under locality \(locality)"
        case .consentRequired: "consent to the use of personal data is required (\"consent\": true)"
        case .documentsRequired(let category):
            "a \(category) priority claim needs at least one supporting document"
        case .documentExpired(let name, let issuedOn, let validUntil):
            "document \(ASCIIDigits.quoted(name)) issued on \(issuedOn) was valid until \(validUntil)"
        case .unknownApplication(let number): "there is no application \(number)"
        case .applicationNotActive(let number): "application \(number) is not in the queue"
        case .childEnrolled(let child, let application):
            "child \(child) is enrolled, so application \(application) can no longer change"
        case .stopListed(let number, let until): "application \(number) is on the stop list until \(until)"
        case .notEligible(let number, let reason): "application \(number) cannot take part: \(reason.message)"
        case .unknownBulletin(let number): "there is no bulletin \(number)"
        case .bulletinClosed(let number, let closesAt): "bulletin \(number) closed at \(closesAt)"
        case .bulletinNotOpen(let number, let opensAt): "bulletin \(number) opens at \(opensAt)"
        case .bulletinKeyMismatch(let application, let bulletin):
            "application \(application) is queued for another locality, birth year, language or group type "
                + "than bulletin \(bulletin)"
        case .alreadyAppliedToBulletin(let application, let bulletin):
            "application \(application) has already applied to bulletin \(bulletin)"
        case .invalidSeats(let seats, let capacity?):
            "\(seats) seats: a bulletin offers 1 to \(capacity) seats (the kindergarten's capacity)"
        case .invalidSeats(let seats, nil): "\(seats) seats: a bulletin offers at least 1 seat"
        case .invalidWindow(let opensAt, let closesAt):
            "the window opens at \(opensAt) but closes at \(closesAt); it must close after it opens"
        case .notEnoughFreeSeats(let id, let seats, let free):
            "kindergarten \(ASCIIDigits.quoted(id.rawValue)) has \(free) free places, fewer than the \(seats) seats "
                + "offered"
        case .unknownReferral(let number): "there is no referral \(number)"
        case .referralNotPending(let number): "referral \(number) is not at a stage that allows this"
        case .extensionUsed(let number): "referral \(number) was already extended once"
        case .invalidExtension(let days, let maximum):
            "an extension of \(days) days: it must be 1 to \(maximum) days"
        case .priorityNotVerified(let application, let referral):
            "referral \(referral) cannot be confirmed before the priority claim of application \(application) "
                + "is verified"
        case .noPendingPriorityClaim(let number): "application \(number) has no priority claim awaiting a verdict"
        case .invalidYear(let year): "year \(year) is out of range"
        }
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}

extension KindergartenProblem {
    /// A plain-English explanation.
    public var message: String {
        switch self {
        case .emptyName(let language): "the \(language) name is empty"
        case .noLanguages: "at least one language of instruction is required"
        case .noGroupTypes: "at least one group type is required"
        case .repeatedLanguage(let language): "language \(language) is listed twice"
        case .repeatedGroupType(let groupType): "group type \(groupType) is listed twice"
        case .invalidCapacity(let capacity): "capacity \(capacity) must be at least 1"
        }
    }
}

extension IneligibilityReason {
    /// A plain-English explanation.
    public var message: String {
        switch self {
        case .interestLapsed: "its confirmation of interest lapsed"
        case .holdsReferral: "it already holds a referral"
        case .notInQueue: "it is not in the queue"
        case .referralExpired: "its referral expired; confirming interest brings it back"
        case .restorationWindowClosed: "its window to be restored closed or its one restoration was used"
        }
    }
}
