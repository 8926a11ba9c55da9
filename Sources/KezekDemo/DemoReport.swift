import Kezek
import Projections

/// The demo's report: one self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched)
/// with the headline figures, the phase timings, the queue per region and birth year, the tier shares,
/// the seats and cut-offs of the allocation rounds by month, and the audit's head hash and digest.
public struct DemoReport {
    /// What the page shows.
    public let summary: DemoSummary

    /// The report of `summary`.
    public init(_ summary: DemoSummary) {
        self.summary = summary
    }

    /// Colours of the tiers: out of turn, first priority, general.
    static let tierColors = ["#b03a2e", "#e08e0b", "#2874a6"]
    /// Colours of birth-year cohorts, oldest first.
    static let yearColors = ["#1b4f72", "#2874a6", "#3498db", "#48c9b0", "#a3e4d7", "#f4d03f", "#eb984e", "#cb4335"]

    /// The whole page.
    public var html: String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>Kezek demo: \(Markup.escape(summary.scale)) scale, seed \(summary.seed)</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>

            """
        page += header
        page += figures
        page += phases
        page += regions
        page += tiers
        page += allocation
        page += audit
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    private var header: String {
        """
        <header>
        <h1>Kezek <span class="kk">кезек</span></h1>
        <p class="lead">Kazakhstan's kindergarten queue as an append-only, tamper-evident event log. This page shows one \
        run of <code>kezek demo --scale \(Markup.escape(summary.scale)) --seed \(summary.seed)</code>: a simulated \
        country from \(summary.simulatedFrom) to \(summary.simulatedUntil.adding(days: -1)), every registration, \
        application, priority check, bulletin, referral and admission written as an event, the allocation rounds \
        run by the daily ticks, then the audit: the hash chain verified, the whole log replayed, the engine started \
        from its checkpoint, and the three states compared by digest.</p>
        </header>

        """
    }

    private var figures: String {
        let counts = summary.counts
        let build = summary.phases.first { $0.phase == .build }
        let replay = summary.phases.first { $0.phase == .replay }
        let verify = summary.phases.first { $0.phase == .verify }
        let cards: [(String, String, String)] = [
            ("Applications", Markup.grouped(counts.applications), "submitted over the simulated span"),
            ("Events", Markup.grouped(Int(counts.events)), "in the log, each chained by SHA-256"),
            ("Kindergartens", Markup.grouped(counts.kindergartens), "in \(summary.queue.regions.count) regions"),
            ("In the queue", Markup.grouped(summary.queue.inQueue), "at the end, with a queue number each"),
            (
                "Seats allocated", Markup.grouped(summary.allocation.admitted),
                "in \(Markup.grouped(summary.allocation.rounds.count)) rounds"
            ),
            ("Commands/s", build?.rate.map { Markup.grouped(Int($0)) } ?? "–", "decided, appended, projected"),
            ("Replay events/s", replay?.rate.map { Markup.grouped(Int($0)) } ?? "–", "the whole state from the log"),
            ("Verify events/s", verify?.rate.map { Markup.grouped(Int($0)) } ?? "–", "the whole hash chain"),
        ]
        var html = "<section class=\"cards\">\n"
        for (title, value, note) in cards {
            html +=
                "<div class=\"card\"><div class=\"value\">\(value)</div><div class=\"title\">\(Markup.escape(title))</div><div class=\"note\">\(Markup.escape(note))</div></div>\n"
        }
        return html + "</section>\n"
    }

    private var phases: String {
        let total = summary.phases.reduce(0) { $0 + $1.seconds }
        let rows = summary.phases.map { phase in
            var note = Markup.decimal(phase.seconds, places: 2) + " s"
            if let rate = phase.rate, let unit = phase.unit {
                note += " · " + Markup.grouped(Int(rate)) + " \(unit)/s"
            }
            let milliseconds = Int((phase.seconds * 1000).rounded())
            return SVGChart.Row(
                label: phase.phase.title,
                segments: [SVGChart.Segment(value: max(milliseconds, 1), color: "#2874a6", title: note)], note: note)
        }
        return """
            <section>
            <h2>Phases <span class="kk">кезеңдер</span></h2>
            <p>Wall-clock time of each phase, \(Markup.decimal(total, places: 1)) s in all, on this machine; \
            the peak resident memory was \(Markup.grouped(Int(summary.peakResidentBytes >> 20))) MB.</p>
            \(SVGChart.stackedBars(rows, labelWidth: 250, noteWidth: 200))
            </section>

