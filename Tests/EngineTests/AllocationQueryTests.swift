import Engine
import EventLog
import Kezek
import KezekTestSupport
import Projections
import Testing

@Suite("Allocation queries: dry run, bulletin report, explanation, audit trail")
struct AllocationQueryTests {
    @Test("a dry run writes nothing and foretells exactly what the tick then decides", arguments: [31, 32] as [UInt64])
    func dryRunForetellsTheTick(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: seed)
        try withEngine(directory.path) { engine in
            var foretold = 0
            for _ in 0..<12 {
                try run(&history, count: 60, on: engine)
                let head = engine.log.head
                let digest = engine.model.digest
                let at = history.now.adding(seconds: Int64.random(in: 3600...3 * 86_400, using: &history.random))
                let dry = try engine.dryRunTick(at: at).get()
                #expect(engine.log.head == head)
                #expect(engine.model.digest == digest)
                #expect(dry.member("dryRun") == .bool(true))
                #expect(dry.member("position")?.integerValue == Int64(head.position.rawValue))

                history.now = at
                let result = try engine.executeAndWait(CommandEnvelope(.tick, at: at)).get()
                let written = Int64(engine.log.head.position.rawValue - head.position.rawValue)
                #expect(dry.member("events")?.integerValue == written)
                for key in ["referralsExpired", "interestLapsed", "applicationsAnnulled"] {
                    #expect(dry.member(key) == result.fields[key], "\(key)")
                }
                #expect(
                    dry.member("bulletinsClosed").map(Self.withoutAdmittedQueueNumbers)
                        == result.fields["bulletinsClosed"])
                let issued = dry.member("referralsIssued")?.elements ?? []
                #expect(issued.count == engine.state.referrals.values.filter { $0.issuedAt == at }.count)
                for closed in dry.member("bulletinsClosed")?.elements ?? [] {
                    for admitted in closed.member("admitted")?.elements ?? [] {
                        #expect(admitted.member("queueNumber")?.integerValue != nil)
                    }
                }
                if written > 0 { foretold += 1 }
            }
            #expect(foretold >= 3)
            let last = try #require(engine.state.lastTime)
            #expect(throws: Rejection.timeWentBackwards(at: last.adding(seconds: -1), last: last)) {
                try engine.dryRunTick(at: last.adding(seconds: -1)).get()
            }
        }
    }

    @Test("each audit trail queue number equals the one a replay up to that position gives")
    func auditTrailQueueNumbersMatchReplay() throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: 33)
        try withEngine(directory.path) { engine in
            try run(&history, count: 500, on: engine)
            let numbers = engine.state.applications.keys.sorted().filter { $0.rawValue % 3 == 1 }
            try #require(numbers.count >= 4)
            var replays: [Position: Projections] = [:]
            for number in numbers {
                let trail = try engine.auditTrail(of: number).get()
                let entries = trail.member("events")?.elements ?? []
                let positions = entries.compactMap { $0.member("position")?.integerValue }
                #expect(positions == positions.sorted() && Set(positions).count == positions.count)
                #expect(entries.first?.member("type") == "applicationSubmitted")
                let own = try engine.log.records(in: StreamID(rawValue: "application-\(number.rawValue)")!)
                #expect(Set(own.map { Int64($0.position.rawValue) }).isSubset(of: Set(positions)))
                for entry in entries {
                    let position = Position(UInt64(entry.member("position")?.integerValue ?? 0))
                    if replays[position] == nil {
                        replays[position] = try Engine.replay(engine.log, until: position).projections
                    }
                    let expected = replays[position]?.queueNumber(of: number).map { Int64($0) }
                    #expect(entry.member("queueNumber")?.integerValue == expected, "\(number) at \(position)")
                    #expect(entry.member("reason")?.stringValue?.isEmpty == false)
                }
            }
            #expect(throws: Rejection.unknownApplication(999_999)) { try engine.auditTrail(of: 999_999).get() }
        }
    }

    @Test("explain and show --bulletin say what the recorded closes decided", arguments: [34, 35] as [UInt64])
    func explanationsAgreeWithTheRecordedCloses(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        var history = RandomHistory(seed: seed)
        try withEngine(directory.path) { engine in
            try run(&history, count: 700, on: engine)
            let state = engine.state
            var outcomes: [String: Int] = [:]
            for number in state.applications.keys.sorted() {
                let answer = try engine.explanation(of: number).get()
                let entries = answer.member("bulletins")?.elements ?? []
                #expect(entries.count == state.applications[number]?.bulletins.count)
                for entry in entries {
                    let bulletin = BulletinNumber(rawValue: UInt64(entry.member("bulletin")?.integerValue ?? 0))
                    let record = try #require(state.bulletins[bulletin])
                    let outcome = entry.member("outcome")?.stringValue ?? ""
                    outcomes[outcome, default: 0] += 1
                    #expect((outcome == "pending") == !record.isClosed)
                    let referral = state.referrals.values.first { $0.application == number && $0.bulletin == bulletin }
                    #expect((outcome == "admitted") == (referral != nil), "\(number) at bulletin \(bulletin)")
                    #expect((outcome == "admitted") == record.admitted.contains(number))
                    if outcome == "notReached" {
                        let cutOff = try #require(entry.member("cutOff"))
                        let own = try #require(entry.member("position"))
                        #expect(Self.queuePosition(cutOff) < Self.queuePosition(own), "after the cut-off")
                    }
                    if outcome == "passedOver" { #expect(entry.member("reason")?.stringValue != nil) }
                }
            }
            #expect(outcomes["admitted", default: 0] > 0)
            #expect(outcomes["notReached", default: 0] + outcomes["passedOver", default: 0] > 0)

            for bulletin in state.bulletins.values.sorted(by: { $0.number < $1.number }) {
                let report = try engine.bulletinReport(bulletin.number).get()
                let applicants = report.member("applicants")?.elements ?? []
                let listed = applicants.compactMap { $0.member("application")?.integerValue }
                let expected = bulletin.applicants.compactMap { state.applications[$0] }
                    .sorted { $0.queuePosition < $1.queuePosition }.map { Int64($0.number.rawValue) }
                #expect(listed == expected)
                #expect((report.member("status") == "closed") == bulletin.isClosed)
                if bulletin.isClosed {
                    let admitted = report.member("admitted")?.elements?.compactMap {
                        $0.member("application")?.integerValue
                    }
                    #expect(admitted == bulletin.admitted.map { Int64($0.rawValue) })
                    #expect(report.member("referrals")?.elements?.count == bulletin.admitted.count)
                    #expect(applicants.allSatisfy { $0.member("outcome") != nil })
                } else {
                    #expect(applicants.allSatisfy { $0.member("eligible") != nil })
                }
            }
            #expect(throws: Rejection.unknownBulletin(999)) { try engine.bulletinReport(999).get() }
            #expect(throws: Rejection.unknownApplication(999_999)) { try engine.explanation(of: 999_999).get() }
        }
    }

    /// `bulletinsClosed` without the queue numbers a dry run adds to the admitted applications.
    static func withoutAdmittedQueueNumbers(_ closed: JSONValue) -> JSONValue {
        .array(
            (closed.elements ?? []).map { bulletin in
                guard case .object(let object) = bulletin else { return bulletin }
                return .object(
                    JSONObject(
                        object.members.map { member in
                            guard member.key == "admitted" else { return member }
                            return JSONMember(
                                member.key,
                                .array(
                                    (member.value.elements ?? []).map { admitted in
                                        guard case .object(let fields) = admitted else { return admitted }
                                        return .object(JSONObject(fields.members.filter { $0.key != "queueNumber" }))
                                    }))
                        }))
            })
    }

    /// `(tier, submittedAt, application)` of a `{"tier", "submittedAt", "application"}` object.
    static func queuePosition(_ json: JSONValue) -> QueuePosition {
        QueuePosition(
            tier: Tier(name: json.member("tier")?.stringValue ?? "") ?? .general,
            submittedAt: Timestamp(json.member("submittedAt")?.stringValue ?? "")
                ?? Timestamp(millisecondsSinceEpoch: 0),
            application: ApplicationNumber(rawValue: UInt64(json.member("application")?.integerValue ?? 0)))
    }
}

extension JSONValue {
    /// The member `key` of an object.
    fileprivate func member(_ key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    fileprivate var integerValue: Int64? {
        guard case .integer(let value) = self else { return nil }
        return value
    }

    fileprivate var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    fileprivate var elements: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }
}
