public import Kezek

/// Every application ever submitted (the archive included), with its history: the data of the
/// application card, an applicant's and a child's applications, and the notifications.
///
/// Rows are fixed-size and live in one array; histories are linked lists through one array of
/// 32-byte entries, so a million applications cost no per-application allocation.
public struct ApplicationProjection: Equatable, Sendable {
    var rows: [ApplicationRow] = []
    var rowIndex = RowIndex()
    var history: [HistoryEntry] = []
    /// Interned kindergarten ids of ranked choices.
    var kindergartenIDs: [KindergartenID] = []
    var kindergartenIndex: [KindergartenID: UInt32] = [:]
    /// The full ranked list of the rare application that named more than four kindergartens.
    var extraKindergartens: [ApplicationNumber: [KindergartenID]] = [:]
    /// The newest application of each applicant and each child (heads of the row links).
    var lastOfApplicant = IINTable<UInt32>()
    var lastOfChild = IINTable<UInt32>()

    /// No applications.
    public init() {}

    /// How many applications were ever submitted.
    public var count: Int { rows.count }

    /// Whether an application was submitted under `number`.
    public func contains(_ number: ApplicationNumber) -> Bool { rowIndex[number] != nil }

    /// The ranked kindergartens of an application, most wanted first.
    public func kindergartens(of number: ApplicationNumber) -> [KindergartenID] {
        if let extra = extraKindergartens[number] { return extra }
        guard let row = rowIndex[number] else { return [] }
        return rows[Int(row)].kindergartens.indices.map { kindergartenIDs[Int($0)] }
    }

    /// An application's history, oldest first.
    public func history(of number: ApplicationNumber) -> [HistoryItem] {
        guard let row = rowIndex[number] else { return [] }
        return entryIndices(from: rows[Int(row)].lastHistory).reversed().map { item(at: $0) }
    }

    /// An applicant's applications, in submission order.
    public func applications(ofApplicant applicant: IIN) -> [ApplicationNumber] {
        chain(from: lastOfApplicant[applicant] ?? ApplicationRow.none, \.previousOfApplicant)
    }

    /// A child's applications, in submission order.
    public func applications(ofChild child: IIN) -> [ApplicationNumber] {
        chain(from: lastOfChild[child] ?? ApplicationRow.none, \.previousOfChild)
    }

    /// What happened to an applicant's applications, newest first: at most `limit` lines.
    public func notifications(for applicant: IIN, limit: Int = .max) -> [HistoryItem] {
        var entries: [UInt32] = []
        for number in applications(ofApplicant: applicant) {
            entries += entryIndices(from: rows[Int(rowIndex[number]!)].lastHistory)
        }
        entries.sort { (history[Int($0)].position, $0) > (history[Int($1)].position, $1) }
        return entries.prefix(max(0, limit)).map { item(at: $0) }
    }

    // MARK: Updating

    /// Adds a row for a submission; `nil` when the number is taken (the event is then ignored).
    mutating func insert(_ event: Event.ApplicationSubmitted) -> UInt32? {
        guard rowIndex[event.application] == nil else { return nil }
        let index = UInt32(rows.count)
        var row = ApplicationRow(event)
        row.kindergartens = RankedKindergartens(event.kindergartens.map { intern($0) })
        if event.kindergartens.count > 4 { extraKindergartens[event.application] = event.kindergartens }
        row.previousOfApplicant = lastOfApplicant[event.applicant] ?? ApplicationRow.none
        row.previousOfChild = lastOfChild[event.child] ?? ApplicationRow.none
        lastOfApplicant[event.applicant] = index
        lastOfChild[event.child] = index
        rows.append(row)
        rowIndex[event.application] = index
        return index
    }

    /// Appends a line to a row's history.
    mutating func record(
        _ type: EventType, row: UInt32, at time: Timestamp, position: UInt64, detail: UInt64 = 0, code: UInt8 = 0
    ) {
        history.append(
            HistoryEntry(
                position: position, time: time.millisecondsSinceEpoch, detail: detail, row: row,
                previous: rows[Int(row)].lastHistory, type: type, code: code))
        rows[Int(row)].lastHistory = UInt32(history.count - 1)
    }

    private mutating func intern(_ id: KindergartenID) -> UInt32 {
        if let index = kindergartenIndex[id] { return index }
        let index = UInt32(kindergartenIDs.count)
        kindergartenIDs.append(id)
        kindergartenIndex[id] = index
        return index
    }

    // MARK: Walking links

    func entryIndices(from head: UInt32) -> [UInt32] {
        var result: [UInt32] = []
        var next = head
        while next != ApplicationRow.none {
            result.append(next)
            next = history[Int(next)].previous
        }
        return result
    }

    private func chain(from head: UInt32, _ link: KeyPath<ApplicationRow, UInt32>) -> [ApplicationNumber] {
        var result: [ApplicationNumber] = []
        var next = head
        while next != ApplicationRow.none {
            result.append(rows[Int(next)].number)
            next = rows[Int(next)][keyPath: link]
        }
        return result.reversed()
    }

    func item(at index: UInt32) -> HistoryItem {
        let entry = history[Int(index)]
        return HistoryItem(
            application: rows[Int(entry.row)].number, position: entry.position,
            time: Timestamp(millisecondsSinceEpoch: entry.time), type: entry.type, description: entry.description)
    }
}

/// One line of an application's history, or one notification: what happened, when, in plain words.
public struct HistoryItem: Hashable, Sendable {
    /// The application it happened to.
    public var application: ApplicationNumber
    /// The log position of the event.
    public var position: UInt64
    /// When it happened.
    public var time: Timestamp
    /// The event's type.
    public var type: EventType
    /// A short description, e.g. `referral 12 issued by bulletin 4`.
    public var description: String

    /// An item from its parts.
    public init(application: ApplicationNumber, position: UInt64, time: Timestamp, type: EventType, description: String)
    {
        self.application = application
        self.position = position
        self.time = time
        self.type = type
        self.description = description
    }
}
