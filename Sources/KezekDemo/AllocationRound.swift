public import Kezek

/// One allocation round: a tick that closed bulletins, with what their seats became.
public struct AllocationRound: Sendable, Equatable {
    /// The tick's time.
    public var time: Timestamp
    /// Bulletins closed together.
    public var bulletins: Int
    /// Seats they offered.
    public var seats: Int
    /// Seats that became referrals.
    public var admitted: Int
    /// Seats left free: nobody eligible was left to take them.
    public var unfilled: Int
    /// The cut-off of each bulletin that admitted anyone: the last admitted applicant's queue number.
    public var cutOffs: [Int]
    /// Wall-clock seconds the tick took in the engine (deciding, allocating, folding the events).
    public var seconds: Double

    /// A round from its parts.
    public init(
        time: Timestamp, bulletins: Int, seats: Int, admitted: Int, unfilled: Int, cutOffs: [Int], seconds: Double
    ) {
        self.time = time
        self.bulletins = bulletins
        self.seats = seats
        self.admitted = admitted
        self.unfilled = unfilled
        self.cutOffs = cutOffs
        self.seconds = seconds
    }

    /// The round a `tick` result describes (its `bulletinsClosed`, as `kezek apply` prints it), or `nil`
    /// when the tick closed no bulletin.
    public init?(tickResult fields: JSONObject, at time: Timestamp, seconds: Double) {
        guard case .array(let closed)? = fields["bulletinsClosed"], !closed.isEmpty else { return nil }
        var admitted = 0
        var unfilled = 0
        var cutOffs: [Int] = []
        for case .object(let bulletin) in closed {
            if case .array(let seats)? = bulletin["admitted"] { admitted += seats.count }
            if case .integer(let free)? = bulletin["unfilledSeats"] { unfilled += Int(free) }
            if case .object(let cutOff)? = bulletin["cutOff"], case .integer(let number)? = cutOff["queueNumber"] {
                cutOffs.append(Int(number))
            }
        }
        self.init(
            time: time, bulletins: closed.count, seats: admitted + unfilled, admitted: admitted, unfilled: unfilled,
            cutOffs: cutOffs, seconds: seconds)
    }
}

/// The rounds of one calendar month (Asia/Almaty) added up.
public struct MonthFigures: Sendable, Equatable {
    /// The year.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// Rounds that ran.
    public var rounds = 0
    /// Bulletins closed.
    public var bulletins = 0
    /// Seats offered.
    public var seats = 0
    /// Seats that became referrals.
    public var admitted = 0
    /// Seats left free.
    public var unfilled = 0
    /// Every cut-off of the month, ascending.
    public var cutOffs: [Int] = []

    /// `YYYY-MM`.
    public var label: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// The median cut-off queue number, or `nil` when no bulletin admitted anyone.
    public var medianCutOff: Int? { cutOffs.isEmpty ? nil : cutOffs[cutOffs.count / 2] }

    /// The highest cut-off queue number, or `nil`.
    public var highestCutOff: Int? { cutOffs.last }

    /// The rounds grouped by month, months in order; months without rounds are left out.
    static func group(_ rounds: [AllocationRound]) -> [MonthFigures] {
        var months: [MonthFigures] = []
        for round in rounds {
            let date = round.time.almatyDate
            if months.last.map({ $0.year != date.year || $0.month != date.month }) ?? true {
                months.append(MonthFigures(year: date.year, month: date.month))
            }
            months[months.count - 1].add(round)
        }
        for index in months.indices { months[index].cutOffs.sort() }
        return months
    }

    private mutating func add(_ round: AllocationRound) {
        rounds += 1
        bulletins += round.bulletins
        seats += round.seats
        admitted += round.admitted
        unfilled += round.unfilled
        cutOffs += round.cutOffs
    }
}
