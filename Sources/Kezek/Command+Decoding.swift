extension Command {
    /// Decodes one `apply` line: `{"type": NAME, "at": TIME, ...fields}`.
    ///
    /// - `malformedCommand` for invalid JSON, a non-object, a missing or wrongly typed field (named by its
    ///   path) or a word outside its choices (`gender`, `verdict`);
    /// - `unknownCommand` for an unknown `type`;
    /// - the field's own code for a value that breaks its rules: `invalidIIN`, `invalidPhone`,
    ///   `invalidTime`, `invalidDate`, `invalidLocality`/`unknownLocality` (not in `registry`),
    ///   `unknownLanguage`, `unknownGroupType`, `unknownCategory`, `invalidKindergartenID`,
    ///   `invalidKindergarten`, `genderMismatch`, `tooManyKindergartens`, `kindergartenListedTwice`,
    ///   `documentsRequired`, `consentRequired` (false or missing), `invalidSeats`, `invalidWindow`,
    ///   `invalidExtension`, `invalidYear`.
    ///
    /// Unknown extra fields are ignored, so that clients may send more than this version reads. What needs
    /// the engine's state (does the applicant exist, is the document still valid at `at`) is left to the
    /// deciders.
    public static func decode(
        _ line: UnsafeRawBufferPointer, registry: KATORegistry = .standard
    ) -> Result<CommandEnvelope, Rejection> {
        Result { () throws(Rejection) -> CommandEnvelope in
            let json: JSONValue
            do throws(JSONParseError) {
                json = try JSONValue.parse(line)
            } catch {
                throw .malformedCommand(.invalidJSON(error))
            }
            return try CommandEnvelope(json: json, registry: registry)
        }
    }

    /// Decodes one `apply` line from bytes; see `decode(_: UnsafeRawBufferPointer, registry:)`.
    public static func decode(
        _ line: some Collection<UInt8>, registry: KATORegistry = .standard
    ) -> Result<CommandEnvelope, Rejection> {
        if let result = line.withContiguousStorageIfAvailable({ decode(UnsafeRawBufferPointer($0), registry: registry) }
        ) {
            return result
        }
        return decode(Array(line), registry: registry)
    }

    /// Decodes one `apply` line from text; see `decode(_: UnsafeRawBufferPointer, registry:)`.
    public static func decode(_ line: String, registry: KATORegistry = .standard) -> Result<CommandEnvelope, Rejection>
    {
        var line = line
        return line.withUTF8 { decode(UnsafeRawBufferPointer($0), registry: registry) }
    }
}

extension CommandEnvelope {
    /// Decodes a parsed `apply` line; see `Command.decode(_:registry:)` for the rules.
    public init(json: JSONValue, registry: KATORegistry = .standard) throws(Rejection) {
        guard case .object(let object) = json else {
            throw .malformedCommand(.notAnObject(found: json.typeName))
        }
        let fields = JSONFields(object)
        let name = try fields.string("type")
        guard let type = CommandType(rawValue: name) else { throw .unknownCommand(name) }
        let at = try fields.time("at")
        self.init(try Command(type: type, fields: fields, registry: registry), at: at)
    }
}

