import Kezek
import KezekDomainTestSupport
import Projections
import Testing

/// The canonical bytes (the state digest's input) and the checkpoint of seeded histories, pinned: the
/// canonical bytes to the digests the first format gave, the checkpoint to those of its format 2 (which
/// added each applicant's and child's newest application in IIN order). A change in how the read models
/// are kept must not change a byte of either without a new checkpoint format.
@Suite struct CanonicalBytesTests {
    /// The SHA-256 of the canonical bytes and of the checkpoint, in hexadecimal.
    static func digests(of projections: Projections) -> (canonical: String, checkpoint: String) {
        (
            SHA256Hasher.hash(projections.canonical).description,
            SHA256Hasher.hash(projections.encodeCheckpoint()).description
        )
    }

    @Test(
        arguments: [
            (
                1, "6b7464ab3b5d8ecc410f03e653f4320b40d0fcc5a6c24667582a3dbc2922749d",
                "201770f886d1ff0e0f99ffd5b379931b0114a6f99bee07f61cf14057d0babaec"
            ),
            (
                2, "f91830cda964b525099c9e23a4ee8df18b18b33e8d56dfbdd27e4f4cbd5ec222",
                "5e0084520429704e65da55e54f856f1a304d86b6cafe9e6db4ae6d87d29773d4"
            ),
            (
                3, "296501e20d4b5381004af5b45b744866947db770371082b7c5d02dd388f7c5e6",
                "9780087983015136f0a6dadcd41d73f3563798020961ea3efd1dc428b2d464e2"
            ),
        ] as [(UInt64, String, String)])
    func seededHistoriesKeepTheirDigests(seed: UInt64, canonical: String, checkpoint: String) {
        let (commits, _) = HistoryHarness.history(seed: seed, steps: 2500)
        var projections = Projections()
        projections.apply(commits)
        let found = Self.digests(of: projections)
        #expect(found.canonical == canonical, "seed \(seed)")
        #expect(found.checkpoint == checkpoint, "seed \(seed)")
    }

    /// Submissions in random time order into a few queues (many slots inserted before others), some
    /// withdrawn, some with their tier changed.
    @Test func outOfOrderSubmissionsKeepTheirDigests() throws {
        var g = SeededGenerator(seed: 11)
        var projections = Projections()
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
            position += 1
        }
        let later = Timestamp(millisecondsSinceEpoch: start + 2_000_000)
        for number in stride(from: 7, through: 600, by: 7) as StrideThrough<UInt64> {
            let event: Event = .applicationWithdrawn(.init(application: ApplicationNumber(rawValue: number)))
            projections.apply(event, at: later, position: position)
            position += 1
        }
        for number in stride(from: 5, through: 600, by: 11) as StrideThrough<UInt64> {
            let event: Event = .priorityRejected(
                .init(
                    application: ApplicationNumber(rawValue: number), category: .military, tier: .general,
                    policy: Policy.v2024.version))
            projections.apply(event, at: later, position: position)
            position += 1
        }
        let found = Self.digests(of: projections)
        #expect(found.canonical == "f982c333c760d642ff0640b6a01c57144f663bbf04309e06bb45889f2f1cc712")
        #expect(found.checkpoint == "ba62fb57b50bd0b8722f41f4a4d314423c63d84997532bbe768022bc0aef78df")
        #expect(try Projections(checkpoint: projections.encodeCheckpoint()) == projections)
    }
}
