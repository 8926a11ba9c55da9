import KezekDomainTestSupport
import Testing

@testable import Kezek

@Suite struct PersonRegistryTests {
    @Test func readsJSONLines() throws {
        let text = """
            {"iin":"850612304561","surname":"Ахметов","name":"Ерлан","patronymic":"Серікұлы","birthDate":"1985-06-12"}

            {"iin":"230704601230","surname":"Ахметова","name":"Аружан","birthDate":"2023-07-04"}\r
            """
        let registry = try InMemoryPersonRegistry(jsonLines: text)
        let parent = try #require(registry.person(IIN(rawValue: "850612304561")!))
        #expect(parent.surname == "Ахметов")
        #expect(parent.patronymic == "Серікұлы")
        #expect(parent.sex == .male)
        #expect(registry.person(IIN(rawValue: "230704601230")!)?.patronymic == nil)
        #expect(registry.person(IIN(rawValue: "061211600012")!) == nil)
    }

    @Test(arguments: [
        (#"{"iin":"850612304561","surname":"A","name":"B","birthDate":"1985-06-12"}"# + "\n{oops", 2, "invalid JSON"),
        ("[1]", 1, "object"),
        (#"{"iin":"850612304561","name":"B","birthDate":"1985-06-12"}"#, 1, "surname"),
        (#"{"iin":"850612304561","surname":7,"name":"B","birthDate":"1985-06-12"}"#, 1, "surname"),
        (#"{"iin":"850612304562","surname":"A","name":"B","birthDate":"1985-06-12"}"#, 1, "850612304562"),
        (#"{"iin":"850612304561","surname":"A","name":" ","birthDate":"1985-06-12"}"#, 1, "name"),
        (#"{"iin":"850612304561","surname":"A","name":"B","birthDate":"1985-02-30"}"#, 1, "birthDate"),
        (#"{"iin":"850612304561","surname":"A","name":"B","birthDate":"1985-06-13"}"#, 1, "1985-06-13"),
        (
            #"{"iin":"850612304561","surname":"A","name":"B","birthDate":"1985-06-12"}"# + "\n\n"
                + #"{"iin":"850612304561","surname":"C","name":"D","birthDate":"1985-06-12"}"#, 3, "line 1"
        ),
    ])
    func badLinesNameTheirNumber(text: String, line: Int, detail: String) {
        do {
            _ = try InMemoryPersonRegistry(jsonLines: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.message.hasPrefix("person registry line \(line): "))
            #expect(error.message.contains(detail), "\(error.message)")
        }
    }

    @Test func theOpenRegistryAcceptsEveryValidIINWithoutNames() throws {
        let iin = IIN(rawValue: "210315501807")!
        let person = try #require(OpenPersonRegistry().person(iin))
        #expect(person.birthDate == iin.birthDate)
        #expect(person.sex == .male)
        #expect(!person.hasNames)
    }

    @Test func theContextHoldsTheAnswersForTheCommandsIINs() {
        let parent = IIN(rawValue: "850612304561")!
        let child = IIN(rawValue: "230704601230")!
        let registry = InMemoryPersonRegistry([
            PersonRecord(iin: child, surname: "A", name: "B", birthDate: child.birthDate)
        ])
        let add = Command.addChild(Command.AddChild(applicant: parent, child: child, gender: .female))
        #expect(add.personIINs == [child])
        #expect(DecisionContext().looking(up: add, in: registry).persons.keys.sorted() == [child])
        #expect(Command.tick.personIINs.isEmpty)
    }
}

@Suite struct EvolveTests {
    /// `evolve` is total: random events in any order, referring to anything, never trap, and keep the
    /// number counters at the highest number seen.
    @Test func absorbsAnyEventSequence() {
        var g = SeededGenerator(seed: 0x5EED)
        var state = KezekState()
        var time = Timestamp(millisecondsSinceEpoch: 0)
        for _ in 0..<5000 {
            let type = EventType.allCases.randomElement(using: &g)!
            time = time.adding(seconds: Int64.random(in: 0...1000, using: &g))
            state.evolve(EventSamples.event(of: type, using: &g), at: time)
        }
        #expect(state.lastTime == time)
        #expect(state.lastApplicationNumber == state.applications.keys.map(\.rawValue).max() ?? 0)
    }
}