            """
    }

    private var birthYears: [Int] { summary.queue.byBirthYear.keys.sorted() }

    private var regions: String {
        let years = birthYears
        let sorted = summary.queue.regions.sorted { $0.statistics.total > $1.statistics.total }
        let rows = sorted.map { region in
            SVGChart.Row(
                label: region.nameEnglish,
                segments: years.enumerated().map { index, year in
                    let count = region.statistics.byBirthYear[year] ?? 0
                    return SVGChart.Segment(
                        value: count, color: Self.yearColors[index % Self.yearColors.count],
                        title: "\(region.nameEnglish), born \(year): \(Markup.grouped(count))")
                }, note: Markup.grouped(region.statistics.total))
        }
        let legend = years.enumerated().map { index, year in
            "<span class=\"key\"><span class=\"swatch\" style=\"background:\(Self.yearColors[index % Self.yearColors.count])\"></span>born \(year)</span>"
        }
        var table = "<table><thead><tr><th>Region</th><th>Аймақ</th>"
        for year in years { table += "<th class=\"number\">\(year)</th>" }
        table += "<th class=\"number\">In the queue</th></tr></thead><tbody>\n"
        for region in sorted {
            table += "<tr><td>\(Markup.escape(region.nameEnglish))</td><td>\(Markup.escape(region.nameKazakh))</td>"
            for year in years {
                table += "<td class=\"number\">\(Markup.grouped(region.statistics.byBirthYear[year] ?? 0))</td>"
            }
            table += "<td class=\"number\">\(Markup.grouped(region.statistics.total))</td></tr>\n"
        }
        table += "</tbody></table>\n"
        return """
            <section>
            <h2>The queue by region and birth year <span class="kk">кезек</span></h2>
            <p>Applications in the queue at the end of the run (\(Markup.grouped(summary.queue.inQueue)) in all), \
            per region and the children's birth year. Each queue is one locality, birth year, language and group \
            type; a parent's queue number is the rank in it.</p>
            <p class="legend">\(legend.joined(separator: " "))</p>
            \(SVGChart.stackedBars(rows))
            <details><summary>The figures</summary>
            \(table)</details>
            </section>

            """
    }

    private var tiers: String {
        let total = summary.queue.inQueue
        let byTier = summary.queue.byTier
        let overall = SVGChart.Row(
            label: "Kazakhstan",
            segments: Tier.allCases.map { tier in
                let count = byTier[tier] ?? 0
                return SVGChart.Segment(
                    value: count, color: Self.tierColors[tier.rawValue],
                    title: "\(Self.tierTitle(tier)): \(Markup.grouped(count)) (\(Markup.percent(count, of: total)))")
            }, note: "")
        let rows =
            [overall]
            + summary.queue.regions.map { region in
                SVGChart.Row(
                    label: region.nameEnglish,
                    segments: Tier.allCases.map { tier in
                        let count = region.statistics.byTier[tier] ?? 0
                        return SVGChart.Segment(
                            value: count, color: Self.tierColors[tier.rawValue],
                            title:
                                "\(region.nameEnglish), \(Self.tierTitle(tier)): \(Markup.grouped(count)) (\(Markup.percent(count, of: region.statistics.total)))"
                        )
                    }, note: "")
            }
        let legend = Tier.allCases.map { tier in
            "<span class=\"key\"><span class=\"swatch\" style=\"background:\(Self.tierColors[tier.rawValue])\"></span>\(Self.tierTitle(tier)) \(Markup.percent(byTier[tier] ?? 0, of: total))</span>"
        }
        return """
            <section>
            <h2>Tier shares <span class="kk">басымдық</span></h2>
            <p>The queue orders by tier first (out of turn, then first priority, then general), then by \
            application time. Shares of the applications in the queue, for the country and per region.</p>
            <p class="legend">\(legend.joined(separator: " "))</p>
            \(SVGChart.stackedBars(rows, proportional: true))
            </section>

