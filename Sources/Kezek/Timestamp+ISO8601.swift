extension Timestamp: CustomStringConvertible, LosslessStringConvertible {
    /// Parses ISO 8601 with a required offset: `YYYY-MM-DDTHH:MM:SS[.f{1,3}](Z|±HH:MM)`.
    ///
    /// Examples: `2026-06-18T08:33:20+05:00`, `2026-06-18T03:33:20Z`, `2026-06-18T08:33:20.125+05:00`.
    /// Rejected: a missing offset (local time is ambiguous), impossible dates, hour 24, second 60, more than
    /// three fractional digits.
    public init(parsing text: String) throws(TimestampError) {
        var contiguous = text
        self = try contiguous.withUTF8 { bytes in
            Result { () throws(TimestampError) in try Self.parse(bytes, text: text) }
        }.get()
    }

    /// Parses the UTF-8 of `text` where it is (no copy to an array).
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, text: String) throws(TimestampError) -> Timestamp {
        func number(_ range: Range<Int>) throws(TimestampError) -> Int {
            guard range.upperBound <= bytes.count, let value = ASCIIDigits.value(bytes[range]) else {
                throw .malformed(text)
            }
            return value
        }
        func expect(_ index: Int, _ character: Unicode.Scalar) throws(TimestampError) {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { throw .malformed(text) }
        }
        guard bytes.count >= 19 else { throw .malformed(text) }
        try expect(4, "-")
        try expect(7, "-")
        try expect(10, "T")
        try expect(13, ":")
        try expect(16, ":")
        let year = try number(0..<4)
        let month = try number(5..<7)
        let day = try number(8..<10)
        let hour = try number(11..<13)
        let minute = try number(14..<16)
        let second = try number(17..<19)
        var index = 19
        var millisecond = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            let start = index + 1
            var end = start
            while end < bytes.count, ASCIIDigits.digit(bytes[end]) != nil { end += 1 }
            let scale: Int
            switch end - start {
            case 1: scale = 100
            case 2: scale = 10
            case 3: scale = 1
            default: throw .badFraction(text)
            }
            millisecond = try number(start..<end) * scale
            index = end
        }
        guard index < bytes.count else { throw .missingOffset(text) }
        let offsetSeconds: Int
        if bytes[index] == UInt8(ascii: "Z") {
            guard index + 1 == bytes.count else { throw .malformed(text) }
            offsetSeconds = 0
        } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard index + 6 == bytes.count else { throw .malformed(text) }
            try expect(index + 3, ":")
            let offsetHours = try number(index + 1..<index + 3)
            let offsetMinutes = try number(index + 4..<index + 6)
            guard offsetHours <= 18, offsetMinutes <= 59 else { throw .badOffset(text) }
            let magnitude = offsetHours * 3600 + offsetMinutes * 60
            offsetSeconds = bytes[index] == UInt8(ascii: "-") ? -magnitude : magnitude
        } else {
            throw .malformed(text)
        }
        let date: CivilDate
        do {
            date = try CivilDate(year: year, month: month, day: day)
        } catch {
            throw .nonexistentDate(text)
        }
        guard hour <= 23, minute <= 59, second <= 59 else { throw .nonexistentTimeOfDay(text) }
        return try Timestamp(
            date: date, hour: hour, minute: minute, second: second, millisecond: millisecond,
            offsetSeconds: offsetSeconds)
    }

    /// Parses ISO 8601 with an offset, or returns `nil`.
    public init?(_ description: String) {
        guard let timestamp = try? Timestamp(parsing: description) else { return nil }
        self = timestamp
    }

    /// ISO 8601 in Asia/Almaty local time with its offset, such as `2026-06-18T08:33:20+05:00`;
    /// milliseconds appear (`.125`) only when not zero.
    public var description: String { formatted(offsetSeconds: almatyOffsetSeconds) }

    /// ISO 8601 at a fixed offset (`Z` for zero), milliseconds only when not zero.
    public func formatted(offsetSeconds: Int) -> String {
        let local = millisecondsSinceEpoch + Int64(offsetSeconds) * Self.millisecondsPerSecond
        var (days, milliseconds) = local.quotientAndRemainder(dividingBy: Self.millisecondsPerDay)
        if milliseconds < 0 {
            days -= 1
            milliseconds += Self.millisecondsPerDay
        }
        let date = CivilDate(daysSinceEpoch: Int(days))
        let secondsOfDay = Int(milliseconds / 1000)
        var text = "\(date)T\(ASCIIDigits.padded(secondsOfDay / 3600, width: 2)):"
        text +=
            "\(ASCIIDigits.padded(secondsOfDay / 60 % 60, width: 2)):\(ASCIIDigits.padded(secondsOfDay % 60, width: 2))"
        if milliseconds % 1000 != 0 {
            text += "." + ASCIIDigits.padded(Int(milliseconds % 1000), width: 3)
        }
        if offsetSeconds == 0 { return text + "Z" }
        let magnitude = abs(offsetSeconds) / 60
        text += offsetSeconds < 0 ? "-" : "+"
        return text + "\(ASCIIDigits.padded(magnitude / 60, width: 2)):\(ASCIIDigits.padded(magnitude % 60, width: 2))"
    }
}
