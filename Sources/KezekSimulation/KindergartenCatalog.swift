import Kezek

/// The simulated country's kindergartens: spread over the places by weight, with their languages, group
/// types and capacities, and an index from (place, language, group type) to the kindergartens offering it.
struct KindergartenCatalog {
    struct Kindergarten {
        var id: KindergartenID
        var locality: Int
        var languages: [LanguageCode]
        var groupTypes: [GroupType]
        var capacity: Int
    }

    private(set) var kindergartens: [Kindergarten] = []
    private var offering: [OfferKey: [Int]] = [:]

    struct OfferKey: Hashable {
        var locality: Int
        var language: LanguageCode
        var groupType: GroupType
    }

    /// `count` kindergartens over `geography`'s places, drawn from `random`.
    init(count: Int, geography: Geography, random: inout SeededGenerator) {
        self.geography = geography
        // Every place gets one when there are enough; the rest go by weight, the largest places first.
        let places = geography.localities
        let guaranteed = count >= places.count ? 1 : 0
        let shared = Double(count - guaranteed * places.count)
        var perPlace = places.map { guaranteed + Int(shared * $0.weight) }
        let byWeight = places.indices.sorted { places[$0].weight > places[$1].weight }
        var remaining = count - perPlace.reduce(0, +)
        var next = 0
        while remaining > 0 {
            perPlace[byWeight[next % byWeight.count]] += 1
            remaining -= 1
            next += 1
        }
        let uzbek = LanguageCode(rawValue: "uz")!
        for (place, number) in perPlace.enumerated() {
            let locality = places[place]
            let urban = number >= 60
            for serial in stride(from: 1, through: number, by: 1) {
                var languages: [LanguageCode]
                let draw = Double.random(in: 0..<1, using: &random)
                if draw < locality.uzbekShare * 0.8 {
                    languages = [uzbek, .russian]
                } else if draw < 0.3 {
                    languages = [.kazakh, .russian]
                } else if draw < 0.3 + 0.7 * locality.kazakhShare {
                    languages = [.kazakh]
                } else {
                    languages = [.russian]
                }
                var groupTypes: [GroupType] = [.general]
                if Double.random(in: 0..<1, using: &random) < 0.08 { groupTypes.append(.special) }
                if Double.random(in: 0..<1, using: &random) < 0.03 { groupTypes.append(.sanatorium) }
                let capacity =
                    urban ? Int.random(in: 90...320, using: &random) : Int.random(in: 25...140, using: &random)
                let code = locality.code.description
                let id = try! KindergartenID(validating: "kg-\(code)-\(serial)")
                kindergartens.append(
                    Kindergarten(
                        id: id, locality: place, languages: languages, groupTypes: groupTypes, capacity: capacity))
            }
        }
        for (index, kindergarten) in kindergartens.enumerated() {
            for language in kindergarten.languages {
                for groupType in kindergarten.groupTypes {
                    offering[
                        OfferKey(locality: kindergarten.locality, language: language, groupType: groupType), default: []
                    ]
                    .append(index)
                }
            }
        }
    }

    private let geography: Geography

    /// The `registerKindergarten` commands, one per kindergarten.
    var registrations: [Command] {
        kindergartens.enumerated().map { index, kindergarten in
            let number = index + 1
            return .registerKindergarten(
                Command.RegisterKindergarten(
                    id: kindergarten.id,
                    name: KindergartenName(
                        kazakh: "№\(number) бөбекжай-бақша", russian: "Ясли-сад №\(number)"),
                    locality: geography.localities[kindergarten.locality].code, languages: kindergarten.languages,
                    groupTypes: kindergarten.groupTypes, capacity: kindergarten.capacity))
        }
    }

    /// The kindergartens of place `locality` with groups in `language` of `groupType`.
    func offering(locality: Int, language: LanguageCode, groupType: GroupType) -> [Int] {
        offering[OfferKey(locality: locality, language: language, groupType: groupType)] ?? []
    }
}
