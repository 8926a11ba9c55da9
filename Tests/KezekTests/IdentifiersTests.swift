import Testing

@testable import Kezek

@Suite struct IdentifiersTests {
    @Test func numbersOrderAndPrint() {
        let first: ApplicationNumber = 287_529
        #expect(first.description == "287529")
        #expect(first < ApplicationNumber(rawValue: 287_530))
        #expect(BulletinNumber(rawValue: 3) > 2)
        #expect(ReferralNumber(rawValue: 7).rawValue == 7)
    }

    @Test func kindergartenIDValidation() throws {
        #expect(try KindergartenID(validating: "almaty-kg-0117").rawValue == "almaty-kg-0117")
        #expect(try KindergartenID(validating: "Балбөбек №5").description == "Балбөбек №5")
        #expect(try KindergartenID(validating: String(repeating: "ә", count: 64)).rawValue.count == 64)
        #expect(throws: KindergartenIDError.empty) { try KindergartenID(validating: "") }
        #expect(throws: KindergartenIDError.self) { try KindergartenID(validating: String(repeating: "a", count: 65)) }
        #expect(throws: KindergartenIDError.self) { try KindergartenID(validating: "kg\n1") }
        #expect(throws: KindergartenIDError.self) { try KindergartenID(validating: "kg\u{200B}1") }
        #expect(throws: KindergartenIDError.self) { try KindergartenID(validating: " kg") }
        #expect(KindergartenID(rawValue: "") == nil)
        let error = try #require(throws: KindergartenIDError.self) { try KindergartenID(validating: "kg\t1") }
        #expect(error.code == "invalidKindergartenID")
        #expect(error.message.contains("U+9"))
    }
}
