import Testing

@testable import Kezek

/// Every error code of the command-line contract is produced by command decoding or by `decide` (password
/// rules by `Password`, since no command of the contract carries a password), and its message names the bad
/// value.
@Suite struct RejectionCoverageTests {
    typealias H = DecideHarness

    static let contractCodes = [
        "malformedCommand", "unknownCommand", "invalidIIN", "invalidPhone", "invalidPassword", "unknownApplicant",
        "duplicateApplicant", "unknownChild", "genderMismatch", "childTooOld", "duplicateApplication",
        "unknownLocality", "unknownKindergarten", "tooManyKindergartens", "consentRequired", "unknownCategory",
        "documentsRequired", "documentExpired", "unknownApplication", "applicationNotActive", "childEnrolled",
        "unknownBulletin", "bulletinClosed", "bulletinKeyMismatch", "unknownReferral", "referralNotPending",
        "extensionUsed", "priorityNotVerified", "stopListed", "timeWentBackwards", "personNotFound",
    ]

    static let at = #""at":"2026-06-18T08:33:20+05:00""#

    static func decoded(_ fields: String) -> Rejection? {
        if case .failure(let rejection) = Command.decode("{\(at),\(fields)}") { return rejection }
        return nil
    }

    static func decided(_ setUp: (inout DecideHarness) -> Command) -> Rejection? {
        var h = H()
        let command = setUp(&h)
        let before = h.state
        guard case .failure(let rejection) = h.run(command) else { return nil }
        #expect(h.state == before)
        return rejection
    }

