import Testing

@testable import Kezek

@Suite struct RejectionTests {
    static let iin = IIN(rawValue: "061211600012")!
    static let child = IIN(rawValue: "230704601230")!
    static let time = Timestamp(millisecondsSinceEpoch: 1_781_753_600_000)
    static let kindergarten = try! KindergartenID(validating: "almaty-kg-0117")

    /// One rejection per error code of the contract, in the contract's order.
    static let contractCases: [Rejection] = [
        .malformedCommand(.missingField("child")),
        .unknownCommand("fly"),
        .invalidIIN(field: "iin", .checkDigitMismatch("061211600013", expected: 2, found: 3)),
        .invalidPhone(.landline("+77272123456")),
        .invalidPassword(.tooShort(length: 3)),
        .unknownApplicant(iin),
        .duplicateApplicant(iin),
        .unknownChild(child: child, applicant: iin),
        .genderMismatch(child: child, given: .male),
        .childTooOld(child: child, birthYear: 2019, year: 2025),
        .duplicateApplication(child: child, existing: 287_529),
        .unknownLocality(KATOCode(rawValue: 999_999_999)!, registryVersion: "2026-1"),
        .unknownKindergarten(kindergarten),
        .tooManyKindergartens(count: 5, maximum: 4),
        .consentRequired,
        .unknownCategory(.unknown("pirate")),
        .documentsRequired(category: .orphan),
        .documentExpired(
            name: "certificate", issuedOn: CivilDate(daysSinceEpoch: 20_500),
            validUntil: CivilDate(daysSinceEpoch: 20_530)),
        .unknownApplication(287_529),
        .applicationNotActive(287_529),
        .childEnrolled(child: child, application: 287_529),
        .unknownBulletin(12),
        .bulletinClosed(12, closesAt: time),
        .bulletinKeyMismatch(application: 287_529, bulletin: 12),
        .unknownReferral(99),
        .referralNotPending(99),
        .extensionUsed(99),
        .priorityNotVerified(application: 287_529, referral: 99),
        .stopListed(287_529, until: time),
        .timeWentBackwards(at: time, last: time.adding(seconds: 60)),
        .personNotFound(iin),
    ]

    @Test func coversEveryContractCode() {
        let contract = [
            "malformedCommand", "unknownCommand", "invalidIIN", "invalidPhone", "invalidPassword", "unknownApplicant",
            "duplicateApplicant", "unknownChild", "genderMismatch", "childTooOld", "duplicateApplication",
            "unknownLocality", "unknownKindergarten", "tooManyKindergartens", "consentRequired", "unknownCategory",
            "documentsRequired", "documentExpired", "unknownApplication", "applicationNotActive", "childEnrolled",
            "unknownBulletin", "bulletinClosed", "bulletinKeyMismatch", "unknownReferral", "referralNotPending",
            "extensionUsed", "priorityNotVerified", "stopListed", "timeWentBackwards", "personNotFound",
        ]
        #expect(Self.contractCases.map(\.code) == contract)
    }

    @Test func messagesNameTheOffendingValue() {
        #expect(
            Rejection.invalidIIN(field: "iin", .checkDigitMismatch("061211600013", expected: 2, found: 3)).message
                .contains("061211600013"))
        #expect(Rejection.unknownApplicant(Self.iin).message == "no applicant is registered with IIN 061211600012")
        #expect(
            Rejection.genderMismatch(child: Self.child, given: .male).message
                == "child IIN 230704601230 encodes female, but the gender given is male")
        #expect(Rejection.tooManyKindergartens(count: 5, maximum: 4).message.contains("5"))
        #expect(
            Rejection.timeWentBackwards(at: Self.time, last: Self.time).message.contains("2026-06-18T08:33:20+05:00"))
        for rejection in Self.contractCases {
            #expect(!rejection.message.isEmpty)
            #expect(rejection.description == "\(rejection.code): \(rejection.message)")
        }
    }
}
