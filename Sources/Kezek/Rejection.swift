/// Why the engine refused a command: one case per error code of the command-line contract, plus the
/// domain's own refusals. Each case holds the offending values; `code` is stable camelCase and `message`
/// is plain English naming the bad value.
///
/// A rejected command writes nothing to the log.
public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
    // MARK: The line itself

    /// The line is not a well-formed command (bad JSON, a missing or wrongly typed field).
    case malformedCommand(CommandFormatError)
    /// The `type` names no command.
    case unknownCommand(String)
    /// `at` is before the time of the last command in the log.
    case timeWentBackwards(at: Timestamp, last: Timestamp)

    // MARK: Values that fail their own rules

    /// An IIN field is not a valid IIN.
    case invalidIIN(field: String, IINError)
    /// The phone is not a Kazakhstan mobile number.
    case invalidPhone(PhoneNumberError)
    /// The password breaks the password rules.
    case invalidPassword(PasswordError)
    /// A time field is not ISO 8601 with an offset.
    case invalidTime(field: String, TimestampError)
    /// A date field is not a real `YYYY-MM-DD` date.
    case invalidDate(field: String, CivilDateError)
    /// A locality is not a 9-digit KATO code.
    case invalidLocality(String)
    /// A well-formed KATO code that the registry does not list.
    case unknownLocality(KATOCode, registryVersion: String)
    /// A language code outside the known languages of instruction.
    case unknownLanguage(LanguageCodeError)
    /// A group type other than general, special, sanatorium.
    case unknownGroupType(GroupTypeError)
    /// A priority category that the policy does not know.
    case unknownCategory(PriorityCategoryError)
    /// A kindergarten id that breaks the id rules.
    case invalidKindergartenID(KindergartenIDError)
    /// A kindergarten registration with unusable fields.
    case invalidKindergarten(id: KindergartenID, problem: KindergartenProblem)

    // MARK: People

    /// The IIN is not in the person registry.
    case personNotFound(IIN)
    /// No applicant is registered with this IIN.
    case unknownApplicant(IIN)
    /// An applicant with this IIN is already registered.
    case duplicateApplicant(IIN)
    /// The applicant has no child with this IIN.
    case unknownChild(child: IIN, applicant: IIN)
    /// The applicant already added this child.
    case duplicateChild(child: IIN, applicant: IIN)
    /// Another applicant already added this child (that applicant is not named).
    case childBelongsToAnotherApplicant(IIN)
    /// The given gender disagrees with the sex the child's IIN encodes.
    case genderMismatch(child: IIN, given: Sex)
    /// The child turns `age` in `year` (counted by calendar year) and is past queue age.
    case childTooOld(child: IIN, birthYear: Int, year: Int)
    /// The child's IIN encodes a birth date after the command's date.
    case childNotBorn(child: IIN, birthDate: CivilDate)

    // MARK: Applications

    /// The child already has an active application.
    case duplicateApplication(child: IIN, existing: ApplicationNumber)
    /// No kindergarten with this id.
    case unknownKindergarten(KindergartenID)
    /// A kindergarten with this id is already registered.
    case duplicateKindergarten(KindergartenID)
    /// More ranked kindergartens than allowed.
    case tooManyKindergartens(count: Int, maximum: Int)
    /// The same kindergarten twice in one ranked list.
    case kindergartenListedTwice(KindergartenID)
    /// A ranked kindergarten does not teach in the application's language.
    case languageNotOffered(KindergartenID, LanguageCode)
    /// A ranked kindergarten has no groups of the application's type.
    case groupTypeNotOffered(KindergartenID, GroupType)
    /// A ranked kindergarten is registered under another locality code.
    case kindergartenNotInLocality(KindergartenID, locality: KATOCode)
    /// `consent` is missing or false.
    case consentRequired
    /// A priority claim without supporting documents.
    case documentsRequired(category: PriorityCategory)
    /// A supporting document older than its validity allows.
    case documentExpired(name: String, issuedOn: CivilDate, validUntil: CivilDate)
    /// No application with this number.
    case unknownApplication(ApplicationNumber)
    /// The application is withdrawn, annulled, placed or otherwise out of the queue.
    case applicationNotActive(ApplicationNumber)
    /// The child is enrolled: the application can no longer change.
    case childEnrolled(child: IIN, application: ApplicationNumber)
    /// The application is stop-listed until `until`.
    case stopListed(ApplicationNumber, until: Timestamp)
    /// The application cannot take part (e.g. interest lapsed); `reason` says why.
    case notEligible(ApplicationNumber, reason: IneligibilityReason)

    // MARK: Bulletins

    /// No bulletin with this number.
    case unknownBulletin(BulletinNumber)
    /// The bulletin's window has closed.
    case bulletinClosed(BulletinNumber, closesAt: Timestamp)
    /// The bulletin's window has not opened yet.
    case bulletinNotOpen(BulletinNumber, opensAt: Timestamp)
    /// The application's queue key differs from the bulletin's.
    case bulletinKeyMismatch(application: ApplicationNumber, bulletin: BulletinNumber)
    /// The application already applied to this bulletin.
    case alreadyAppliedToBulletin(application: ApplicationNumber, bulletin: BulletinNumber)
    /// Seats must be at least 1 and at most the kindergarten's capacity (`nil` when not yet known).
    case invalidSeats(Int, capacity: Int?)
    /// `opensAt` must be before `closesAt`.
    case invalidWindow(opensAt: Timestamp, closesAt: Timestamp)
    /// The kindergarten has fewer free places than the bulletin offers (capacity less enrolled children,
    /// outstanding referrals and seats of bulletins still open).
    case notEnoughFreeSeats(KindergartenID, seats: Int, free: Int)

    // MARK: Referrals

    /// No referral with this number.
    case unknownReferral(ReferralNumber)
    /// The referral is not at the stage the command needs.
    case referralNotPending(ReferralNumber)
    /// The referral was already extended once.
    case extensionUsed(ReferralNumber)
    /// Extension days outside 1...30.
    case invalidExtension(days: Int, maximum: Int)
    /// The application's priority claim is not verified yet, so its referral cannot be confirmed.
    case priorityNotVerified(application: ApplicationNumber, referral: ReferralNumber)
    /// The application has no priority claim awaiting a verdict.
    case noPendingPriorityClaim(ApplicationNumber)

    // MARK: Queue

    /// A year outside what the command accepts.
    case invalidYear(Int)
}

/// What is wrong with a kindergarten registration: the detail of `Rejection.invalidKindergarten`.
public enum KindergartenProblem: Sendable, Hashable {
    /// The name in this language (`kk` or `ru`) is empty.
    case emptyName(language: String)
    /// No language of instruction listed.
    case noLanguages
    /// No group type listed.
    case noGroupTypes
    /// A language listed twice.
    case repeatedLanguage(LanguageCode)
    /// A group type listed twice.
    case repeatedGroupType(GroupType)
    /// Capacity below 1.
    case invalidCapacity(Int)
}

/// Why an application cannot take part in an allocation.
public enum IneligibilityReason: String, Sendable, Hashable, CaseIterable {
    /// Its interest confirmation lapsed.
    case interestLapsed
    /// It holds a referral already.
    case holdsReferral
    /// It is out of the queue.
    case notInQueue
    /// Its referral expired; confirming interest brings it back.
    case referralExpired
    /// Its window to be restored closed, or its one restoration was used.
    case restorationWindowClosed
}
