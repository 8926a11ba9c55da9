extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
    /// Parses an ISO 8601 calendar date, exactly `YYYY-MM-DD`.
    public init(parsing text: String) throws(CivilDateError) {
        var contiguous = text
        let fields = contiguous.withUTF8 { bytes -> (year: Int, month: Int, day: Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                let year = ASCIIDigits.value(bytes[0..<4]),
                let month = ASCIIDigits.value(bytes[5..<7]),
                let day = ASCIIDigits.value(bytes[8..<10])
            else { return nil }
            return (year, month, day)
        }
        guard let fields else { throw .malformed(text) }
        try self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    /// Parses `YYYY-MM-DD`, or returns `nil`.
    public init?(_ description: String) {
        guard let date = try? CivilDate(parsing: description) else { return nil }
        self = date
    }

    /// The ISO 8601 form, `YYYY-MM-DD`.
    public var description: String {
        "\(ASCIIDigits.padded(year, width: 4))-\(ASCIIDigits.padded(month, width: 2))-"
            + ASCIIDigits.padded(day, width: 2)
    }
}