    /// A rejection with `code`, and the text its message must contain.
    static func produce(_ code: String) -> (Rejection?, String) {
        let child = H.child()
        let submit =
            #""type":"submitApplication","applicant":"850612304561","child":""# + child.rawValue + #"","#
            + #""locality":"750000000","language":"kk","groupType":"general""#
        switch code {
        case "malformedCommand": return (decoded(#""type":"confirmInterest""#), "application")
        case "unknownCommand": return (decoded(#""type":"fly""#), "fly")
        case "invalidIIN":
            return (decoded(#""type":"registerApplicant","iin":"061211600013","phone":"+77011234567""#), "061211600013")
        case "invalidPhone":
            return (decoded(#""type":"registerApplicant","iin":"061211600012","phone":"+77272123456""#), "7272123456")
        case "invalidPassword":
            do throws(PasswordError) {
                _ = try Password(validating: "short")
                return (nil, "")
            } catch {
                return (.invalidPassword(error), "5 characters")
            }
        case "consentRequired": return (decoded(submit + #","consent":false"#), "consent")
        case "unknownCategory":
            return (decoded(submit + #","consent":true,"priority":{"category":"pirate","documents":[]}"#), "pirate")
        case "unknownApplicant":
            return (
                decided { _ in .addChild(Command.AddChild(applicant: H.parent, child: child, gender: .female)) },
                H.parent.rawValue
            )
        case "duplicateApplicant":
            return (
                decided { h in
                    h.registerApplicant()
                    return .registerApplicant(
                        Command.RegisterApplicant(applicant: H.parent, phone: try! PhoneNumber(parsing: "+77011234567"))
                    )
                }, H.parent.rawValue
            )
        case "unknownChild":
            return (
                decided { h in
                    h.registerApplicant()
                    return H.submission(child)
                }, child.rawValue
            )
        case "genderMismatch":
            return (
                decided { h in
                    h.registerApplicant()
                    return .addChild(Command.AddChild(applicant: H.parent, child: child, gender: .male))
                }, child.rawValue
            )
        case "childTooOld":
            let old = H.child(year: 2019)
            return (
                decided { h in
                    h.registerApplicant()
                    return .addChild(Command.AddChild(applicant: H.parent, child: old, gender: .female))
                }, old.rawValue
            )
        case "duplicateApplication":
            return (
                decided { h in
                    _ = h.submit(child)
                    return H.submission(child)
                }, child.rawValue
            )
        case "unknownLocality":
            return (
                decided { h in
                    h.registerApplicant()
                    h.addChild(child)
                    return H.submission(child, locality: KATOCode(rawValue: 999_999_999)!)
                }, "999999999"
            )
        case "unknownKindergarten":
            return (
                decided { h in
                    h.registerApplicant()
                    h.addChild(child)
                    return H.submission(child, kindergartens: [H.id("kg-404")])
                }, "kg-404"
            )
        case "tooManyKindergartens":
            return (
                decided { h in
                    h.registerApplicant()
                    h.addChild(child)
                    return H.submission(child, kindergartens: (1...5).map { h.registerKindergarten("kg-\($0)") })
                }, "5 kindergartens"
            )
        case "documentsRequired":
            return (
                decided { h in
                    h.registerApplicant()
                    h.addChild(child)
                    return H.submission(child, priority: PriorityClaim(category: .orphan, documents: []))
                }, "orphan"
            )
        case "documentExpired":
            return (
                decided { h in
                    h.registerApplicant()
                    h.addChild(child)
                    return H.submission(child, priority: h.claim(.orphan, issuedDaysAgo: 45))
                }, "2026-05-04"
            )
        case "unknownApplication": return (decided { _ in .confirmInterest(31_337) }, "31337")
        case "applicationNotActive":
            return (
                decided { h in
                    let n = h.submit(child)
                    h.ok(.withdrawApplication(n))
                    return .confirmInterest(n)
                }, "1"
            )
        case "childEnrolled":
            return (
                decided { h in
                    var (r, n, referral) = DecideReferralTests.referred()
                    for command in [
                        Command.confirmReferral(referral), .registerEnrollment(referral), .confirmAdmission(referral),
                    ] { r.ok(command) }
                    h = r
                    return .withdrawApplication(n)
                }, child.rawValue
            )
        case "unknownBulletin":
            return (
                decided { h in .applyToBulletin(Command.ApplyToBulletin(application: h.submit(child), bulletin: 404)) },
                "404"
            )
        case "bulletinClosed":
            return (
                decided { h in
                    let kg = h.registerKindergarten("kg-1")
                    let n = h.submit(child)
                    let b = h.publish(kg)
                    h.tick(afterHours: 25)
                    return .applyToBulletin(Command.ApplyToBulletin(application: n, bulletin: b))
                }, "bulletin 1"
            )
        case "bulletinKeyMismatch":
            return (
                decided { h in
                    let kg = h.registerKindergarten("kg-1")
                    return .applyToBulletin(
                        Command.ApplyToBulletin(application: h.submit(child), bulletin: h.publish(kg, birthYear: 2024)))
                }, "bulletin 1"
            )
        case "unknownReferral": return (decided { _ in .confirmReferral(8080) }, "8080")
        case "referralNotPending":
            return (
                decided { h in
                    let (r, _, referral) = DecideReferralTests.referred()
                    h = r
                    return .registerEnrollment(referral)
                }, "referral 1"
            )
        case "extensionUsed":
            return (
                decided { h in
                    var (r, _, referral) = DecideReferralTests.referred()
                    r.ok(.confirmReferral(referral))
                    r.ok(.extendReferral(Command.ExtendReferral(referral: referral, days: 30)))
                    h = r
                    return .extendReferral(Command.ExtendReferral(referral: referral, days: 1))
                }, "referral 1"
            )
        case "priorityNotVerified":
            return (
                decided { h in
                    let (r, _, referral) = DecideReferralTests.referred(priority: .teacher)
                    h = r
                    return .confirmReferral(referral)
                }, "referral 1"
            )
        case "stopListed":
            return (
                decided { h in
                    let kg = h.registerKindergarten("kg-1")
                    let n = h.submit(child, priority: h.claim(.military))
                    h.ok(.verifyPriority(Command.VerifyPriority(application: n, verdict: .rejected)))
                    return .applyToBulletin(Command.ApplyToBulletin(application: n, bulletin: h.publish(kg)))
                }, "application 1"
            )
        case "timeWentBackwards":
            return (
                decided { h in
                    h.registerApplicant()
                    h.now = h.now.adding(seconds: -3600)
                    return .tick
                }, "time 2026-06-18T07:35:20+05:00"
            )
        case "personNotFound":
            return (
                decided { h in
                    h.registry = InMemoryPersonRegistry([])
                    return .registerApplicant(
                        Command.RegisterApplicant(applicant: H.parent, phone: try! PhoneNumber(parsing: "+77011234567"))
                    )
                }, H.parent.rawValue
            )
        default:
            return (nil, "")
        }
    }

    @Test(arguments: contractCodes) func producedWithAMessageNamingTheBadValue(code: String) {
        let (rejection, value) = Self.produce(code)
        #expect(rejection?.code == code, "\(String(describing: rejection))")
        #expect(rejection?.message.contains(value) == true, "\(String(describing: rejection?.message)) lacks \(value)")
    }

    @Test func theContractListsThirtyOneCodes() {
        #expect(Set(Self.contractCodes).count == 31)
        #expect(Set(Self.contractCodes) == Set(RejectionTests.contractCases.map(\.code)))
    }
}
