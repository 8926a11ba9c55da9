/// The English names of the first-level units of the classifier (as the Bureau of National Statistics
/// writes them), for the report; the classifier itself has the Kazakh and Russian names.
enum RegionNames {
    /// By KATO code.
    static let english: [UInt32: String] = [
        100_000_000: "Abai Region", 110_000_000: "Akmola Region", 150_000_000: "Aktobe Region",
        190_000_000: "Almaty Region", 230_000_000: "Atyrau Region", 270_000_000: "West Kazakhstan Region",
        310_000_000: "Zhambyl Region", 330_000_000: "Zhetysu Region", 350_000_000: "Karaganda Region",
        390_000_000: "Kostanay Region", 430_000_000: "Kyzylorda Region", 470_000_000: "Mangystau Region",
        550_000_000: "Pavlodar Region", 590_000_000: "North Kazakhstan Region", 610_000_000: "Turkistan Region",
        620_000_000: "Ulytau Region", 630_000_000: "East Kazakhstan Region", 710_000_000: "Astana",
        750_000_000: "Almaty", 790_000_000: "Shymkent",
    ]
}
