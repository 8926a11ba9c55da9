/// Small charts drawn as inline SVG: horizontal stacked bars and monthly columns with a line. Every
/// mark carries a `<title>`, so a browser shows its figure on hover.
enum SVGChart {
    /// One segment of a stacked bar.
    struct Segment {
        var value: Int
        var color: String
        var title: String
    }

    /// One row of a horizontal stacked bar chart.
    struct Row {
        var label: String
        var segments: [Segment]
        var note: String

        var total: Int { segments.reduce(0) { $0 + $1.value } }
    }

    /// Horizontal stacked bars, one row each, scaled to the largest total (or each to 100% when
    /// `proportional`); the row's note stands at the end of its bar.
    static func stackedBars(
        _ rows: [Row], labelWidth: Double = 190, noteWidth: Double = 70, proportional: Bool = false
    ) -> String {
        let width = 860.0
        let rowHeight = 22.0
        let barArea = width - labelWidth - noteWidth - 10
        let height = Double(rows.count) * rowHeight + 8
        let largest = max(1, rows.map(\.total).max() ?? 1)
        var svg = open(width: width, height: height, label: "bar chart")
        for (index, row) in rows.enumerated() {
            let y = 4 + Double(index) * rowHeight
            svg += text(row.label, x: labelWidth - 8, y: y + 15, anchor: "end")
            var x = labelWidth
            let scale = proportional ? barArea / Double(max(1, row.total)) : barArea / Double(largest)
            for segment in row.segments where segment.value > 0 {
                let length = Double(segment.value) * scale
                svg +=
                    "<rect x=\"\(Markup.coordinate(x))\" y=\"\(Markup.coordinate(y + 3))\" width=\"\(Markup.coordinate(max(length, 0.5)))\" height=\"16\" fill=\"\(segment.color)\"><title>\(Markup.escape(segment.title))</title></rect>"
                x += length
            }
            svg += text(row.note, x: x + 6, y: y + 15, anchor: "start", className: "note")
        }
        return svg + "</svg>"
    }

    /// One month's column: a dark part (admitted) over a light part (left free), and a point of the line.
    struct Column {
        var label: String
        var lower: Int
        var upper: Int
        var point: Int?
        var title: String
    }

    /// Monthly columns of seats (admitted, then left free) against the left axis, and the median
    /// cut-off queue number as a line against the right axis.
    static func columnsWithLine(_ columns: [Column], lowerColor: String, upperColor: String, lineColor: String)
        -> String
    {
        let width = 860.0
        let height = 300.0
        let left = 56.0
        let right = 56.0
        let top = 14.0
        let bottom = 46.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let seatStep = niceCeiling(((columns.map { $0.lower + $0.upper }.max() ?? 1) + 3) / 4)
        let pointStep = niceCeiling(((columns.compactMap(\.point).max() ?? 1) + 3) / 4)
        let largest = seatStep * 4
        let highestPoint = pointStep * 4
        let step = plotWidth / Double(max(columns.count, 1))
        var svg = open(width: width, height: height, label: "seats and cut-offs by month")
        for tick in 0...4 {
            let y = top + plotHeight - plotHeight * Double(tick) / 4
            svg +=
                "<line x1=\"\(Markup.coordinate(left))\" y1=\"\(Markup.coordinate(y))\" x2=\"\(Markup.coordinate(width - right))\" y2=\"\(Markup.coordinate(y))\" class=\"grid\"/>"
            svg += text(Markup.grouped(seatStep * tick), x: left - 6, y: y + 4, anchor: "end", className: "axis")
            svg += text(
                Markup.grouped(pointStep * tick), x: width - right + 6, y: y + 4, anchor: "start", className: "axis")
        }
        var points: [String] = []
        for (index, column) in columns.enumerated() {
            let x = left + Double(index) * step
            let barWidth = max(1, step * 0.72)
            let lowerHeight = plotHeight * Double(column.lower) / Double(largest)
            let upperHeight = plotHeight * Double(column.upper) / Double(largest)
            let base = top + plotHeight
            svg += "<g><title>\(Markup.escape(column.title))</title>"
            svg +=
                "<rect x=\"\(Markup.coordinate(x + step * 0.14))\" y=\"\(Markup.coordinate(base - lowerHeight))\" width=\"\(Markup.coordinate(barWidth))\" height=\"\(Markup.coordinate(lowerHeight))\" fill=\"\(lowerColor)\"/>"
            svg +=
                "<rect x=\"\(Markup.coordinate(x + step * 0.14))\" y=\"\(Markup.coordinate(base - lowerHeight - upperHeight))\" width=\"\(Markup.coordinate(barWidth))\" height=\"\(Markup.coordinate(upperHeight))\" fill=\"\(upperColor)\"/></g>"
            if let point = column.point {
                let y = top + plotHeight - plotHeight * Double(point) / Double(highestPoint)
                points.append("\(Markup.coordinate(x + step / 2)),\(Markup.coordinate(y))")
            }
            let labelEvery = max(1, Int((Double(columns.count) / 12).rounded(.up)))
            if index % labelEvery == 0 {
                svg += text(column.label, x: x + step / 2, y: height - bottom + 16, anchor: "middle", className: "axis")
            }
        }
        if !points.isEmpty {
            svg +=
                "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(lineColor)\" stroke-width=\"2\"/>"
            for point in points {
                let xy = point.split(separator: ",")
                svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2.5\" fill=\"\(lineColor)\"/>"
            }
        }
        svg += text("seats", x: left - 6, y: height - 8, anchor: "end", className: "axis")
        svg += text("cut-off", x: width - right + 6, y: height - 8, anchor: "start", className: "axis")
        return svg + "</svg>"
    }

    /// The smallest 1, 2 or 5 times a power of ten that is at least `value` (and at least 1).
    static func niceCeiling(_ value: Int) -> Int {
        var power = 1
        while true {
            for factor in [1, 2, 5] where factor * power >= max(value, 1) { return factor * power }
            power *= 10
        }
    }

    private static func open(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Markup.coordinate(width)) \(Markup.coordinate(height))\" width=\"100%\" role=\"img\" aria-label=\"\(Markup.escape(label))\">"
    }

    private static func text(
        _ content: String, x: Double, y: Double, anchor: String, className: String = "label"
    ) -> String {
        "<text x=\"\(Markup.coordinate(x))\" y=\"\(Markup.coordinate(y))\" text-anchor=\"\(anchor)\" class=\"\(className)\">\(Markup.escape(content))</text>"
    }
}
