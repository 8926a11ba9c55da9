import Testing

@testable import Kezek

@Suite struct KATOTests {
    let registry = KATORegistry.standard

    @Test func parsesNineDigits() throws {
        let code = try KATOCode(parsing: "751710000")
        #expect(code.rawValue == 751_710_000)
        #expect(code.description == "751710000")
        #expect(code.region.description == "750000000")
        #expect(!code.isRegion && code.region.isRegion)
        #expect(code.significantDigits == "75171")
        for bad in ["75171000", "7517100000", "75171000a", "", "001710000", " 751710000", "-75171000"] {
            #expect(throws: KATOError.malformed(bad), "\(bad)") { try KATOCode(parsing: bad) }
        }
        #expect(KATOCode(rawValue: 1_000_000_000) == nil)
        #expect(KATOCode(rawValue: 9_999_999) == nil)
    }

    @Test func hasTheTwentyFirstLevelUnitsOfTheCSV() throws {
        let expected: [(String, String, String)] = [
            ("100000000", "Абай облысы", "Абайская область"), ("110000000", "Ақмола облысы", "Акмолинская область"),
            ("150000000", "Ақтөбе облысы", "Актюбинская область"),
            ("190000000", "Алматы облысы", "Алматинская область"),
            ("230000000", "Атырау облысы", "Атырауская область"),
            ("270000000", "Батыс Қазақстан облысы", "Западно-Казахстанская область"),
            ("310000000", "Жамбыл облысы", "Жамбылская область"), ("330000000", "Жетісу облысы", "Жетысуская область"),
            ("350000000", "Қарағанды облысы", "Карагандинская область"),
            ("390000000", "Қостанай облысы", "Костанайская область"),
            ("430000000", "Қызылорда облысы", "Кызылординская область"),
            ("470000000", "Маңғыстау облысы", "Мангистауская область"),
            ("550000000", "Павлодар облысы", "Павлодарская область"),
            ("590000000", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область"),
            ("610000000", "Түркістан облысы", "Туркестанская область"),
            ("620000000", "Ұлытау облысы", "Улытауская область"),
            ("630000000", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область"),
            ("710000000", "Астана", "г. Астана"), ("750000000", "Алматы", "г. Алматы"),
            ("790000000", "Шымкент", "г. Шымкент"),
        ]
        #expect(registry.regions.map(\.code.description) == expected.map(\.0))
        for (code, kazakh, russian) in expected {
            let unit = try #require(registry.unit(KATOCode(parsing: code)))
            #expect(unit.nameKazakh == kazakh)
            #expect(unit.nameRussian == russian)
            #expect(unit.parent == nil)
            #expect(unit.level == (code.hasPrefix("7") ? .city : .region))
        }
    }

    @Test func everyRegionHasSubunitsAndTheTreeIsConsistent() throws {
        #expect(registry.version == "2026-1")
        for region in registry.regions {
            #expect((2...8).contains(registry.children(of: region.code).count), "\(region.nameRussian)")
        }
        for unit in registry.units {
            guard let parent = unit.parent else { continue }
            #expect(registry.contains(parent))
            #expect(unit.code.region == parent.region)
            #expect(registry.children(of: parent).contains(unit))
            #expect(registry.path(to: unit.code).first?.parent == nil)
            #expect(registry.path(to: unit.code).last == unit)
        }
    }

    @Test func knownCitiesAndDistricts() throws {
        let arys = try #require(registry.unit(registry.parse("611600000")))
        #expect(arys.nameRussian == "Арысь" && arys.level == .city && arys.parent?.description == "610000000")
        let almatyDistricts = Set(registry.children(of: try KATOCode(parsing: "750000000")).map(\.nameRussian))
        #expect(
            almatyDistricts.isSuperset(of: [
                "Алмалинский район", "Ауэзовский район", "Бостандыкский район", "Медеуский район",
            ]))
        let astanaDistricts = Set(registry.children(of: try KATOCode(parsing: "710000000")).map(\.nameRussian))
        #expect(astanaDistricts.isSuperset(of: ["район Алматы", "район Есиль", "район Сарыарка", "район Байконур"]))
        #expect(try registry.path(to: registry.parse("195220100")).map(\.level) == [.region, .district, .settlement])
    }

    @Test func parseDistinguishesMalformedFromUnknown() throws {
        #expect(throws: KATOError.malformed("75171")) { try registry.parse("75171") }
        let unknown = try KATOCode(parsing: "759990000")
        #expect(throws: KATOError.unknown(unknown, registryVersion: "2026-1")) { try registry.parse("759990000") }
        let error = try #require(throws: KATOError.self) { try registry.parse("759990000") }
        #expect(error.code == "unknownLocality")
        #expect(error.message.contains("759990000") && error.message.contains("2026-1"))
        #expect(KATOError.malformed("x").code == "invalidLocality")
    }

    @Test func registryRejectsInconsistentData() throws {
        let region = KATORegistry.Unit(
            code: try KATOCode(parsing: "750000000"), parent: nil, level: .city, nameKazakh: "А", nameRussian: "А")
        let district = KATORegistry.Unit(
            code: try KATOCode(parsing: "751710000"), parent: region.code, level: .district, nameKazakh: "М",
            nameRussian: "М")
        #expect(throws: Never.self) { try KATORegistry(version: "t", units: [region, district]) }
        #expect(throws: KATORegistryError.duplicateCode(region.code)) {
            try KATORegistry(version: "t", units: [region, region])
        }
        #expect(throws: KATORegistryError.unknownParent(district.code, parent: region.code)) {
            try KATORegistry(version: "t", units: [district])
        }
        let misplaced = KATORegistry.Unit(
            code: try KATOCode(parsing: "711110000"), parent: region.code, level: .district, nameKazakh: "x",
            nameRussian: "x")
        #expect(throws: KATORegistryError.inconsistentParent(misplaced.code, parent: region.code)) {
            try KATORegistry(version: "t", units: [region, misplaced])
        }
        let orphan = KATORegistry.Unit(
            code: try KATOCode(parsing: "751810000"), parent: nil, level: .district, nameKazakh: "x", nameRussian: "x")
        #expect(throws: KATORegistryError.missingParent(orphan.code)) {
            try KATORegistry(version: "t", units: [orphan])
        }
    }
}
