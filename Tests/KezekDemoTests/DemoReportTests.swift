import Foundation
import Kezek
import Testing

@testable import KezekDemo

@Suite("kezek demo: the report page")
struct DemoReportTests {
    static var html: String {
        get throws { DemoReport(try DemoRunTests.shared.get()).html }
    }

    @Test("the page is self-contained: no scripts, no links, nothing fetched")
    func selfContained() throws {
        let html = try Self.html
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import"] {
            #expect(!html.contains(forbidden), "the page holds \(forbidden)")
        }
        let addresses = html.components(separatedBy: "http").count - 1
        let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        #expect(addresses == namespaces, "the only addresses are the SVG namespace")
        #expect(namespaces >= 4, "phases, regions, tiers and rounds each have a chart")
    }

    @Test("every element is closed in order")
    func balanced() throws {
        #expect(try TagBalance.problems(in: Self.html) == [])
    }

    @Test("the page shows the regions, the head hash and the digest")
    func content() throws {
        let summary = try DemoRunTests.shared.get()
        let html = try Self.html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains(summary.audit.headHash))
        #expect(html.contains(summary.audit.digest))
        for region in summary.queue.regions {
            #expect(html.contains(Markup.escape(region.nameEnglish)))
            #expect(html.contains(Markup.escape(region.nameKazakh)))
        }
        for month in summary.allocation.months { #expect(html.contains(month.label)) }
    }

    @Test("the tag checker finds what is wrong")
    func tagCheckerCatches() {
        #expect(TagBalance.problems(in: "<p><b>x</p></b>") != [])
        #expect(TagBalance.problems(in: "<div><span></span>") != [])
        #expect(TagBalance.problems(in: "<div><br/><meta charset=\"utf-8\"><span>a</span></div>") == [])
    }
}

/// A small HTML tag checker: every non-void element closes, in the order opened.
enum TagBalance {
    static let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "!doctype"]

    static func problems(in html: String) -> [String] {
        var stack: [String] = []
        var problems: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else {
                problems.append("a tag is not closed")
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let selfClosing = tag.hasSuffix("/")
            let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" && !tag.hasPrefix("/") }).first.map {
                $0.lowercased()
            }
            guard var name, !name.isEmpty else { continue }
            if name.hasPrefix("/") {
                name.removeFirst()
                if stack.last == name {
                    stack.removeLast()
                } else {
                    problems.append("</\(name)> closes \(stack.last ?? "nothing")")
                }
            } else if !selfClosing && !void.contains(name) {
                stack.append(name)
            }
        }
        problems += stack.map { "<\($0)> is never closed" }
        return problems
    }
}
