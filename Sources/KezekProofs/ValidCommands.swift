public import Kezek
import KezekTestSupport

/// An endless stream of realistic commands that are valid one after the other: kindergartens, and
/// families (an applicant, one to three children, an application for each child), with a `tick` now
/// and then. Every line's `at` is later than the one before, so the time of an event in the log names the
/// line that wrote it, and application numbers are known in advance (each submission gets the next one).
public struct ValidCommands {
    /// One generated line.
    public struct Line: Sendable {
        /// The JSON line, without a newline.
        public var text: String
        /// The command's time.
        public var at: Timestamp
        /// What the log must hold once the line's result `{"ok": true}` was printed.
        public var expected: ExpectedEvent?
    }

    private var random: SeededGenerator
    private var now: Timestamp
    private var planned: [(Command, ExpectedEvent?)] = []
    private var parents = IINSequence(firstBirth: try! CivilDate(year: 1980, month: 1, day: 1))
    private var children = IINSequence(firstBirth: try! CivilDate(year: 2022, month: 1, day: 1))
    private var kindergartens: [KindergartenID] = []
    private var nextApplication: UInt64 = 1
    private var linesSinceTick = 0

    /// The locality of every kindergarten and application: Almaty's Almaly district.
    public static let locality = KATOCode(rawValue: 751_110_000)!

    /// A stream drawn from `seed`, starting on `start` (by default a Monday morning in Almaty).
    public init(seed: UInt64, start: Timestamp = Timestamp("2026-01-12T09:00:00+05:00")!) {
        random = SeededGenerator(seed: seed)
        now = start
    }

    /// The next line.
    public mutating func next() -> Line {
        if planned.isEmpty { plan() }
        let (command, expected) = planned.removeFirst()
        now = now.adding(seconds: Int64.random(in: 1...9, using: &random))
        let text = String(decoding: CommandEnvelope(command, at: now).json.serialized, as: UTF8.self)
        return Line(text: text, at: now, expected: expected)
    }

    /// Plans the next few commands.
    private mutating func plan() {
        linesSinceTick += 1
        if kindergartens.count < 3 || Int.random(in: 0..<500, using: &random) == 0 {
            planned.append(kindergarten())
            return
        }
        if linesSinceTick > 40 && Int.random(in: 0..<10, using: &random) == 0 {
            linesSinceTick = 0
            planned.append((.tick, nil))
            return
        }
        family()
    }

    private mutating func kindergarten() -> (Command, ExpectedEvent?) {
        let id = try! KindergartenID(validating: "kg-\(kindergartens.count + 1)")
        kindergartens.append(id)
        let command = Command.registerKindergarten(
            Command.RegisterKindergarten(
                id: id, name: KindergartenName(kazakh: "Балапан \(kindergartens.count)", russian: "Балапан"),
                locality: Self.locality, languages: [.kazakh, .russian], groupTypes: [.general],
                capacity: Int.random(in: 40...300, using: &random)))
        return (
            command,
            ExpectedEvent(
                type: "kindergartenRegistered", field: "kindergarten", eventField: "id", value: .string(id.rawValue))
        )
    }

    private mutating func family() {
        let parent = parents.next(sex: Bool.random(using: &random) ? .female : .male)
        let phone = try! PhoneNumber(parsing: "+7701\(Int.random(in: 1_000_000...9_999_999, using: &random))")
        planned.append(
            (
                .registerApplicant(Command.RegisterApplicant(applicant: parent, phone: phone)),
                ExpectedEvent(type: "applicantRegistered", field: "applicant", value: .string(parent.rawValue))
            ))
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let child = children.next(sex: Bool.random(using: &random) ? .female : .male)
            planned.append(
                (
                    .addChild(Command.AddChild(applicant: parent, child: child, gender: child.sex)),
                    ExpectedEvent(type: "childAdded", field: "child", value: .string(child.rawValue))
                ))
            var ranked: [KindergartenID] = []
            for id in kindergartens.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)) {
                ranked.append(id)
            }
            let submission = DomainFixtures.submission(
                child, applicant: parent, locality: Self.locality,
                language: Int.random(in: 0..<4, using: &random) == 0 ? .russian : .kazakh, kindergartens: ranked)
            planned.append(
                (
                    submission,
                    ExpectedEvent(
                        type: "applicationSubmitted", field: "application",
                        value: .integer(Int64(nextApplication)))
                ))
            nextApplication += 1
        }
    }
}
