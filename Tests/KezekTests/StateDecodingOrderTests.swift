import Testing

@testable import Kezek

/// A state's canonical form lists people in ascending IIN order; reading it back adds each without a
/// lookup, so a form that breaks the order is refused instead of read into a table with a key twice.
@Suite struct StateDecodingOrderTests {
    static let first = IIN(rawValue: "850612304561")!
    static let second = IIN(birthDate: try! CivilDate(year: 1990, month: 1, day: 1), sex: .male, serial: 1)!

    static func state() -> KezekState {
        var state = KezekState()
        let time = Timestamp(millisecondsSinceEpoch: 1_780_000_000_000)
        for iin in [second, first] {
            state.evolve(
                .applicantRegistered(.init(applicant: iin, phone: PhoneNumber(rawValue: "+77011234567")!)), at: time)
        }
        return state
    }

    static func bytes(of state: KezekState) -> [UInt8] {
        var writer = BinaryWriter()
        state.canonicalBytes(into: &writer)
        return writer.bytes
    }

    @Test("the canonical form reads back to the same state")
    func roundTrip() throws {
        let state = Self.state()
        let decoded = try BinaryReader.withReader(Self.bytes(of: state)) { reader in
            try KezekState(canonicalBytes: &reader)
        }
        #expect(decoded == state)
        #expect(decoded.applicants.keys == [Self.first, Self.second])
    }

    @Test("applicants out of IIN order are refused with a typed error")
    func outOfOrderIsRefused() throws {
        var bytes = Self.bytes(of: Self.state())
        // Swap the two IINs' digits where they are written: the records then come in descending order.
        func range(of iin: IIN) -> Range<Int>? {
            let digits = Array(iin.rawValue.utf8)
            return (0...(bytes.count - digits.count)).first { bytes[$0..<($0 + digits.count)].elementsEqual(digits) }
                .map { $0..<($0 + digits.count) }
        }
        let a = try #require(range(of: Self.first))
        let b = try #require(range(of: Self.second))
        let (digitsA, digitsB) = (Array(bytes[a]), Array(bytes[b]))
        bytes.replaceSubrange(a, with: digitsB)
        bytes.replaceSubrange(b, with: digitsA)
        #expect {
            try BinaryReader.withReader(bytes) { reader in _ = try KezekState(canonicalBytes: &reader) }
        } throws: { error in
            (error as? BinaryDecodingError)?.reason == .invalidValue(type: "IIN order")
        }
    }
}
