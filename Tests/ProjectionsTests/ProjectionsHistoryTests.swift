import Kezek
import Projections
import Testing

/// Seeded random histories from `decide` and `evolve`: the projections agree with the decision state
/// and with a naive sort after every commit, and checkpoints restore exactly what replay builds.
@Suite struct ProjectionsHistoryTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]

    @Test(arguments: seeds)
    func queueNumbersEqualTheDecisionStateAndANaiveSort(seed: UInt64) {
        var projections = Projections()
        var checks = 0
        var types: Set<EventType> = []
        _ = HistoryHarness.history(seed: seed, steps: 2500) { state, commit in
            projections.apply(commit.events, at: commit.time, position: commit.position)
            types.formUnion(commit.events.map(\.type))
            checks += 1
            let problems = Self.disagreements(projections, state)
            #expect(problems.isEmpty, "seed \(seed) at \(commit.position): \(problems.prefix(5))")
        }
        #expect(checks > 150, "seed \(seed): only \(checks) commits")
        for type in [
            EventType.applicationSubmitted, .bulletinClosed, .referralIssued, .admissionConfirmed,
            .referralExpired, .interestLapsed, .priorityRejected, .applicationWithdrawn,
        ] {
            #expect(types.contains(type), "seed \(seed): no \(type)")
        }
    }

    @Test func checkpointsOfAnotherVersionOrDamagedAreRefusedClearly() throws {
        let (commits, _) = HistoryHarness.history(seed: 9, steps: 400)
        var projections = Projections()
        projections.apply(commits)
        var bytes = projections.encodeCheckpoint()
        #expect(Array(bytes.prefix(5)) == Array("KZPJ".utf8) + [Projections.checkpointVersion])
        #expect(throws: CheckpointError.notACheckpoint) { try Projections(checkpoint: [1, 2, 3]) }
        bytes[4] = 99
        let error = #expect(throws: CheckpointError.self) { try Projections(checkpoint: bytes) }
        #expect(error == .unsupportedVersion(found: 99, supported: Projections.checkpointVersion))
        #expect(error?.message.contains("version 99 is not supported") == true)
        bytes[4] = Projections.checkpointVersion
        for cut in [5, 6, bytes.count / 2, bytes.count - 1] {
            #expect(throws: CheckpointError.self) { try Projections(checkpoint: Array(bytes.prefix(cut))) }
        }
        #expect(throws: CheckpointError.self) { try Projections(checkpoint: bytes + [0]) }
    }

    @Test func anEmptyStateRoundTrips() throws {
        let empty = Projections()
        #expect(try Projections(checkpoint: empty.encodeCheckpoint()) == empty)
        #expect(empty.queueNumber(of: 1) == nil && empty.stage(of: 1) == nil)
    }

    @Test(arguments: seeds)
    func checkpointRoundTripsAndResumesExactly(seed: UInt64) throws {
        let (commits, state) = HistoryHarness.history(seed: seed, steps: 2500)
        var onePass = Projections()
        onePass.apply(commits)
        #expect(Self.disagreements(onePass, state).isEmpty)
        let loaded = try Projections(checkpoint: onePass.encodeCheckpoint())
        #expect(loaded == onePass)
        #expect(loaded.canonical == onePass.canonical)
        for cut in [0, 1, commits.count / 3, commits.count / 2, commits.count - 1] {
            var prefix = Projections()
            prefix.apply(commits[..<cut])
            var resumed = try Projections(checkpoint: prefix.encodeCheckpoint())
            #expect(resumed == prefix)
            resumed.apply(commits[cut...])
            #expect(resumed == onePass, "seed \(seed) cut \(cut)")
            #expect(resumed.canonical == onePass.canonical, "seed \(seed) cut \(cut)")
        }
    }

    /// Everything the projections say that the decision state also knows, compared; empty when they agree.
    static func disagreements(_ projections: Projections, _ state: KezekState) -> [String] {
        var problems: [String] = []
        for (key, numbers) in state.applicationsByKey {
            let naive = numbers.compactMap { state.applications[$0] }.filter(\.status.isInQueue)
                .sorted { $0.queuePosition < $1.queuePosition }.map(\.number)
            let listed = projections.queue(for: key).map(\.application)
            if listed != naive { problems.append("queue \(key): \(listed) != \(naive)") }
            if projections.queues.count(for: key) != naive.count { problems.append("count of \(key)") }
            for (rank, number) in naive.enumerated() where projections.queueNumber(of: number) != rank + 1 {
                problems.append("\(number): \(String(describing: projections.queueNumber(of: number))) != \(rank + 1)")
            }
        }
        for (number, record) in state.applications {
            guard let stage = projections.stage(of: number) else {
                problems.append("no stage for \(number)")
                continue
            }
            // The stage follows the referral the state says it holds, its enrolment and its bulletins (the
            // archive shows no stage).
            let referral = record.referral.flatMap { state.referrals[$0] }
            let expected: [ApplicationStage] =
                switch (record.status, referral?.status) {
                case (.withdrawn, _), (.annulled, _): ApplicationStage.allCases
                case (.enrolled, _): [.admission]
                case (.referred, .registered?): [.registration]
                case (.referred, _): [.referral]
                case (_, _) where record.bulletins.isEmpty: [.queue]
                default: [.queue, .bulletin]
                }
            if !expected.contains(stage) { problems.append("stage of \(number): \(stage), expected \(expected)") }
        }
        if projections.applications.count != state.applications.count { problems.append("application count") }
        if projections.offers.bulletinCount != state.bulletins.count { problems.append("bulletins") }
        if projections.offers.referralCount != state.referrals.count { problems.append("referrals") }
        // Each child's applications in submission order, as the state's records say.
        var applicationsOfChild: [IIN: [ApplicationNumber]] = [:]
        for record in state.applications.values { applicationsOfChild[record.child, default: []].append(record.number) }
        for (iin, _) in state.applicants {
            let family = projections.family(of: iin, in: state)
            if family?.children.map(\.child.iin) != state.children(of: iin) { problems.append("children of \(iin)") }
            for child in family?.children ?? [] {
                let record = state.children[child.child.iin]
                if child.applications.map(\.number) != applicationsOfChild[child.child.iin] ?? []
                    || child.child.activeApplication != record?.activeApplication
                    || child.child.enrolment != record?.enrolment
                {
                    problems.append("child \(child.child.iin)")
                }
            }
        }
        let queued = state.applications.values.filter(\.status.isInQueue)
        for region in Set(queued.map { Int($0.key.locality.rawValue / 10_000_000) }).union(
            projections.statistics.regions)
        {
            let inRegion = queued.filter { Int($0.key.locality.rawValue / 10_000_000) == region }
            let statistics = projections.statistics.statistics(ofRegion: region)
            if statistics.total != inRegion.count { problems.append("statistics total of \(region)") }
            for tier in Tier.allCases
            where statistics.byTier[tier, default: 0] != inRegion.filter({ $0.tier == tier }).count {
                problems.append("statistics of \(region) \(tier)")
            }
        }
        return problems
    }
}
