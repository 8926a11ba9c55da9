import Testing

@testable import Kezek

@Suite struct PasswordTests {
    @Test func lengthIsCountedInCharacters() throws {
        #expect(try Password(validating: "12345678").text == "12345678")
        #expect(try Password(validating: String(repeating: "x", count: 40)).text.count == 40)
        #expect(throws: PasswordError.tooShort(length: 7)) { try Password(validating: "1234567") }
        #expect(throws: PasswordError.tooLong(length: 41)) {
            try Password(validating: String(repeating: "x", count: 41))
        }
        // Eight family emoji: 8 characters although many more scalars and bytes.
        let emoji = String(repeating: "👨‍👩‍👧", count: 8)
        #expect(try Password(validating: emoji).text == emoji)
        #expect(throws: PasswordError.tooShort(length: 7)) {
            try Password(validating: "Қазақстан".prefix(7).description)
        }
    }

    @Test func mayNotBeThePhoneOrTheIIN() throws {
        let phone = try PhoneNumber(parsing: "+7 701 234 56 78")
        let iin = try IIN(parsing: "850612304561")
        for form in ["77012345678", "87012345678", "7012345678", "+77012345678"] {
            #expect(throws: PasswordError.equalsPhoneNumber) { try Password(validating: form, phone: phone) }
        }
        #expect(throws: PasswordError.equalsIIN) { try Password(validating: "850612304561", iin: iin) }
        #expect(throws: Never.self) { try Password(validating: "850612304562", phone: phone, iin: iin) }
        #expect(throws: PasswordError.confirmationMismatch) {
            try Password(validating: "correct horse", confirmation: "correct hose")
        }
    }

    @Test func neverShowsTheText() throws {
        let secret = "s3cret-Passw0rd"
        let password = try Password(validating: secret)
        #expect(!password.description.contains(secret))
        #expect(!String(reflecting: password).contains(secret))
        var dumped = ""
        dump(password, to: &dumped)
        #expect(!dumped.contains(secret))
        let errors: [PasswordError] = [
            .tooShort(length: 3), .tooLong(length: 50), .confirmationMismatch, .equalsPhoneNumber, .equalsIIN,
        ]
        for error in errors {
            #expect(error.code == "invalidPassword")
            #expect(!error.message.isEmpty)
        }
    }
}