extension Command {
    fileprivate init(type: CommandType, fields: JSONFields, registry: KATORegistry) throws(Rejection) {
        switch type {
        case .registerKindergarten:
            self = .registerKindergarten(try RegisterKindergarten(fields, registry: registry))
        case .registerApplicant:
            self = .registerApplicant(
                RegisterApplicant(applicant: try fields.iin("iin"), phone: try fields.phone("phone")))
        case .addChild:
            let child = try fields.iin("child")
            let applicant = try fields.iin("applicant")
            let gender = try fields.choice("gender", as: Sex.self)
            guard child.sex == gender else { throw .genderMismatch(child: child, given: gender) }
            self = .addChild(
                AddChild(
                    applicant: applicant, child: child, gender: gender,
                    nationality: try fields.optionalString("nationality")))
        case .submitApplication:
            self = .submitApplication(try SubmitApplication(fields, registry: registry))
        case .verifyPriority:
            self = .verifyPriority(
                VerifyPriority(
                    application: try fields.application("application"),
                    verdict: try fields.choice("verdict", as: PriorityVerdict.self),
                    reason: try fields.optionalString("reason")))
        case .confirmInterest:
            self = .confirmInterest(try fields.application("application"))
        case .withdrawApplication:
            self = .withdrawApplication(try fields.application("application"))
        case .publishBulletin:
            self = .publishBulletin(try PublishBulletin(fields))
        case .applyToBulletin:
            self = .applyToBulletin(
                ApplyToBulletin(
                    application: try fields.application("application"),
                    bulletin: BulletinNumber(rawValue: try fields.number("bulletin"))))
        case .tick:
            self = .tick
        case .confirmReferral:
            self = .confirmReferral(try fields.referral("referral"))
        case .refuseReferral:
            self = .refuseReferral(try fields.referral("referral"))
        case .extendReferral:
            let referral = try fields.referral("referral")
            let days = try fields.int("days")
            guard (1...Command.maximumExtensionDays).contains(days) else {
                throw .invalidExtension(days: days, maximum: Command.maximumExtensionDays)
            }
            self = .extendReferral(ExtendReferral(referral: referral, days: days))
        case .registerEnrollment:
            self = .registerEnrollment(try fields.referral("referral"))
        case .confirmAdmission:
            self = .confirmAdmission(try fields.referral("referral"))
        case .refreshQueue:
            self = .refreshQueue(year: try fields.year("year"))
        }
    }
}

extension Command.RegisterKindergarten {
    fileprivate init(_ fields: JSONFields, registry: KATORegistry) throws(Rejection) {
        let id = try fields.kindergarten("id")
        let nameFields = try fields.object("name")
        let name = KindergartenName(kazakh: try nameFields.string("kk"), russian: try nameFields.string("ru"))
        if name.kazakh.allSatisfy(\.isWhitespace) {
            throw .invalidKindergarten(id: id, problem: .emptyName(language: "kk"))
        }
        if name.russian.allSatisfy(\.isWhitespace) {
            throw .invalidKindergarten(id: id, problem: .emptyName(language: "ru"))
        }
        let locality = try fields.locality("locality", registry: registry)
        var languages: [LanguageCode] = []
        for text in try fields.strings("languages") {
            let language = try JSONFields.language(text)
            guard !languages.contains(language) else {
                throw .invalidKindergarten(id: id, problem: .repeatedLanguage(language))
            }
            languages.append(language)
        }
        guard !languages.isEmpty else { throw .invalidKindergarten(id: id, problem: .noLanguages) }
        var groupTypes: [GroupType] = []
        for text in try fields.strings("groupTypes") {
            let groupType = try JSONFields.groupType(text)
            guard !groupTypes.contains(groupType) else {
                throw .invalidKindergarten(id: id, problem: .repeatedGroupType(groupType))
            }
            groupTypes.append(groupType)
        }
        guard !groupTypes.isEmpty else { throw .invalidKindergarten(id: id, problem: .noGroupTypes) }
        let capacity = try fields.int("capacity")
        guard capacity >= 1 else { throw .invalidKindergarten(id: id, problem: .invalidCapacity(capacity)) }
        self.init(
            id: id, name: name, locality: locality, languages: languages, groupTypes: groupTypes, capacity: capacity)
    }
}

extension Command.SubmitApplication {
    fileprivate init(_ fields: JSONFields, registry: KATORegistry) throws(Rejection) {
        let applicant = try fields.iin("applicant")
        let child = try fields.iin("child")
        let locality = try fields.locality("locality", registry: registry)
        let language = try JSONFields.language(try fields.string("language"))
        let groupType = try JSONFields.groupType(try fields.string("groupType"))
        let texts = fields.optionalValue("kindergartens") == nil ? [] : try fields.strings("kindergartens")
        guard texts.count <= Command.maximumRankedKindergartens else {
            throw .tooManyKindergartens(count: texts.count, maximum: Command.maximumRankedKindergartens)
        }
        var kindergartens: [KindergartenID] = []
        for text in texts {
            let id: KindergartenID
            do {
                id = try KindergartenID(validating: text)
            } catch {
                throw .invalidKindergartenID(error)
            }
            guard !kindergartens.contains(id) else { throw .kindergartenListedTwice(id) }
            kindergartens.append(id)
        }
        var priority: PriorityClaim? = nil
        if let claim = try fields.optionalObject("priority") {
            let category: PriorityCategory
            let categoryText = try claim.string("category")
            do {
                category = try PriorityCategory(parsing: categoryText)
            } catch {
                throw .unknownCategory(error)
            }
            let documentFields = claim.optionalValue("documents") == nil ? [] : try claim.objects("documents")
            var documents: [SupportingDocument] = []
            for document in documentFields {
                documents.append(
                    SupportingDocument(name: try document.string("name"), issuedOn: try document.date("issuedOn")))
            }
            guard !documents.isEmpty else { throw .documentsRequired(category: category) }
            priority = PriorityClaim(category: category, documents: documents)
        }
        guard try fields.optionalBool("consent") == true else { throw .consentRequired }
        self.init(
            applicant: applicant, child: child, locality: locality, language: language, groupType: groupType,
            kindergartens: kindergartens, priority: priority)
    }
}

