/// Small helpers for fixed-width decimal fields (dates, codes), shared by the parsers of the module.
enum ASCIIDigits {
    /// The value of a run of ASCII digits, or `nil` if empty, too long or not all digits.
    static func value(_ bytes: some Collection<UInt8>) -> Int? {
        // A string's UTF-8 view is contiguous, and a buffer is much cheaper to walk than the view.
        bytes.withContiguousStorageIfAvailable { digitsValue($0) } ?? digitsValue(bytes)
    }

    private static func digitsValue(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var result = 0
        for byte in bytes {
            guard let digit = digit(byte) else { return nil }
            result = result * 10 + digit
        }
        return result
    }

    /// The value of one ASCII digit, or `nil`.
    static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// `text` quoted for an error message, shortened when very long.
    static func quoted(_ text: String) -> String {
        let limit = 64
        return text.count <= limit ? "\"\(text)\"" : "\"\(text.prefix(limit))…\" (\(text.count) characters)"
    }
}
