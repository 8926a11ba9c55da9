import Testing

@testable import Kezek

@Suite struct PolicyTests {
    let policy = Policy.current

    private func date(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }
    private func time(_ text: String) -> Timestamp { try! Timestamp(parsing: text) }

    @Test func tiersOrderAndCategories() throws {
        #expect(Tier.outOfTurn < .firstPriority && Tier.firstPriority < .general)
        #expect(Tier.allCases.map(\.rawValue) == [0, 1, 2])
        #expect(Tier(name: "firstPriority") == .firstPriority)
        #expect(policy.tier(for: .military) == .outOfTurn)
        #expect(policy.tier(for: .specialStateBody) == .outOfTurn)
        for category in [
            PriorityCategory.disabledParent, .orphan, .largeFamily, .specialNeeds, .disabledChild, .teacher,
        ] {
            #expect(policy.tier(for: category) == .firstPriority)
        }
        #expect(policy.tier(for: nil) == .general)
        #expect(try PriorityCategory(parsing: "largeFamily") == .largeFamily)
        #expect(throws: PriorityCategoryError.unknown("veteran")) { try PriorityCategory(parsing: "veteran") }
        let error = try #require(throws: PriorityCategoryError.self) { try PriorityCategory(parsing: "Military") }
        #expect(error.code == "unknownCategory")
        #expect(error.message.contains("Military"))
    }

    @Test func ageIsCountedByCalendarYear() {
        #expect(policy.cohortAge(birthYear: 2022, in: 2026) == 4)
        #expect(policy.isPlaceable(birthYear: 2021, in: 2026))
        #expect(policy.isPlaceable(birthYear: 2026, in: 2026))
        // Turns 6 during 2026: no longer placed, whatever the birthday.
        #expect(!policy.isPlaceable(birthYear: 2020, in: 2026))
        #expect(!policy.isPlaceable(birthYear: 2027, in: 2026))
        #expect(policy.placeableBirthYears(in: 2026) == 2021...2026)
        #expect(policy.maximumBirthYearSpan == 6)
    }

    @Test func documentsAreValidForOneMonth() {
        #expect(policy.isDocumentValid(issuedOn: date("2026-01-15"), on: date("2026-01-15")))
        #expect(policy.isDocumentValid(issuedOn: date("2026-01-15"), on: date("2026-02-14")))
        #expect(!policy.isDocumentValid(issuedOn: date("2026-01-15"), on: date("2026-02-15")))
        #expect(!policy.isDocumentValid(issuedOn: date("2026-01-15"), on: date("2026-01-14")))
        #expect(policy.isDocumentValid(issuedOn: date("2024-01-31"), on: date("2024-02-28")))
        #expect(!policy.isDocumentValid(issuedOn: date("2024-01-31"), on: date("2024-02-29")))
        // The Almaty date decides: 2026-02-14T20:00Z is already 15 February in Almaty.
        #expect(!policy.isDocumentValid(issuedOn: date("2026-01-15"), at: time("2026-02-14T20:00:00Z")))
        #expect(policy.isDocumentValid(issuedOn: date("2026-01-15"), at: time("2026-02-14T18:59:59Z")))
    }

    @Test func referralDeadlines() {
        let issued = time("2026-03-19T10:00:00+05:00")
        #expect(policy.confirmationDeadline(referralIssuedAt: issued).description == "2026-03-22T00:00:00+05:00")
        let confirmed = time("2026-03-20T16:00:00+05:00")
        // Five working days after Friday 20 March 2026 (Nauryz 21-25): 26, 27, 30, 31 March, 1 April.
        #expect(
            policy.registrationDeadline(confirmedAt: confirmed, calendar: .kazakhstan).description
                == "2026-04-02T00:00:00+05:00")
        #expect(policy.allowsExtension(days: 30, extensionsUsed: 0))
        #expect(!policy.allowsExtension(days: 31, extensionsUsed: 0))
        #expect(!policy.allowsExtension(days: 0, extensionsUsed: 0))
        #expect(!policy.allowsExtension(days: 10, extensionsUsed: 1))
        #expect(policy.extending(issued, byDays: 30).description == "2026-04-18T10:00:00+05:00")
    }

    @Test func restorationStopListAndLimits() {
        let lapsed = time("2026-10-01T00:00:00+05:00")
        #expect(policy.restorationDeadline(lapsedAt: lapsed).description == "2026-10-30T00:00:00+05:00")
        #expect(policy.maximumRestorations == 1)
        #expect(
            policy.stopListEnd(startedAt: time("2026-06-18T08:33:20+05:00")).description == "2026-06-29T00:00:00+05:00")
        #expect(policy.maximumRankedKindergartens == 4)
        #expect(policy.smsCodeLifetimeSeconds == 88)
        #expect(policy.queueRefreshDate(in: 2026).description == "2026-06-30")
        #expect(policy.interleave == nil)
    }

    @Test func policyBookPicksTheVersionInForce() {
        let book = PolicyBook.standard
        #expect(book.policy(on: date("2020-06-19")).version.rawValue == "2019")
        #expect(book.policy(on: date("2023-12-31")).version.rawValue == "2019")
        #expect(book.policy(on: date("2024-01-01")).version.rawValue == "2024")
        #expect(book.policy(at: time("2023-12-31T18:30:00Z")).version.rawValue == "2024")
        #expect(book.policy(on: date("2010-01-01")) == .v2019)
        #expect(
            book.policy(version: PolicyVersion(rawValue: "2019"))?.interleave
                == Policy.Interleave(firstPriority: 1, general: 3))
        #expect(book.policy(version: PolicyVersion(rawValue: "2030")) == nil)
        #expect(Policy.v2019.maximumRankedKindergartens == 0)
    }
}
