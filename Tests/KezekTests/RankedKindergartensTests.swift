import KezekDomainTestSupport
import Testing

@testable import Kezek

/// Applications keep their ranked kindergartens as numbers in the state's table of ids: the ids read
/// back exactly as submitted (more than four too, which the fold keeps though no policy allows it), the
/// table's order is the order first named, and the canonical form carries both.
@Suite struct RankedKindergartensTests {
    static let time = Timestamp(millisecondsSinceEpoch: 1_780_000_000_000)
    static let key = QueueKey(
        locality: KATOCode(rawValue: 751_110_000)!, birthYear: 2023, language: .kazakh, groupType: .general)

    static func id(_ text: String) -> KindergartenID { KindergartenID(rawValue: text)! }

    /// Submissions, out of number order, naming none, some, and six kindergartens (some twice across
    /// applications).
    static let lists: [(UInt64, [KindergartenID])] = [
        (5, [id("kg-b"), id("kg-a")]),
        (2, []),
        (9, [id("kg-c"), id("kg-a"), id("kg-d"), id("kg-e"), id("kg-f"), id("kg-g")]),
        (3, [id("kg-a"), id("kg-h"), id("kg-b"), id("kg-c")]),
    ]

    static func state() -> KezekState {
        var state = KezekState()
        for (serial, (number, kindergartens)) in lists.enumerated() {
            let child = IIN(birthDate: try! CivilDate(year: 2023, month: 1, day: 1), sex: .male, serial: serial + 1)!
            state.evolve(
                .applicationSubmitted(
                    .init(
                        application: ApplicationNumber(rawValue: number), applicant: child, child: child, key: key,
                        submittedAt: time, tier: .general, policy: Policy.v2024.version, kindergartens: kindergartens)),
                at: time)
        }
        return state
    }

    @Test("the ids read back as submitted, numbered in the order first named")
    func idsReadBack() throws {
        let state = Self.state()
        for (number, kindergartens) in Self.lists {
            let record = try #require(state.applications[ApplicationNumber(rawValue: number)])
            #expect(state.kindergartens(of: record) == kindergartens, "application \(number)")
        }
        #expect(
            state.rankedKindergartenIDs.ids.map(\.rawValue) == [
                "kg-b", "kg-a", "kg-c", "kg-d", "kg-e", "kg-f", "kg-g", "kg-h",
            ])
    }

    @Test(
        "the table numbers ids as a dictionary of first appearances would, past many sizes",
        arguments: [1, 2] as [UInt64])
    func tableMatchesDictionary(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let pool = (0..<3_000).map { Self.id(["kg-\($0)", "балабақша \($0)", "kg-751110000-\($0)"][$0 % 3]) }
        var table = KindergartenIDTable()
        var reference: [KindergartenID: UInt32] = [:]
        for step in 0..<20_000 {
            let id = pool[Int.random(in: 0..<(50 + step / 6), using: &g) % pool.count]
            let expected = reference[id] ?? UInt32(reference.count)
            reference[id] = expected
            #expect(table.intern(id) == expected)
        }
        #expect(table.count == reference.count)
        #expect(table.ids.enumerated().allSatisfy { reference[$0.element] == UInt32($0.offset) })
        // Reading a canonical form back refuses an id already there and numbers the rest in order.
        var decoded = KindergartenIDTable()
        var added = 0
        for id in table.ids where decoded.appendDecoded(id) { added += 1 }
        let repeated = decoded.appendDecoded(table.ids[table.count / 2])
        #expect(added == table.count && !repeated)
        #expect(decoded == table)
    }

    @Test("the canonical form reads back to the same state, long rankings included")
    func roundTrip() throws {
        let state = Self.state()
        let bytes = state.canonicalBytes
        let decoded = try BinaryReader.withReader(bytes) { reader in try KezekState(canonicalBytes: &reader) }
        #expect(decoded == state)
        #expect(decoded.canonicalBytes == bytes)
        let long = try #require(decoded.applications[9])
        #expect(decoded.kindergartens(of: long).count == 6)
    }

    @Test("a canonical form naming an id twice or a number past the table is refused with a typed error")
    func damagedTablesAreRefused() throws {
        let bytes = Self.state().canonicalBytes
        func refused(_ damaged: [UInt8], _ type: String) -> Bool {
            do {
                try BinaryReader.withReader(damaged) { reader in _ = try KezekState(canonicalBytes: &reader) }
                return false
            } catch {
                return (error as? BinaryDecodingError)?.reason == .invalidValue(type: type)
            }
        }
        // The table's ids are written one after the other: make the second one the first.
        let first = Array("kg-b".utf8)
        let second = Array("kg-a".utf8)
        let at = try #require((0...(bytes.count - 4)).first { bytes[$0..<($0 + 4)].elementsEqual(second) })
        var twice = bytes
        twice.replaceSubrange(at..<(at + 4), with: first)
        #expect(refused(twice, "KindergartenID table"))
        // Application 2 names none and comes first; application 3 names four: its first number is 1 (kg-a).
        // Raise it past the table's eight ids.
        let tableEnd =
            try #require((0...(bytes.count - 4)).first { bytes[$0..<($0 + 4)].elementsEqual(Array("kg-h".utf8)) }) + 4
        let applicationThree = try #require((tableEnd..<bytes.count).first { bytes[$0] == 4 && bytes[$0 + 1] == 1 })
        var past = bytes
        past[applicationThree + 1] = 8
        #expect(refused(past, "kindergarten number"))
    }
}
