public import Kezek

/// Where people live in the simulated country: the lowest units of the KATO registry with a weight
/// (a share of the children) and the languages their families ask for.
///
/// Weights follow the regions' populations (2024 estimates, millions) with more children in the south;
/// Kazakh-language groups are the most asked for, Russian-language ones common in the north and in the
/// cities, Uzbek-language ones asked for in Turkistan region and Shymkent.
public struct Geography: Sendable {
    /// One place where kindergartens stand and families apply.
    public struct Locality: Hashable, Sendable {
        /// The KATO code applications and kindergartens of the place use.
        public var code: KATOCode
        /// Its first-level unit.
        public var region: KATOCode
        /// Its share of the country's children (all weights sum to 1).
        public var weight: Double
        /// The share of families asking for Kazakh-language groups.
        public var kazakhShare: Double
        /// The share asking for Uzbek-language groups.
        public var uzbekShare: Double
    }

    /// Per first-level unit: population (millions), birth-rate factor, Kazakh share, Uzbek share.
    static let regionProfiles: [UInt32: (population: Double, births: Double, kazakh: Double, uzbek: Double)] = [
        100_000_000: (0.61, 1.0, 0.80, 0),  // Abai
        110_000_000: (0.79, 0.9, 0.55, 0),  // Akmola
        150_000_000: (0.93, 1.1, 0.85, 0),  // Aktobe
        190_000_000: (1.51, 1.2, 0.80, 0),  // Almaty region
        230_000_000: (0.70, 1.3, 0.95, 0),  // Atyrau
        270_000_000: (0.69, 1.0, 0.80, 0),  // West Kazakhstan
        310_000_000: (1.22, 1.2, 0.85, 0),  // Zhambyl
        330_000_000: (0.70, 1.1, 0.80, 0),  // Zhetysu
        350_000_000: (1.13, 0.8, 0.50, 0),  // Karaganda
        390_000_000: (0.83, 0.7, 0.40, 0),  // Kostanay
        430_000_000: (0.83, 1.3, 0.95, 0),  // Kyzylorda
        470_000_000: (0.77, 1.5, 0.90, 0),  // Mangystau
        550_000_000: (0.75, 0.8, 0.45, 0),  // Pavlodar
        590_000_000: (0.53, 0.7, 0.35, 0),  // North Kazakhstan
        610_000_000: (2.11, 1.4, 0.82, 0.12),  // Turkistan
        620_000_000: (0.22, 0.9, 0.85, 0),  // Ulytau
        630_000_000: (0.72, 0.8, 0.50, 0),  // East Kazakhstan
        710_000_000: (1.43, 1.1, 0.72, 0),  // Astana
        750_000_000: (2.23, 0.9, 0.55, 0),  // Almaty
        790_000_000: (1.22, 1.3, 0.75, 0.08),  // Shymkent
    ]

    /// The places, in KATO code order.
    public let localities: [Locality]
    private let cumulative: [Double]

    /// The places of `registry`: every unit without lower units, sharing its region's weight (a region's
    /// first city counts double: most of the kindergartens are there).
    public init(registry: KATORegistry = .standard) {
        var localities: [Locality] = []
        for region in registry.regions {
            let profile = Self.regionProfiles[region.code.rawValue] ?? (0.5, 1.0, 0.7, 0)
            var leaves: [KATOCode] = []
            func collect(_ code: KATOCode) {
                let children = registry.children(of: code)
                if children.isEmpty { leaves.append(code) }
                for child in children { collect(child.code) }
            }
            collect(region.code)
            leaves.sort()
            let shares = leaves.indices.map { $0 == 0 ? 2.0 : 1.0 }
            let total = shares.reduce(0, +)
            for (leaf, share) in zip(leaves, shares) {
                localities.append(
                    Locality(
                        code: leaf, region: region.code, weight: profile.population * profile.births * share / total,
                        kazakhShare: profile.kazakh, uzbekShare: profile.uzbek))
            }
        }
        let sum = localities.reduce(0) { $0 + $1.weight }
        var running = 0.0
        var cumulative: [Double] = []
        for index in localities.indices {
            localities[index].weight /= sum
            running += localities[index].weight
            cumulative.append(running)
        }
        self.localities = localities
        self.cumulative = cumulative
    }

    /// The index of a place drawn by weight.
    public func randomLocality(using generator: inout some RandomNumberGenerator) -> Int {
        let draw = Double.random(in: 0..<1, using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > draw { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The language a family of locality `index` asks for.
    public func randomLanguage(at index: Int, using generator: inout some RandomNumberGenerator) -> LanguageCode {
        let locality = localities[index]
        let draw = Double.random(in: 0..<1, using: &generator)
        if draw < locality.uzbekShare { return LanguageCode(rawValue: "uz")! }
        if draw < locality.uzbekShare + locality.kazakhShare { return .kazakh }
        return .russian
    }
}
