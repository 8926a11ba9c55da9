import Kezek
import KezekDomainTestSupport
import Testing

@testable import Projections

/// Queue numbers found through the locator of each application's queue and slot: numbers dense and far
/// apart, submissions out of time order (which move later slots), departures and tier changes, live and
/// after a checkpoint, against a naive sort.
@Suite struct QueueLocatorTests {
    /// One submitted application as the naive model keeps it.
    struct Member {
        var key: QueueKey
        var time: Int64
        var tier: Tier
        var inQueue = true
    }

    /// Every application's queue number the slow way: sort each queue by (tier, time, number).
    static func naiveNumbers(_ members: [ApplicationNumber: Member]) -> [ApplicationNumber: Int] {
        var byKey: [QueueKey: [(Int, Int64, ApplicationNumber)]] = [:]
        for (number, member) in members where member.inQueue {
            byKey[member.key, default: []].append((member.tier.rawValue, member.time, number))
        }
        var numbers: [ApplicationNumber: Int] = [:]
        for queue in byKey.values {
            for (rank, entry) in queue.sorted(by: <).enumerated() { numbers[entry.2] = rank + 1 }
        }
        return numbers
    }

    /// The applications whose queue number in `projections` is not the naive one.
    static func disagreements(_ projections: Projections, _ members: [ApplicationNumber: Member]) -> [String] {
        let expected = naiveNumbers(members)
        return members.keys.sorted().compactMap { number in
            let found = projections.queueNumber(of: number)
            return found == expected[number]
                ? nil : "\(number): \(String(describing: found)) != \(String(describing: expected[number]))"
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomSubmissionsMatchANaiveSort(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        var projections = Projections()
        var members: [ApplicationNumber: Member] = [:]
        var position: UInt64 = 1
        var next: UInt64 = 1
        let start: Int64 = 1_781_753_600_000
        let keys = (0..<3).map {
            QueueKey(locality: HistoryHarness.almaty, birthYear: 2022 + $0, language: .kazakh, groupType: .general)
        }
        func apply(_ event: Event) {
            projections.apply(event, at: Timestamp(millisecondsSinceEpoch: start), position: position)
            position += 1
        }
        for step in 0..<1500 {
            let roll = Int.random(in: 0..<100, using: &g)
            if roll < 50 || members.isEmpty {
                // Mostly the next number in time order; sometimes earlier, sometimes a number far away.
                let far: [UInt64] = [0, 1 << 17, 1 << 40, .max - 1, .max]
                let number = ApplicationNumber(rawValue: roll < 3 ? far.randomElement(using: &g)! : next)
                if roll >= 3 { next += 1 }
                let time = start + Int64(step) * 1000 - (roll < 10 ? Int64.random(in: 0...400_000, using: &g) : 0)
                let member = Member(
                    key: keys.randomElement(using: &g)!, time: time, tier: Tier.allCases.randomElement(using: &g)!)
                let child = HistoryHarness.iin(born: CivilDate(daysSinceEpoch: 19_000 + step % 1000), serial: 1)
                apply(
                    .applicationSubmitted(
                        Event.ApplicationSubmitted(
                            application: number, applicant: child, child: child, key: member.key,
                            submittedAt: Timestamp(millisecondsSinceEpoch: time), tier: member.tier,
                            policy: Policy.v2024.version)))
                // A number submitted before keeps its first application: the event is ignored.
                if members[number] == nil { members[number] = member }
            } else {
                let number = members.keys.sorted().randomElement(using: &g)!
                if roll < 65, members[number]!.inQueue {
                    apply(.applicationWithdrawn(.init(application: number)))
                    members[number]!.inQueue = false
                } else if roll < 80, members[number]!.inQueue {
                    apply(
                        .priorityRejected(
                            .init(
                                application: number, category: .military, tier: .general, policy: Policy.v2024.version))
                    )
                    members[number]!.tier = .general
                }
            }
            guard step % 100 == 0 || step == 1499 else { continue }
            let problems = Self.disagreements(projections, members)
            #expect(problems.isEmpty, "seed \(seed) step \(step): \(problems.prefix(5))")
        }
        #expect(projections.queueNumber(of: ApplicationNumber(rawValue: next + 5)) == nil)
        let restored = try Projections(checkpoint: projections.encodeCheckpoint())
        #expect(restored == projections)
        let problems = Self.disagreements(restored, members)
        #expect(problems.isEmpty, "seed \(seed), restored: \(problems.prefix(5))")
    }

    @Test func denseAndSparseNumbersKeepTheirLocations() {
        var locator = QueueLocator()
        let numbers: [UInt64] = [1, 2, 64, 1 << 16, 1 << 16 + 1, 1 << 20, 0, .max]
        for (index, number) in numbers.enumerated() {
            #expect(locator[ApplicationNumber(rawValue: number)] == nil)
            locator.set(ApplicationNumber(rawValue: number), queue: index, slot: 1000 * index)
        }
        for (index, number) in numbers.enumerated() {
            let location = locator[ApplicationNumber(rawValue: number)]
            #expect(location?.queue == index && location?.slot == 1000 * index, "\(number)")
        }
        // Numbers in the gaps of the dense array are in no queue.
        for number in [3, 63, 65, 1 << 16 - 1, 1 << 20 - 1, 1 << 20 + 1] as [UInt64] {
            #expect(locator[ApplicationNumber(rawValue: number)] == nil, "\(number)")
        }
        locator.set(ApplicationNumber(rawValue: 2), queue: 9, slot: Int(UInt32.max))
        #expect(locator[ApplicationNumber(rawValue: 2)]?.slot == Int(UInt32.max))
        #expect(locator[ApplicationNumber(rawValue: 2)]?.queue == 9)
    }
}
