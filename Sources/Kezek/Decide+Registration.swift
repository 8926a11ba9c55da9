extension Decider {
    func registerKindergarten(_ payload: Command.RegisterKindergarten) throws(Rejection) -> [Event] {
        guard state.kindergartens[payload.id] == nil else { throw .duplicateKindergarten(payload.id) }
        try requireLocality(payload.locality)
        // Commands built in code skip decoding: check what decoding checks.
        func problem(_ problem: KindergartenProblem) -> Rejection {
            .invalidKindergarten(id: payload.id, problem: problem)
        }
        for (language, text) in [("kk", payload.name.kazakh), ("ru", payload.name.russian)]
        where text.allSatisfy(\.isWhitespace) {
            throw problem(.emptyName(language: language))
        }
        guard !payload.languages.isEmpty else { throw problem(.noLanguages) }
        guard !payload.groupTypes.isEmpty else { throw problem(.noGroupTypes) }
        if let repeated = firstRepeat(in: payload.languages) { throw problem(.repeatedLanguage(repeated)) }
        if let repeated = firstRepeat(in: payload.groupTypes) { throw problem(.repeatedGroupType(repeated)) }
        guard payload.capacity >= 1 else { throw problem(.invalidCapacity(payload.capacity)) }
        return [
            .kindergartenRegistered(
                Event.KindergartenRegistered(
                    id: payload.id, name: payload.name, locality: payload.locality, languages: payload.languages,
                    groupTypes: payload.groupTypes, capacity: payload.capacity))
        ]
    }

    func registerApplicant(_ payload: Command.RegisterApplicant) throws(Rejection) -> [Event] {
        guard state.applicants[payload.applicant] == nil else { throw .duplicateApplicant(payload.applicant) }
        guard context.persons[payload.applicant] != nil else { throw .personNotFound(payload.applicant) }
        return [.applicantRegistered(Event.ApplicantRegistered(applicant: payload.applicant, phone: payload.phone))]
    }

    func addChild(_ payload: Command.AddChild) throws(Rejection) -> [Event] {
        try requireApplicant(payload.applicant)
        guard payload.child.sex == payload.gender else {
            throw .genderMismatch(child: payload.child, given: payload.gender)
        }
        if let existing = state.children[payload.child] {
            guard existing.applicant != payload.applicant else {
                throw .duplicateChild(child: payload.child, applicant: payload.applicant)
            }
            throw .childBelongsToAnotherApplicant(payload.child)
        }
        guard let person = context.persons[payload.child] else { throw .personNotFound(payload.child) }
        try requirePlaceable(child: payload.child, birthDate: person.birthDate)
        return [
            .childAdded(Event.ChildAdded(applicant: payload.applicant, child: payload.child, gender: payload.gender))
        ]
    }

    private func firstRepeat<Element: Hashable>(in elements: [Element]) -> Element? {
        var seen: Set<Element> = []
        return elements.first { !seen.insert($0).inserted }
    }
}
