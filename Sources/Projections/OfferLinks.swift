import Kezek

/// What the fold of the read models needs to know of bulletins and referrals, and no more: whether a
/// bulletin was published and closed, and which application a referral belongs to and whether it still
/// holds its seat. The records themselves (seats, deadlines, lists) are the decision state's
/// (`KezekState.bulletins`, `KezekState.referrals`), folded by the same events.
///
/// Follows exactly the checks `KezekState.evolve` makes, so that the read models change when and only
/// when the state does.
public struct OfferLinks: Equatable, Sendable {
    /// `true` once closed, for every published bulletin.
    var bulletinClosed = NumberedTable<BulletinNumber, Bool>()
    /// The application and status of every issued referral.
    var referrals = NumberedTable<ReferralNumber, ReferralLink>()

    /// Nothing published or issued.
    public init() {}

    /// How many bulletins were published.
    public var bulletinCount: Int { bulletinClosed.count }
    /// How many referrals were issued.
    public var referralCount: Int { referrals.count }

    /// Records a bulletin as open; a number already taken is left as it is (the event is then ignored).
    mutating func publish(_ number: BulletinNumber) {
        guard bulletinClosed[number] == nil else { return }
        bulletinClosed[number] = false
    }

    /// Whether `number` was published.
    func isPublished(_ number: BulletinNumber) -> Bool { bulletinClosed.contains(number) }

    /// Closes an open bulletin; `false` when it is unknown or closed already (nothing changed).
    mutating func close(_ number: BulletinNumber) -> Bool {
        guard bulletinClosed[number] == false else { return false }
        bulletinClosed[number] = true
        return true
    }

    /// Records a referral; `false` when the number was taken (the event is then ignored).
    mutating func issue(_ event: Event.ReferralIssued) -> Bool {
        guard referrals[event.referral] == nil else { return false }
        referrals[event.referral] = ReferralLink(application: event.application, status: .issued)
        return true
    }

    /// The application of a referral, if it was issued.
    func application(of number: ReferralNumber) -> ApplicationNumber? { referrals[number]?.application }

    /// Sets the status of an issued referral.
    mutating func set(_ number: ReferralNumber, to status: ReferralStatus) {
        referrals.update(number) { $0.status = status }
    }

    /// Ends a referral that holds a seat; returns its application, or `nil` when it held none (nothing
    /// changed).
    mutating func end(_ number: ReferralNumber, as status: ReferralStatus) -> ApplicationNumber? {
        let ended = referrals.update(number) { link -> ApplicationNumber? in
            guard link.status.holdsSeat else { return nil }
            link.status = status
            return link.application
        }
        return ended ?? nil
    }
}

/// A referral as the read models see it: whose it is and where it stands.
struct ReferralLink: Equatable, Sendable {
    var application: ApplicationNumber
    var status: ReferralStatus
}

extension OfferLinks {
    /// Writes the bulletins (number, closed) and the referrals (number, application, status) in number
    /// order.
    func encodeCheckpoint(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(bulletinClosed.count))
        for (number, closed) in bulletinClosed {
            writer.writeVarint(number.rawValue)
            writer.write(closed)
        }
        writer.writeVarint(UInt64(referrals.count))
        for (number, link) in referrals {
            writer.writeVarint(number.rawValue)
            writer.writeVarint(link.application.rawValue)
            CheckpointCoding.writeCase(link.status, to: &writer)
        }
    }

    /// Reads what `encodeCheckpoint(to:)` wrote; numbers must ascend (0, which no engine hands out, first).
    init(checkpoint reader: inout BinaryReader) throws(BinaryDecodingError) {
        let bulletinCount = try reader.readCount()
        bulletinClosed.reserveCapacity(bulletinCount)
        var bulletinNumbers = AscendingNumbers(order: "bulletin order")
        for _ in 0..<bulletinCount {
            let number = BulletinNumber(rawValue: try bulletinNumbers.next(from: &reader))
            bulletinClosed[number] = try reader.readBool()
        }
        let referralCount = try reader.readCount()
        referrals.reserveCapacity(referralCount)
        var referralNumbers = AscendingNumbers(order: "referral order")
        let statuses = ReferralStatus.allCases
        for _ in 0..<referralCount {
            let number = ReferralNumber(rawValue: try referralNumbers.next(from: &reader))
            referrals[number] = ReferralLink(
                application: ApplicationNumber(rawValue: try reader.readVarint()),
                status: try CheckpointCoding.readCase(from: &reader, in: statuses))
        }
    }
}

/// Numbers read one by one (varints), each above the one before.
private struct AscendingNumbers {
    /// What the error names when a number does not ascend.
    let order: String
    private var previous: UInt64?

    init(order: String) { self.order = order }

    /// The next number; fails naming ``order`` unless it is above the one before.
    mutating func next(from reader: inout BinaryReader) throws(BinaryDecodingError) -> UInt64 {
        let number = try reader.readVarint()
        guard previous.map({ number > $0 }) ?? true else { throw CheckpointCoding.invalid(order, at: reader) }
        previous = number
        return number
    }
}
