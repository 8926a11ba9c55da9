public import Kezek

/// Checks, after a run of `kezek apply` on a ``CommandFile`` (killed or failed), that the log verifies, that
/// nothing it held before is gone or changed, that its positions are gapless, that every event comes from
/// a line of the file, and that every line whose `{"ok": true}` was printed left its event.
public struct DurabilityCheck: Sendable {
    /// The commands.
    public let file: CommandFile
    /// The tool and data directory.
    public let inspector: LogInspector
    /// The head after the last check.
    public private(set) var position: UInt64 = 0
    /// The head's hash after the last check.
    public private(set) var hash = ""
    /// How many printed successes were found in the log.
    public private(set) var successesFound = 0
    /// How many printed successes had no event to look for (a `tick` with nothing due).
    public private(set) var successesWithoutEvent = 0
    /// How many lines wrote events that the killed process had not printed a result for yet.
    public private(set) var durableButNotPrinted = 0

    /// A check of `inspector`'s log, starting from an empty one.
    public init(file: CommandFile, inspector: LogInspector) {
        self.file = file
        self.inspector = inspector
    }

    /// One result line of the run: the input line's index and the parsed result.
    public typealias Printed = (line: Int, result: JSONValue)

    /// Checks the log after a run that printed `printed` (in order); answers what is wrong, if anything.
    public mutating func check(after printed: [Printed]) throws -> [String] {
        let verification = try inspector.verify()
        guard verification.status == 0, !verification.signaled, verification.isIntact else {
            return [
                "audit verify: status \(verification.status)\(verification.signaled ? " (signal)" : ""), "
                    + "first bad position \(verification.firstBadPosition.map(String.init) ?? "none"): "
                    + verification.reason
            ]
        }
        guard verification.position >= position else {
            return ["the log went back from position \(position) to \(verification.position)"]
        }
        var failures: [String] = []
        let events = try inspector.events(from: max(position, 1))
        var expectedPosition = max(position, 1)
        for event in events {
            if event.position != expectedPosition {
                failures.append("export: position \(event.position) where \(expectedPosition) was expected")
                break
            }
            expectedPosition += 1
        }
        if position > 0 && events.first?.hash != hash {
            failures.append("the record at \(position) changed: hash \(events.first?.hash ?? "missing"), was \(hash)")
        }
        if (events.last?.position ?? 0) != verification.position && verification.position > 0 {
            failures.append("export ends at \(events.last?.position ?? 0), verify at \(verification.position)")
        }
        let new = events.filter { $0.position > position }
        var linesWithEvents = Set<Int>()
        var byLine: [Int: [LogInspector.Event]] = [:]
        for event in new {
            guard let line = file.line(at: event.time) else {
                failures.append("event \(event.position) (\(event.type)) has a time of no input line: \(event.time)")
                continue
            }
            linesWithEvents.insert(line)
            byLine[line, default: []].append(event)
        }
        let printedLines = Set(printed.map(\.line))
        durableButNotPrinted += linesWithEvents.subtracting(printedLines).count
        for (line, result) in printed where result["ok"] == .bool(true) {
            guard let expected = file.expected[line] else {
                successesWithoutEvent += 1
                continue
            }
            if result[expected.field] != expected.value {
                failures.append(
                    "line \(line + 1): result \(result) where \(expected.field) \(expected.value) was expected")
            }
            let found = (byLine[line] ?? []).contains { event in
                event.type == expected.type && event.fields[expected.eventField] == expected.value
            }
            if found {
                successesFound += 1
            } else {
                failures.append(
                    "line \(line + 1) printed \(result) but the log has no \(expected.type) with \(expected.field) "
                        + "\(expected.value) at its time")
            }
        }
        position = verification.position
        hash = verification.hash
        return failures
    }
}
