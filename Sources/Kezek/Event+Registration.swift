extension Event {
    /// `kindergartenRegistered`: A kindergarten (preschool organisation) was registered with what it offers.
    public struct KindergartenRegistered: Hashable, Sendable {
        /// The kindergarten's id.
        public var id: KindergartenID
        /// Its name in Kazakh and Russian (an organisation's name, not personal data).
        public var name: KindergartenName
        /// Its KATO code; the queue key uses it as given.
        public var locality: KATOCode
        /// Its languages of instruction.
        public var languages: [LanguageCode]
        /// Its group types.
        public var groupTypes: [GroupType]
        /// Its total places.
        public var capacity: Int

        /// The event from its fields.
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

    /// `applicantRegistered`: A parent or legal representative registered. Names stay in the person registry.
    public struct ApplicantRegistered: Hashable, Sendable {
        /// The applicant's IIN.
        public var applicant: IIN
        /// The mobile phone for SMS codes and notifications.
        public var phone: PhoneNumber

        /// The event from its fields.
        public init(applicant: IIN, phone: PhoneNumber) {
            self.applicant = applicant
            self.phone = phone
        }
    }

    /// `childAdded`: An applicant added a child. Names and nationality stay out of the log.
    public struct ChildAdded: Hashable, Sendable {
        /// The applicant's IIN.
        public var applicant: IIN
        /// The child's IIN (birth date and sex are in it).
        public var child: IIN
        /// The gender the parent set; it agrees with the IIN.
        public var gender: Sex

        /// The event from its fields.
        public init(applicant: IIN, child: IIN, gender: Sex) {
            self.applicant = applicant
            self.child = child
            self.gender = gender
        }
    }
}

extension Event.KindergartenRegistered: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("id", id)
        fields.write("name", name)
        fields.write("locality", locality)
        fields.write("languages", languages)
        fields.write("groupTypes", groupTypes)
        fields.write("capacity", capacity)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            id: try fields.read("id"), name: try fields.read("name"), locality: try fields.read("locality"),
            languages: try fields.read("languages"), groupTypes: try fields.read("groupTypes"),
            capacity: try fields.read("capacity"))
    }
}

extension Event.ApplicantRegistered: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("applicant", applicant)
        fields.write("phone", phone)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            applicant: try fields.read("applicant"), phone: try fields.read("phone"))
    }
}

extension Event.ChildAdded: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("applicant", applicant)
        fields.write("child", child)
        fields.write("gender", gender)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            applicant: try fields.read("applicant"), child: try fields.read("child"), gender: try fields.read("gender"))
    }
}
