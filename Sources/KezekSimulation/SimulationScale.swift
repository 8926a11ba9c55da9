public import Kezek

/// How big a simulated country is: kindergartens, applications over the span, seats a year.
///
/// ``national`` is Kazakhstan's size (about 12,000 kindergartens and a million applications over three
/// years); ``small`` is a twentieth of it, the demo's default, which runs in seconds.
public struct SimulationScale: Hashable, Sendable {
    /// The scale's name (`small`, `national`).
    public var name: String
    /// Kindergartens registered before the first application.
    public var kindergartens: Int
    /// Applications submitted over the whole span.
    public var applications: Int
    /// Seats published in bulletins per year.
    public var seatsPerYear: Int
    /// The first day simulated (Asia/Almaty).
    public var start: CivilDate
    /// The number of days simulated.
    public var days: Int

    /// A scale from its parts.
    public init(name: String, kindergartens: Int, applications: Int, seatsPerYear: Int, start: CivilDate, days: Int) {
        self.name = name
        self.kindergartens = kindergartens
        self.applications = applications
        self.seatsPerYear = seatsPerYear
        self.start = start
        self.days = days
    }

    /// Three years, from 1 June 2023 to 31 May 2026: three summer waves of applications.
    public static let defaultStart = try! CivilDate(year: 2023, month: 6, day: 1)
    /// 1,096 days.
    public static let defaultDays = 1_096

    /// A twentieth of the country: 600 kindergartens, 50,000 applications, 5,000 seats a year.
    public static let small = SimulationScale(
        name: "small", kindergartens: 600, applications: 50_000, seatsPerYear: 5_000, start: defaultStart,
        days: defaultDays)

    /// The country: 12,000 kindergartens, 1,000,000 applications, 100,000 seats a year.
    public static let national = SimulationScale(
        name: "national", kindergartens: 12_000, applications: 1_000_000, seatsPerYear: 100_000,
        start: defaultStart, days: defaultDays)

    /// A very small scale for tests: 30 kindergartens, 800 applications over 420 days.
    public static let tiny = SimulationScale(
        name: "tiny", kindergartens: 30, applications: 800, seatsPerYear: 250, start: defaultStart, days: 420)

    /// The scale called `name` (`tiny`, `small`, `national`), or `nil`.
    public static func named(_ name: String) -> SimulationScale? {
        [tiny, small, national].first { $0.name == name }
    }
}
