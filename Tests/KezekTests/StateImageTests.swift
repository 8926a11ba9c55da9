import Dispatch
import KezekDomainTestSupport
import Testing

@testable import Kezek

/// The state's image (what the engine's checkpoint saves): it reads back to the same state with the same
/// tables, indexes and deadline heaps, so that the loaded state goes on exactly as the saved one; bytes
/// that break its layout are refused with a typed error, never a crash.
@Suite struct StateImageTests {
    typealias H = DecideHarness

    static func decode(_ bytes: [UInt8]) throws -> KezekState {
        try BinaryReader.withReader(bytes) { reader in
            let state = try KezekState(image: &reader)
            try reader.expectEnd()
            return state
        }
    }

    /// A random history of `steps` commands, with the loaded image of the state every `every` steps
    /// folding the same events from then on.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func randomHistoriesReadBackAndGoOn(seed: UInt64) throws {
        var world = RandomWorld(seed: seed)
        var (h, _) = H.fastLapsing(world)
        var loaded = KezekState()
        var images = 0
        for step in 0..<2000 {
            if step % 250 == 0 {
                let bytes = h.state.image
                loaded = try Self.decode(bytes)
                #expect(loaded == h.state, "seed \(seed) step \(step)")
                #expect(loaded.image == bytes, "seed \(seed) step \(step): the image is not read back exactly")
                images += 1
            }
            let command = world.command(in: h.state, now: &h.now)
            let context = h.context.looking(up: command, in: h.registry)
            let envelope = CommandEnvelope(command, at: h.now)
            let result = decide(envelope, in: h.state, context: context)
            // The loaded state decides the same (its indexes answer the lookups `decide` makes).
            #expect(decide(envelope, in: loaded, context: context) == result, "seed \(seed) step \(step)")
            guard case .success(let events) = result else { continue }
            h.state.evolve(events, at: h.now)
            loaded.evolve(events, at: h.now)
            if step % 50 == 0 {
                for days in [0, 30, 400] {
                    let time = h.now.adding(days: days)
                    #expect(loaded.referralsDue(by: time).map(\.number) == h.state.referralsDue(by: time).map(\.number))
                }
            }
        }
        #expect(loaded == h.state)
        #expect(loaded.image == h.state.image)
        // The people's and the applications' parts decoded on other threads give the same state.
        let bytes = h.state.image
        let concurrent = try BinaryReader.withReader(bytes) { reader in
            try KezekState(image: &reader) { work in
                let done = DispatchSemaphore(value: 0)
                DispatchQueue.global().async {
                    work()
                    done.signal()
                }
                return { done.wait() }
            }
        }
        #expect(concurrent == h.state)
        #expect(loaded.canonicalBytes == h.state.canonicalBytes)
        #expect(images == 8)
        #expect(
            h.state.applications.count > 20 && h.state.referrals.count > 5,
            "\(h.state.applications.count) \(h.state.referrals.count) \(h.state.bulletins.count)")
    }

    @Test("long rankings, records beyond the array and an empty state read back")
    func edgesReadBack() throws {
        var state = RankedKindergartensTests.state()
        let far = ApplicationNumber(rawValue: 1 << 40)
        let child = IIN(birthDate: try CivilDate(year: 2022, month: 3, day: 4), sex: .female, serial: 77)!
        state.evolve(
            .applicationSubmitted(
                .init(
                    application: far, applicant: child, child: child, key: RankedKindergartensTests.key,
                    submittedAt: RankedKindergartensTests.time, tier: .general, policy: PolicyVersion(rawValue: "x"))),
            at: RankedKindergartensTests.time)
        #expect(state.applications.recordsBeyondArray.count == 1)
        for candidate in [state, KezekState()] {
            let decoded = try Self.decode(candidate.image)
            #expect(decoded == candidate)
            #expect(decoded.image == candidate.image)
        }
        let decoded = try Self.decode(state.image)
        #expect(decoded.kindergartens(of: try #require(decoded.applications[9])).count == 6)
        #expect(decoded.applications[far]?.policy.rawValue == "x")
    }

    @Test("every cut of an image, and another format, is refused with a typed error")
    func truncatedImagesAreRefused() throws {
        var world = RandomWorld(seed: 5)
        var h = H()
        h.registry = world.registry
        for _ in 0..<300 {
            let command = world.command(in: h.state, now: &h.now)
            let context = h.context.looking(up: command, in: h.registry)
            if case .success(let events) = decide(CommandEnvelope(command, at: h.now), in: h.state, context: context) {
                h.state.evolve(events, at: h.now)
            }
        }
        let bytes = h.state.image
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 1500)) {
            #expect(throws: BinaryDecodingError.self, "cut at \(length)") { try Self.decode(Array(bytes[..<length])) }
        }
        var other = bytes
        other[0] = KezekState.imageFormatVersion &+ 1
        #expect(throws: BinaryDecodingError.self) { try Self.decode(other) }
        // Flipped bytes either read as some state or are refused; nothing traps.
        var g = SeededGenerator(seed: 9)
        for _ in 0..<400 {
            var damaged = bytes
            damaged[Int.random(in: 1..<damaged.count, using: &g)] ^= UInt8.random(in: 1...255, using: &g)
            _ = try? Self.decode(damaged)
        }
    }

    @Test("an index, a heap or a ranking that could mislead a lookup is refused")
    func inconsistentPartsAreRefused() {
        var table = IINTable<Int>()
        let keys = (1...5).map { IIN(birthDate: try! CivilDate(year: 2021, month: 1, day: $0), sex: .male, serial: 1)! }
        for key in keys { table.appendPlace(key, 1) }
        func adopts(_ slots: [UInt32]) -> Bool { table.adoptIndex(slots) }
        #expect(!adopts([UInt32](repeating: 0, count: 8)))  // fewer than twice the places
        #expect(!adopts([UInt32](repeating: 0, count: 24)))  // not a power of two
        #expect(!adopts([6] + [UInt32](repeating: 0, count: 15)))  // a place that does not exist
        #expect(!adopts([]))
        #expect(adopts([UInt32](repeating: 0, count: 16)))
        #expect(TimeHeap(times: [1, 0], numbers: [1, 2]) == nil)
        #expect(TimeHeap(times: [1], numbers: [1, 2]) == nil)
        #expect(TimeHeap(times: [0, 1, 1], numbers: [1, 2, 3])?.count == 3)
        let unused = UInt32.max
        #expect(RankedKindergartens(places: (0, unused, 1, unused), idCount: 2) == nil)
        #expect(RankedKindergartens(places: (0, 2, unused, unused), idCount: 2) == nil)
        #expect(RankedKindergartens(places: (1, 0, unused, unused), idCount: 2)?.numbers == [1, 0])
    }
}
