import Kezek
import KezekDomainTestSupport
import Projections
import Testing

/// The canonical bytes (the state digest's input) and the checkpoint of seeded histories, pinned: the
/// canonical bytes to the digests of canonical version 2 (which covers only what the read models keep:
/// the queues, each application's tier, status, stage, referral and child link, and the statistics),
/// the checkpoint to those of its format 6 (the children's links saved with their index, its slots
/// tagged). A change in how the read models are kept must not change a byte of either without a new
/// version.
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
                1, "62a207b1399095852c5a4d8586da82ce10f62dbb07b385c45b605daf7ae837c9",
                "99c7ed62319c7a85fab446ef334ad2b800ad4e31356b2a60e0ea104084477524"
            ),
            (
                2, "a6dc0c955140997efaa44a7f0cffe1142c401de2e24a76080c7074d721277d6f",
                "a52d213d99712ac5b680ff779aca65cd9a005e28e3576802d891eb4b1626fcf8"
            ),
            (
                3, "3f80d1b6d9ca862ed7d2f49d7f50aa47b562a552a256604fc695cc0b61a271ed",
                "dd05ddcd806364808d5394b4c7f428bbece8b9c79834349388437d92333796a8"
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
        #expect(found.canonical == "aab34a9c3975e1f726e70a67121022f81bfd5977ba37d2258fe1e7be68392e0e")
        #expect(found.checkpoint == "9f7e403ada83754384aad65310a75c53bdcc39d53044d54a6c3d0e7b2b5405bf")
        #expect(try Projections(checkpoint: projections.encodeCheckpoint()) == projections)
    }
}
