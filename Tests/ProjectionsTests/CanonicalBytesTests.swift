import Kezek
import KezekDomainTestSupport
import Projections
import Testing

/// The canonical bytes (the state digest's input) and the checkpoint of seeded histories, pinned: the
/// canonical bytes to the digests the first format gave (the families and the catalog are written from
/// the decision state since checkpoint format 3, byte for byte as their read models wrote them), the
/// checkpoint to those of its format 3 (which keeps of bulletins and referrals only their links). A
/// change in how the read models are kept must not change a byte of either without a new checkpoint
/// format.
@Suite struct CanonicalBytesTests {
    /// The SHA-256 of the canonical bytes and of the checkpoint, in hexadecimal.
    static func digests(of projections: Projections, _ state: KezekState) -> (canonical: String, checkpoint: String) {
        (
            SHA256Hasher.hash(projections.canonical(with: state)).description,
            SHA256Hasher.hash(projections.encodeCheckpoint()).description
        )
    }

    @Test(
        arguments: [
            (
                1, "6b7464ab3b5d8ecc410f03e653f4320b40d0fcc5a6c24667582a3dbc2922749d",
                "ddc668bb7847dfdf630fb02d9b0dd16534e681e62e51bed62910e4625a65f21c"
            ),
            (
                2, "f91830cda964b525099c9e23a4ee8df18b18b33e8d56dfbdd27e4f4cbd5ec222",
                "1575253be48a8175dac0518f5e1592fcf7921c7e478cd71c23730cba569e6898"
            ),
            (
                3, "296501e20d4b5381004af5b45b744866947db770371082b7c5d02dd388f7c5e6",
                "3be5498b0bf7701e1e870d479447f58d5c305f0c6db692b9aa9a8986388ee66c"
            ),
        ] as [(UInt64, String, String)])
    func seededHistoriesKeepTheirDigests(seed: UInt64, canonical: String, checkpoint: String) {
        let (commits, state) = HistoryHarness.history(seed: seed, steps: 2500)
        var projections = Projections()
        projections.apply(commits)
        let found = Self.digests(of: projections, state)
        #expect(found.canonical == canonical, "seed \(seed)")
        #expect(found.checkpoint == checkpoint, "seed \(seed)")
    }

    /// Submissions in random time order into a few queues (many slots inserted before others), some
    /// withdrawn, some with their tier changed.
    @Test func outOfOrderSubmissionsKeepTheirDigests() throws {
        var g = SeededGenerator(seed: 11)
        var projections = Projections()
        var state = KezekState()
        var position: UInt64 = 1
        let start: Int64 = 1_781_753_600_000
        for number in 1...600 as ClosedRange<UInt64> {
            let child = HistoryHarness.iin(born: CivilDate(daysSinceEpoch: 19_000 + Int(number)), serial: 1)
            let key = QueueKey(
                locality: HistoryHarness.almaty, birthYear: 2022 + Int.random(in: 0...2, using: &g),
                language: .kazakh, groupType: .general)
            let time = Timestamp(millisecondsSinceEpoch: start + Int64.random(in: 0..<1_000_000, using: &g))
            let tier = Tier.allCases.randomElement(using: &g)!
            let submitted = Event.ApplicationSubmitted(
                application: ApplicationNumber(rawValue: number), applicant: child, child: child, key: key,
                submittedAt: time, tier: tier, policy: Policy.v2024.version)
            projections.apply(.applicationSubmitted(submitted), at: time, position: position)
            state.evolve(.applicationSubmitted(submitted), at: time)
            position += 1
        }
        let later = Timestamp(millisecondsSinceEpoch: start + 2_000_000)
        for number in stride(from: 7, through: 600, by: 7) as StrideThrough<UInt64> {
            let event: Event = .applicationWithdrawn(.init(application: ApplicationNumber(rawValue: number)))
            projections.apply(event, at: later, position: position)
            state.evolve(event, at: later)
            position += 1
        }
        for number in stride(from: 5, through: 600, by: 11) as StrideThrough<UInt64> {
            let event: Event = .priorityRejected(
                .init(
                    application: ApplicationNumber(rawValue: number), category: .military, tier: .general,
                    policy: Policy.v2024.version))
            projections.apply(event, at: later, position: position)
            state.evolve(event, at: later)
            position += 1
        }
        let found = Self.digests(of: projections, state)
        #expect(found.canonical == "f982c333c760d642ff0640b6a01c57144f663bbf04309e06bb45889f2f1cc712")
        #expect(found.checkpoint == "b51d821ffa190a8375d112052a932a252fe74a80e9c5ef29cc965763f2f4cdbc")
        #expect(try Projections(checkpoint: projections.encodeCheckpoint()) == projections)
    }
}
