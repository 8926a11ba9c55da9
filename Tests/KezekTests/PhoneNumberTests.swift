import Testing

@testable import Kezek

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        "+7 701 234 56 78", "+77012345678", "87012345678", "8 (701) 234-56-78", "77012345678", "7012345678",
        "701.234.56.78", "+7 (701) 234-56-78", "8-701-234-56-78",
    ])
    func normalisesEveryForm(text: String) throws {
        let phone = try PhoneNumber(parsing: text)
        #expect(phone.rawValue == "+77012345678")
        #expect(phone.description == "+77012345678")
        #expect(phone.nationalNumber == "7012345678")
    }

    @Test func rejectsOtherNumbers() {
        let cases: [(String, PhoneNumberError)] = [
            ("+7 701 234 56 7", .wrongLength("+7 701 234 56 7", digits: 10)),
            ("+7 701 234 56 789", .wrongLength("+7 701 234 56 789", digits: 12)),
            ("701234567", .wrongLength("701234567", digits: 9)),
            ("+7 727 234 56 78", .landline("+7 727 234 56 78")),
            ("8 7172 12 34 56", .landline("8 7172 12 34 56")),
            ("+7 916 123 45 67", .notKazakhstanMobile("+7 916 123 45 67")),
            ("89161234567", .notKazakhstanMobile("89161234567")),
            ("+996 701 234 567", .foreignCountry("+996 701 234 567")),
            ("+1 701 234 5678", .foreignCountry("+1 701 234 5678")),
            ("97012345678", .foreignCountry("97012345678")),
            ("+7 701 ABC 56 78", .invalidCharacter("+7 701 ABC 56 78", "A")),
            ("7012345678+", .invalidCharacter("7012345678+", "+")),
            ("", .noDigits("")),
            ("() -", .noDigits("() -")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try PhoneNumber(parsing: text) }
        }
    }

    @Test func rawValueAcceptsOnlyTheNormalForm() throws {
        #expect(PhoneNumber(rawValue: "+77012345678")?.rawValue == "+77012345678")
        #expect(PhoneNumber(rawValue: "87012345678") == nil)
        #expect(PhoneNumber(rawValue: "+7 701 234 56 78") == nil)
        let error = try #require(throws: PhoneNumberError.self) { try PhoneNumber(parsing: "+7 727 234 56 78") }
        #expect(error.code == "invalidPhone")
        #expect(error.message.contains("+7 727 234 56 78"))
    }
}
