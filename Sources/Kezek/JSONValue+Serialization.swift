extension JSONValue: CustomStringConvertible {
    /// Appends the compact canonical form: no whitespace, members in order, integers in decimal, strings
    /// with only `"`, `\` and control characters escaped (everything else stays UTF-8 as is).
    public func write(into output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(true): output.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        case .bool(false): output.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .integer(let value): Self.writeInteger(value, into: &output)
        case .number(let number): output.append(contentsOf: number.text.utf8)
        case .string(let string): Self.writeString(string, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                element.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// The compact canonical form as UTF-8 bytes.
    public var serialized: [UInt8] {
        var output: [UInt8] = []
        write(into: &output)
        return output
    }

    /// The compact canonical form as a string.
    public var description: String {
        String(decoding: serialized, as: UTF8.self)
    }

    /// Appends `value` in decimal without going through `String`.
    static func writeInteger(_ value: Int64, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            output.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        var count = 0
        var rest = magnitude
        while rest > 0 {
            count += 1
            rest /= 10
        }
        let end = output.count + count
        output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var position = end
        while magnitude > 0 {
            position -= 1
            output[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
    }

    /// Appends `string` quoted and escaped.
    static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let low = byte & 0xF
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, 0x30 + byte >> 4])
                output.append(low < 10 ? 0x30 + low : UInt8(ascii: "a") + low - 10)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