            """
    }

    private var allocation: String {
        let months = summary.allocation.months
        let columns = months.map { month in
            SVGChart.Column(
                label: month.label, lower: month.admitted, upper: month.unfilled, point: month.medianCutOff,
                title:
                    "\(month.label): \(Markup.grouped(month.rounds)) rounds, \(Markup.grouped(month.bulletins)) bulletins, \(Markup.grouped(month.seats)) seats, \(Markup.grouped(month.admitted)) referrals, median cut-off \(month.medianCutOff.map(Markup.grouped) ?? "–")"
            )
        }
        let allocation = summary.allocation
        var table =
            "<table><thead><tr><th>Month</th><th class=\"number\">Rounds</th><th class=\"number\">Bulletins</th><th class=\"number\">Seats</th><th class=\"number\">Referrals</th><th class=\"number\">Left free</th><th class=\"number\">Median cut-off</th><th class=\"number\">Highest cut-off</th></tr></thead><tbody>\n"
        for month in months {
            table +=
                "<tr><td>\(month.label)</td><td class=\"number\">\(Markup.grouped(month.rounds))</td><td class=\"number\">\(Markup.grouped(month.bulletins))</td><td class=\"number\">\(Markup.grouped(month.seats))</td><td class=\"number\">\(Markup.grouped(month.admitted))</td><td class=\"number\">\(Markup.grouped(month.unfilled))</td><td class=\"number\">\(month.medianCutOff.map(Markup.grouped) ?? "–")</td><td class=\"number\">\(month.highestCutOff.map(Markup.grouped) ?? "–")</td></tr>\n"
        }
        table += "</tbody></table>\n"
        return """
            <section>
            <h2>Seats and cut-offs per round <span class="kk">бос орындар бюллетеньдері</span></h2>
            <p>\(Markup.grouped(allocation.rounds.count)) allocation rounds closed \
            \(Markup.grouped(allocation.bulletins)) bulletins with \(Markup.grouped(allocation.seats)) seats: \
            \(Markup.grouped(allocation.admitted)) became referrals (жолдама), \(Markup.grouped(allocation.unfilled)) \
            were left free. In each round the applicants take, in queue order, the most preferred bulletin that \
            still has a seat; a bulletin's cut-off is the queue number of the last applicant it admitted. The \
            rounds took \(Markup.decimal(allocation.seconds, places: 2)) s in all, the slowest \
            \(Markup.decimal(allocation.slowestSeconds * 1000, places: 1)) ms. By month: seats that became \
            referrals (dark) and seats left free (light) against the left axis, the median cut-off queue number \
            (line) against the right.</p>
            <p class="legend"><span class="key"><span class="swatch" style="background:#2874a6"></span>referrals</span> \
            <span class="key"><span class="swatch" style="background:#aed6f1"></span>left free</span> \
            <span class="key"><span class="swatch" style="background:#b03a2e"></span>median cut-off</span></p>
            \(SVGChart.columnsWithLine(columns, lowerColor: "#2874a6", upperColor: "#aed6f1", lineColor: "#b03a2e"))
            <details><summary>The figures</summary>
            \(table)</details>
            </section>

