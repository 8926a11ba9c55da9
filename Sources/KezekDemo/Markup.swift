/// Text for an HTML or SVG page: escaping and number formatting.
enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// An integer with thin spaces between groups of three digits (`1 234 567`), as Kazakh and
    /// Russian texts write it and English ones read it.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "\u{2009}" }
            result.append(digit)
        }
        return value < 0 ? "−" + result : result
    }

    /// `value` with `places` decimals.
    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard places > 0 else { return grouped(scaled) }
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return grouped(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A coordinate for SVG, with at most one decimal.
    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(Double(tenths) / 10)
    }

    /// A share of `total` as a percentage with one decimal.
    static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        return decimal(Double(part) * 100 / Double(total), places: 1) + "%"
    }
}
