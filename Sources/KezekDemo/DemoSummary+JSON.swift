public import Kezek
import Projections

extension DemoSummary {
    /// The summary as one JSON object, as `kezek demo` prints it:
    /// `{"scale", "seed", "data", "simulated", "counts", "phases", "allocation", "queue", "audit", "memory"}`.
    public var json: JSONValue {
        [
            "scale": .string(scale),
            "seed": .integer(Int64(bitPattern: seed)),
            "data": .string(data),
            "simulated": ["from": .string(simulatedFrom.description), "until": .string(simulatedUntil.description)],
            "counts": counts.json,
            "phases": .array(phases.map(\.json)),
            "allocation": allocation.json,
            "queue": queue.json,
            "audit": audit.json,
            "memory": ["peakResidentMegabytes": .integer(Int64(peakResidentBytes >> 20))],
        ]
    }
}

extension DemoSummary.Counts {
    var json: JSONValue {
        [
            "commands": .integer(Int64(commands)),
            "refused": .integer(Int64(refused)),
            "refusedByCode": .sortedCounts(refusedByCode),
            "events": .integer(Int64(bitPattern: events)),
            "kindergartens": .integer(Int64(kindergartens)),
            "applicants": .integer(Int64(applicants)),
            "children": .integer(Int64(children)),
            "applications": .integer(Int64(applications)),
            "applicationsByStatus": .counts(ApplicationStatus.allCases.map { ($0.rawValue, applicationsByStatus[$0]) }),
            "bulletins": .integer(Int64(bulletins)),
            "seatsOffered": .integer(Int64(seatsOffered)),
            "referrals": .integer(Int64(referrals)),
            "referralsByStatus": .counts(ReferralStatus.allCases.map { ($0.rawValue, referralsByStatus[$0]) }),
        ]
    }
}

extension DemoSummary.PhaseTiming {
    var json: JSONValue {
        var object: JSONObject = ["phase": .string(phase.rawValue), "seconds": .decimal(seconds, places: 3)]
        if let items, let unit, let rate {
            object[unit] = .integer(Int64(bitPattern: items))
            object["\(unit)PerSecond"] = .integer(Int64(rate.rounded()))
        }
        return .object(object)
    }
}

extension DemoSummary.AllocationSummary {
    var json: JSONValue {
        [
            "rounds": .integer(Int64(rounds.count)),
            "bulletinsClosed": .integer(Int64(bulletins)),
            "seats": .integer(Int64(seats)),
            "admitted": .integer(Int64(admitted)),
            "unfilledSeats": .integer(Int64(unfilled)),
            "seconds": .decimal(seconds, places: 3),
            "slowestRoundSeconds": .decimal(slowestSeconds, places: 4),
            "byMonth": .array(
                months.map { month in
                    [
                        "month": .string(month.label),
                        "rounds": .integer(Int64(month.rounds)),
                        "bulletins": .integer(Int64(month.bulletins)),
                        "seats": .integer(Int64(month.seats)),
                        "admitted": .integer(Int64(month.admitted)),
                        "unfilledSeats": .integer(Int64(month.unfilled)),
                        "medianCutOff": month.medianCutOff.map { .integer(Int64($0)) } ?? .null,
                        "highestCutOff": month.highestCutOff.map { .integer(Int64($0)) } ?? .null,
                    ]
                }),
        ]
    }
}

extension DemoSummary.QueueSummary {
    var json: JSONValue {
        [
            "inQueue": .integer(Int64(inQueue)),
            "byTier": .counts(Tier.allCases.map { ($0.name, byTier[$0]) }),
            "byBirthYear": .counts(byBirthYear.keys.sorted().map { (String($0), byBirthYear[$0]) }),
            "regions": .array(
                regions.map { region in
                    let statistics = region.statistics
                    return [
                        "region": .string(region.region.description),
                        "name": .string(region.nameKazakh),
                        "nameEnglish": .string(region.nameEnglish),
                        "inQueue": .integer(Int64(statistics.total)),
                        "byBirthYear": .counts(
                            statistics.byBirthYear.keys.sorted().map { (String($0), statistics.byBirthYear[$0]) }),
                        "byTier": .counts(Tier.allCases.map { ($0.name, statistics.byTier[$0]) }),
                        "byLanguage": .counts(
                            statistics.byLanguage.keys.sorted { $0.rawValue < $1.rawValue }.map {
                                ($0.rawValue, statistics.byLanguage[$0])
                            }),
                    ]
                }),
        ]
    }
}

extension DemoSummary.AuditSummary {
    var json: JSONValue {
        [
            "head": ["position": .integer(Int64(bitPattern: headPosition)), "hash": .string(headHash)],
            "verified": .bool(verified),
            "digest": .string(digest),
            "replayMatchesLive": .bool(replayMatchesLive),
            "checkpointMatchesReplay": .bool(checkpointMatchesReplay),
        ]
    }
}

extension JSONValue {
    /// `value` rounded to `places` decimals, as a JSON number.
    static func decimal(_ value: Double, places: Int) -> JSONValue {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        let whole = scaled / Int64(scale)
        let fraction = String(scaled % Int64(scale))
        let text =
            places == 0 ? "\(whole)" : "\(whole).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
        return (try? JSONValue.parse(text)) ?? .integer(whole)
    }

    /// An object of counts in the given order (a missing count is 0).
    static func counts(_ entries: [(String, Int?)]) -> JSONValue {
        .object(JSONObject(entries.map { JSONMember($0.0, .integer(Int64($0.1 ?? 0))) }))
    }

    /// An object of counts by key, keys in order.
    static func sortedCounts(_ counts: [String: Int]) -> JSONValue {
        .counts(counts.keys.sorted().map { ($0, counts[$0]) })
    }
}
