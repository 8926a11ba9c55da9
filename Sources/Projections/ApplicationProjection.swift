public import Kezek

/// Every application ever submitted (the archive included), as far as the read models' fold needs it:
/// its tier and status (for its queue membership), the stage of the five it stands at, the referral it
/// holds, and the link to its child's previous application (an applicant's children list them all).
///
/// The rest of an application is not kept twice: its card is the decision state's record
/// (`KezekState.applications`), its history and notifications are the events of its streams in the log.
/// Rows are fixed-size and live in one array, so a million applications cost no per-application
/// allocation.
public struct ApplicationProjection: Equatable, Sendable {
    var rows: [ApplicationRow] = []
    var rowIndex = RowIndex()
    /// The newest application of each child (the head of the row links).
    var lastOfChild = IINTable<UInt32>()

    /// No applications.
    public init() {}

    /// How many applications were ever submitted.
    public var count: Int { rows.count }

    /// Whether an application was submitted under `number`.
    public func contains(_ number: ApplicationNumber) -> Bool { rowIndex[number] != nil }

    /// The stage of the five an application stands at, `nil` for an unknown number.
    public func stage(of number: ApplicationNumber) -> ApplicationStage? {
        rowIndex[number].map { rows[Int($0)].stage }
    }

    /// A child's applications, in submission order.
    public func applications(ofChild child: IIN) -> [ApplicationNumber] {
        var result: [ApplicationNumber] = []
        var next = lastOfChild[child] ?? ApplicationRow.none
        while next != ApplicationRow.none {
            result.append(rows[Int(next)].number)
            next = rows[Int(next)].previousOfChild
        }
        return result.reversed()
    }

    /// Adds a row for a submission; `nil` when the number is taken (the event is then ignored).
    mutating func insert(_ event: Event.ApplicationSubmitted) -> UInt32? {
        guard rowIndex[event.application] == nil else { return nil }
        let index = UInt32(rows.count)
        var row = ApplicationRow(number: event.application, tier: event.tier)
        row.previousOfChild = lastOfChild[event.child] ?? ApplicationRow.none
        lastOfChild[event.child] = index
        rows.append(row)
        rowIndex[event.application] = index
        return index
    }
}
