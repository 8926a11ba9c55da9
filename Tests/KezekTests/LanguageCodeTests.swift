import Testing

@testable import Kezek

@Suite struct LanguageCodeTests {
    @Test func acceptsKnownCodes() throws {
        for code in ["kk", "ru", "uz", "en", "ug", "tg", "de"] {
            #expect(try LanguageCode(parsing: code).rawValue == code)
        }
        #expect(LanguageCode.kazakh.entry.nameKazakh == "қазақ тілі")
        #expect(LanguageCode.russian.description == "ru")
        #expect(Set(LanguageCode.known.map(\.code)).count == LanguageCode.known.count)
    }

    @Test func rejectsUnknownCodes() throws {
        for bad in ["KK", "kz", "", "rus", "xx", " kk"] {
            #expect(throws: LanguageCodeError.unknown(bad), "\(bad)") { try LanguageCode(parsing: bad) }
            #expect(LanguageCode(rawValue: bad) == nil)
        }
        let error = try #require(throws: LanguageCodeError.self) { try LanguageCode(parsing: "kz") }
        #expect(error.code == "unknownLanguage")
        #expect(error.message.contains("\"kz\""))
    }
}

@Suite struct GroupTypeTests {
    @Test func parsesTheContractNames() throws {
        #expect(try GroupType(parsing: "general") == .general)
        #expect(try GroupType(parsing: "special") == .special)
        #expect(try GroupType(parsing: "sanatorium") == .sanatorium)
        #expect(GroupType.allCases.sorted() == [.general, .special, .sanatorium])
        #expect(throws: GroupTypeError.unknown("General")) { try GroupType(parsing: "General") }
        let error = try #require(throws: GroupTypeError.self) { try GroupType(parsing: "nursery") }
        #expect(error.code == "unknownGroupType")
        #expect(error.message.contains("nursery"))
    }
}