extension Command.PublishBulletin {
    fileprivate init(_ fields: JSONFields) throws(Rejection) {
        let kindergarten = try fields.kindergarten("kindergarten")
        let birthYear = try fields.year("birthYear")
        let language = try JSONFields.language(try fields.string("language"))
        let groupType = try JSONFields.groupType(try fields.string("groupType"))
        let seats = try fields.int("seats")
        guard seats >= 1 else { throw .invalidSeats(seats, capacity: nil) }
        let opensAt = try fields.time("opensAt")
        let closesAt = try fields.time("closesAt")
        guard opensAt < closesAt else { throw .invalidWindow(opensAt: opensAt, closesAt: closesAt) }
        self.init(
            kindergarten: kindergarten, birthYear: birthYear, language: language, groupType: groupType, seats: seats,
            opensAt: opensAt, closesAt: closesAt)
    }
}

extension JSONFields {
    func iin(_ key: String) throws(Rejection) -> IIN {
        let text = try string(key)
        do {
            return try IIN(parsing: text)
        } catch {
            throw .invalidIIN(field: path(of: key), error)
        }
    }

    func phone(_ key: String) throws(Rejection) -> PhoneNumber {
        let text = try string(key)
        do {
            return try PhoneNumber(parsing: text)
        } catch {
            throw .invalidPhone(error)
        }
    }

    func time(_ key: String) throws(Rejection) -> Timestamp {
        let text = try string(key)
        do {
            return try Timestamp(parsing: text)
        } catch {
            throw .invalidTime(field: path(of: key), error)
        }
    }

    func date(_ key: String) throws(Rejection) -> CivilDate {
        let text = try string(key)
        do {
            return try CivilDate(parsing: text)
        } catch {
            throw .invalidDate(field: path(of: key), error)
        }
    }

    func locality(_ key: String, registry: KATORegistry) throws(Rejection) -> KATOCode {
        let text = try string(key)
        do {
            return try registry.parse(text)
        } catch {
            switch error {
            case .malformed(let text): throw .invalidLocality(text)
            case .unknown(let code, let version): throw .unknownLocality(code, registryVersion: version)
            }
        }
    }

    func kindergarten(_ key: String) throws(Rejection) -> KindergartenID {
        let text = try string(key)
        do {
            return try KindergartenID(validating: text)
        } catch {
            throw .invalidKindergartenID(error)
        }
    }

    func application(_ key: String) throws(Rejection) -> ApplicationNumber {
        ApplicationNumber(rawValue: try number(key))
    }

    func referral(_ key: String) throws(Rejection) -> ReferralNumber {
        ReferralNumber(rawValue: try number(key))
    }

    func year(_ key: String) throws(Rejection) -> Int {
        let year = try int(key)
        guard CivilDate.validYears.contains(year) else { throw .invalidYear(year) }
        return year
    }

    static func language(_ text: String) throws(Rejection) -> LanguageCode {
        do {
            return try LanguageCode(parsing: text)
        } catch {
            throw .unknownLanguage(error)
        }
    }

    static func groupType(_ text: String) throws(Rejection) -> GroupType {
        do {
            return try GroupType(parsing: text)
        } catch {
            throw .unknownGroupType(error)
        }
    }
}
