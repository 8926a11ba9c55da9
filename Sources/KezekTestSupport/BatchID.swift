/// The name of one batch of the torture test: the seed of the process that appended it, the writer task
/// within that process, and the writer's sequence number. The batch's content follows from its name
/// (see ``TortureBatch/init(id:)``).
///
/// Its text form is `<seed as 16 hexadecimal digits>-<writer>-<sequence>`, for example
/// `00000000075bcd15-2-41`.
public struct BatchID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The seed of the appending process.
    public var seed: UInt64
    /// The writer task within the process.
    public var writer: Int
    /// The writer's count of batches before this one.
    public var sequence: Int

    /// Names a batch.
    public init(seed: UInt64, writer: Int, sequence: Int) {
        self.seed = seed
        self.writer = writer
        self.sequence = sequence
    }

    /// Parses the text form; `nil` for anything else.
    public init?(_ text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].utf8.count == 16, let seed = UInt64(parts[0], radix: 16),
            let writer = Int(parts[1]), writer >= 0, let sequence = Int(parts[2]), sequence >= 0
        else { return nil }
        self.init(seed: seed, writer: writer, sequence: sequence)
    }

    /// The seed as 16 hexadecimal digits.
    public static func hex(_ seed: UInt64) -> String {
        let digits = String(seed, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public var description: String { "\(Self.hex(seed))-\(writer)-\(sequence)" }

    public static func < (lhs: BatchID, rhs: BatchID) -> Bool {
        (lhs.seed, lhs.writer, lhs.sequence) < (rhs.seed, rhs.writer, rhs.sequence)
    }
}
