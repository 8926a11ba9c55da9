import Foundation
public import Kezek

/// A file of valid commands (see ``ValidCommands``), with where each line starts, its time and what it
/// must leave in the log.
public struct CommandFile: Sendable {
    /// The file's path.
    public let path: String
    /// The byte offset of each line.
    public private(set) var offsets: [UInt64] = []
    /// Each line's time, in milliseconds since 1970 (strictly increasing).
    public private(set) var times: [Int64] = []
    /// What each line must leave in the log once its success was printed.
    public private(set) var expected: [ExpectedEvent?] = []

    /// Writes `count` lines drawn from `seed` to `path`.
    public init(path: String, count: Int, seed: UInt64) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw ProofError("cannot write \(path)") }
        defer { try? handle.close() }
        var commands = ValidCommands(seed: seed)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var written: UInt64 = 0
        offsets.reserveCapacity(count)
        times.reserveCapacity(count)
        expected.reserveCapacity(count)
        for _ in 0..<count {
            let line = commands.next()
            offsets.append(written + UInt64(buffer.count))
            times.append(line.at.millisecondsSinceEpoch)
            expected.append(line.expected)
            buffer += line.text.utf8
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                written += UInt64(buffer.count)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// The number of lines.
    public var count: Int { offsets.count }

    /// The line whose time is `time`, if any.
    public func line(at time: Timestamp) -> Int? {
        let target = time.millisecondsSinceEpoch
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < times.count && times[low] == target ? low : nil
    }
}
