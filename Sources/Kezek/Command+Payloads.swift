extension Command {
    /// The most kindergartens an application may rank (since 2024).
    public static let maximumRankedKindergartens = 4
    /// The longest referral extension, in calendar days.
    public static let maximumExtensionDays = 30

    /// `registerKindergarten`: a preschool organisation and what it offers.
    public struct RegisterKindergarten: Sendable, Hashable {
        /// The deployment's id for it.
        public var id: KindergartenID
        /// Its name in Kazakh and Russian.
        public var name: KindergartenName
        /// Its KATO code; applications of the same place must use the same code.
        public var locality: KATOCode
        /// Languages of instruction, in the order given, without repeats.
        public var languages: [LanguageCode]
        /// Group types, in the order given, without repeats.
        public var groupTypes: [GroupType]
        /// Total places (at least 1); a bulletin offers at most this many seats.
        public var capacity: Int

        /// The payload from its fields.
        public init(
            id: KindergartenID, name: KindergartenName, locality: KATOCode, languages: [LanguageCode],
            groupTypes: [GroupType], capacity: Int
        ) {
            self.id = id
            self.name = name
            self.locality = locality
            self.languages = languages
            self.groupTypes = groupTypes
            self.capacity = capacity
        }
    }

    /// `registerApplicant`: a parent or legal representative (`iin` field) with a phone.
    public struct RegisterApplicant: Sendable, Hashable {
        /// The applicant's IIN (the contract's `iin`).
        public var applicant: IIN
        /// The mobile phone, E.164.
        public var phone: PhoneNumber

        /// The payload from its fields.
        public init(applicant: IIN, phone: PhoneNumber) {
            self.applicant = applicant
            self.phone = phone
        }
    }

    /// `addChild`: a child of an applicant; `gender` must agree with the child's IIN (checked by decode).
    public struct AddChild: Sendable, Hashable {
        /// The applicant's IIN.
        public var applicant: IIN
        /// The child's IIN.
        public var child: IIN
        /// The gender the parent set.
        public var gender: Sex
        /// The nationality the parent set, if any (personal data: kept out of events).
        public var nationality: String?

        /// The payload from its fields.
        public init(applicant: IIN, child: IIN, gender: Sex, nationality: String? = nil) {
            self.applicant = applicant
            self.child = child
            self.gender = gender
            self.nationality = nationality
        }
    }

    /// `submitApplication`: a child joins the queue of a key, optionally with ranked kindergartens and a
    /// priority claim. Consent was given (decode rejects a line without it).
    public struct SubmitApplication: Sendable, Hashable {
        /// The applicant's IIN.
        public var applicant: IIN
        /// The child's IIN.
        public var child: IIN
        /// The KATO code of the queue.
        public var locality: KATOCode
        /// The language of instruction.
        public var language: LanguageCode
        /// The group type.
        public var groupType: GroupType
        /// 0 to 4 kindergarten ids, most wanted first, no repeats.
        public var kindergartens: [KindergartenID]
        /// The priority claim, if the applicant ticked out-of-turn or first priority.
        public var priority: PriorityClaim?

        /// The payload from its fields.
        public init(
            applicant: IIN, child: IIN, locality: KATOCode, language: LanguageCode, groupType: GroupType,
            kindergartens: [KindergartenID] = [], priority: PriorityClaim? = nil
        ) {
            self.applicant = applicant
            self.child = child
            self.locality = locality
            self.language = language
            self.groupType = groupType
            self.kindergartens = kindergartens
            self.priority = priority
        }
    }

    /// `verifyPriority`: the operator's verdict on an application's priority claim.
    public struct VerifyPriority: Sendable, Hashable {
        /// The application.
        public var application: ApplicationNumber
        /// Confirmed or rejected.
        public var verdict: PriorityVerdict
        /// The operator's reason, if given.
        public var reason: String?

        /// The payload from its fields.
        public init(application: ApplicationNumber, verdict: PriorityVerdict, reason: String? = nil) {
            self.application = application
            self.verdict = verdict
            self.reason = reason
        }
    }

    /// `publishBulletin`: free seats of a kindergarten for one cohort, language and group type.
    public struct PublishBulletin: Sendable, Hashable {
        /// The kindergarten.
        public var kindergarten: KindergartenID
        /// The cohort.
        public var birthYear: Int
        /// The language of instruction.
        public var language: LanguageCode
        /// The group type.
        public var groupType: GroupType
        /// The free seats (at least 1).
        public var seats: Int
        /// When applying opens.
        public var opensAt: Timestamp
        /// When applying closes and allocation runs (after `opensAt`).
        public var closesAt: Timestamp

        /// The payload from its fields.
        public init(
            kindergarten: KindergartenID, birthYear: Int, language: LanguageCode, groupType: GroupType,
            seats: Int, opensAt: Timestamp, closesAt: Timestamp
        ) {
            self.kindergarten = kindergarten
            self.birthYear = birthYear
            self.language = language
            self.groupType = groupType
            self.seats = seats
            self.opensAt = opensAt
            self.closesAt = closesAt
        }
    }

    /// `applyToBulletin`: an application asks for a seat of a bulletin.
    public struct ApplyToBulletin: Sendable, Hashable {
        /// The application.
        public var application: ApplicationNumber
        /// The bulletin.
        public var bulletin: BulletinNumber

        /// The payload from its fields.
        public init(application: ApplicationNumber, bulletin: BulletinNumber) {
            self.application = application
            self.bulletin = bulletin
        }
    }

    /// `extendReferral`: one extension of 1 to 30 calendar days.
    public struct ExtendReferral: Sendable, Hashable {
        /// The referral.
        public var referral: ReferralNumber
        /// The extra calendar days, 1 to 30.
        public var days: Int

        /// The payload from its fields.
        public init(referral: ReferralNumber, days: Int) {
            self.referral = referral
            self.days = days
        }
    }
}

/// An operator's verdict on a priority claim.
public enum PriorityVerdict: String, CaseIterable, Hashable, Sendable {
    /// The documents prove the claim.
    case confirmed
    /// The claim is false: general tier at the original time, and a stop list.
    case rejected
}
