/// Why bytes could not be read as the expected binary value; `offset` is where the bad read started.
public struct BinaryDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Hashable {
        /// Fewer bytes were left than the value needs.
        case truncated(needed: Int, available: Int)
        /// A varint longer than 10 bytes, or one whose value does not fit 64 bits.
        case varintOverflow
        /// A length-prefixed string that is not valid UTF-8.
        case invalidUTF8
        /// A length prefix larger than `Int` can hold.
        case lengthTooLarge(UInt64)
        /// A boolean byte other than 0 or 1.
        case invalidBoolean(UInt8)
        /// A discriminator byte (an enum tag) that no case has; `type` names the enum.
        case invalidTag(type: String, tag: UInt64)
        /// A decoded value that its type rejects; `type` names the type.
        case invalidValue(type: String)
        /// Bytes left over after a value that should have used them all.
        case trailingBytes(Int)
    }

    /// The 0-based offset of the read that failed.
    public let offset: Int
    /// What was wrong.
    public let reason: Reason

    /// An error at `offset` for `reason`.
    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }

    /// A plain-English explanation naming the offset.
    public var message: String {
        let what: String
        switch reason {
        case .truncated(let needed, let available):
            what = "needed \(needed) bytes but only \(available) remain"
        case .varintOverflow: what = "varint does not fit 64 bits"
        case .invalidUTF8: what = "string is not valid UTF-8"
        case .lengthTooLarge(let length): what = "length \(length) is too large"
        case .invalidBoolean(let byte): what = "boolean byte \(byte) is neither 0 nor 1"
        case .invalidTag(let type, let tag): what = "\(type) has no case with tag \(tag)"
        case .invalidValue(let type): what = "not a valid \(type)"
        case .trailingBytes(let count): what = "\(count) unexpected bytes after the value"
        }
        return "\(what) at byte \(offset)"
    }

    /// Same as `message`.
    public var description: String { message }
}