            """
    }

    private var audit: String {
        let audit = summary.audit
        func verdict(_ holds: Bool) -> String {
            holds ? "<span class=\"ok\">yes</span>" : "<span class=\"bad\">NO</span>"
        }
        let counts = summary.counts
        return """
            <section>
            <h2>Audit <span class="kk">тексеру</span></h2>
            <table class="facts"><tbody>
            <tr><th>Head of the log</th><td>position \(Markup.grouped(Int(audit.headPosition)))</td></tr>
            <tr><th>Head hash (SHA-256 chain)</th><td><code>\(audit.headHash)</code></td></tr>
            <tr><th>State digest</th><td><code>\(audit.digest)</code></td></tr>
            <tr><th>Data file and hash chain verified</th><td>\(verdict(audit.verified))</td></tr>
            <tr><th>Replay gives the live state</th><td>\(verdict(audit.replayMatchesLive))</td></tr>
            <tr><th>Start from the checkpoint gives the replayed state</th><td>\(verdict(audit.checkpointMatchesReplay))</td></tr>
            <tr><th>Commands</th><td>\(Markup.grouped(counts.commands)), of which \(Markup.grouped(counts.refused)) refused (they wrote nothing)</td></tr>
            <tr><th>Applicants and children</th><td>\(Markup.grouped(counts.applicants)) applicants, \(Markup.grouped(counts.children)) children</td></tr>
            <tr><th>Referrals</th><td>\(Markup.grouped(counts.referrals)): \(ReferralStatus.allCases.map { "\(Markup.grouped(counts.referralsByStatus[$0] ?? 0)) \($0.rawValue)" }.joined(separator: ", "))</td></tr>
            <tr><th>Applications</th><td>\(ApplicationStatus.allCases.map { "\(Markup.grouped(counts.applicationsByStatus[$0] ?? 0)) \($0.rawValue)" }.joined(separator: ", "))</td></tr>
            </tbody></table>
            <p>The same scale and seed give the same head hash and digest on every run: check with \
            <code>kezek audit verify</code> and <code>kezek replay</code> on the data directory.</p>
            </section>

            """
    }

    static func tierTitle(_ tier: Tier) -> String {
        switch tier {
        case .outOfTurn: "out of turn"
        case .firstPriority: "first priority"
        case .general: "general"
        }
    }

    static let style = """
        body{font-family:-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0;background:#f6f8fa;color:#1c2833}\
        main{max-width:920px;margin:0 auto;padding:24px}\
        h1{font-size:30px;margin:8px 0}h2{font-size:20px;margin:0 0 8px}\
        .kk{color:#5d6d7e;font-weight:normal;font-size:.8em}\
        .lead{font-size:15px;line-height:1.5}\
        section{background:#fff;border:1px solid #d5dbdb;border-radius:8px;padding:16px 20px;margin:16px 0}\
        section.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;background:none;border:none;padding:0}\
        .card{background:#fff;border:1px solid #d5dbdb;border-radius:8px;padding:12px}\
        .card .value{font-size:24px;font-weight:600;color:#1b4f72}.card .title{font-weight:600;margin-top:2px}\
        .card .note{font-size:12px;color:#5d6d7e}\
        svg{display:block;margin:8px 0}svg .label{font-size:12px;fill:#1c2833}svg .note{font-size:11px;fill:#5d6d7e}\
        svg .axis{font-size:11px;fill:#5d6d7e}svg .grid{stroke:#e5e8e8;stroke-width:1}\
        .legend{font-size:13px}.key{margin-right:14px;white-space:nowrap}\
        .swatch{display:inline-block;width:11px;height:11px;margin-right:5px;border-radius:2px;vertical-align:-1px}\
        table{border-collapse:collapse;font-size:13px;margin:8px 0;width:100%}\
        th,td{border-bottom:1px solid #e5e8e8;padding:4px 6px;text-align:left}td.number,th.number{text-align:right}\
        table.facts th{width:42%;font-weight:600}code{font-size:12px;word-break:break-all}\
        .ok{color:#1e8449;font-weight:600}.bad{color:#b03a2e;font-weight:600}\
        details summary{cursor:pointer;color:#2874a6;font-size:13px}
        """
}
