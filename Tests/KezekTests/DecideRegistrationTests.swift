import Testing

@testable import Kezek

@Suite struct DecideRegistrationTests {
    typealias H = DecideHarness

    @Test func registersAKindergarten() {
        var h = H()
        let id = h.registerKindergarten("almaty-kg-0117", capacity: 40)
        #expect(h.state.kindergartens[id]?.capacity == 40)
        #expect(h.state.kindergartens[id]?.freeSeats == 40)
        h.reject(
            .registerKindergarten(
                Command.RegisterKindergarten(
                    id: id, name: KindergartenName(kazakh: "a", russian: "b"), locality: H.almaty, languages: [.kazakh],
                    groupTypes: [.general], capacity: 1)), "duplicateKindergarten")
    }

    @Test func kindergartenLocalityMustBeInTheRegistry() {
        var h = H()
        let unknown = KATOCode(rawValue: 999_999_999)!
        let rejection = h.reject(
            .registerKindergarten(
                Command.RegisterKindergarten(
                    id: H.id("x"), name: KindergartenName(kazakh: "a", russian: "b"), locality: unknown,
                    languages: [.kazakh], groupTypes: [.general], capacity: 1)), "unknownLocality")
        #expect(rejection?.message.contains("999999999") == true)
    }

    @Test func registersAnApplicantKnownToTheRegistry() {
        var h = H()
        h.registry = InMemoryPersonRegistry([
            PersonRecord(iin: H.parent, surname: "Ахметова", name: "Айгүл", birthDate: H.parent.birthDate)
        ])
        h.registerApplicant()
        #expect(h.state.applicants[H.parent] != nil)
        h.reject(
            .registerApplicant(
                Command.RegisterApplicant(applicant: H.parent, phone: try! PhoneNumber(parsing: "+77011234567"))),
            "duplicateApplicant")
        let stranger = IIN(rawValue: "061211600012")!
        let rejection = h.reject(
            .registerApplicant(
                Command.RegisterApplicant(applicant: stranger, phone: try! PhoneNumber(parsing: "+77011234567"))),
            "personNotFound")
        #expect(rejection?.message.contains("061211600012") == true)
    }

    @Test func addsAChildToOneApplicant() {
        var h = H()
        let child = H.child()
        h.registerApplicant()
        h.addChild(child)
        #expect(h.state.children[child]?.applicant == H.parent)
        #expect(h.state.children(of: H.parent) == [child])
        h.reject(.addChild(Command.AddChild(applicant: H.parent, child: child, gender: .female)), "duplicateChild")
        let other = IIN(rawValue: "061211600012")!
        h.registerApplicant(other)
        h.reject(
            .addChild(Command.AddChild(applicant: other, child: child, gender: .female)),
            "childBelongsToAnotherApplicant")
    }

    @Test func childRulesNameTheBadValue() {
        var h = H()
        h.registerApplicant()
        let boy = H.child(sex: .male)
        let mismatch = h.reject(
            .addChild(Command.AddChild(applicant: H.parent, child: boy, gender: .female)), "genderMismatch")
        #expect(mismatch?.message.contains(boy.rawValue) == true)
        let old = H.child(year: 2020)
        let tooOld = h.reject(
            .addChild(Command.AddChild(applicant: H.parent, child: old, gender: .female)), "childTooOld")
        #expect(tooOld?.message.contains(old.rawValue) == true)
        #expect(tooOld?.message.contains("2020") == true)
        let unborn = H.iin(born: CivilDate(unchecked: 2026, 12, 1))
        h.reject(.addChild(Command.AddChild(applicant: H.parent, child: unborn, gender: .female)), "childNotBorn")
        let stranger = IIN(rawValue: "061211600012")!
        h.reject(
            .addChild(Command.AddChild(applicant: stranger, child: H.child(), gender: .female)), "unknownApplicant")
        h.registry = InMemoryPersonRegistry([])
        h.reject(.addChild(Command.AddChild(applicant: H.parent, child: H.child(), gender: .female)), "personNotFound")
    }

    @Test func aChildBornThisYearOrFiveYearsAgoIsPlaceable() {
        var h = H()
        h.registerApplicant()
        h.addChild(H.child(year: 2021))
        h.addChild(H.iin(born: CivilDate(unchecked: 2026, 1, 2)))
    }

    @Test func timeMayNotGoBackwards() {
        var h = H()
        h.registerApplicant()
        let rejection = h.reject(.tick, "timeWentBackwards", after: -1)
        #expect(rejection?.message.contains("2026-06-18") == true)
        h.ok(.tick, after: 1)
    }
}
