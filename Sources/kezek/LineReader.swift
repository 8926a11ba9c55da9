#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor in large blocks and hands out its lines (without the `\n`, and without a
/// `\r` before it), so that memory stays flat however long the input is.
struct LineReader: ~Copyable {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var isAtEnd = false

    /// Reads standard input (`path` nil or `-`) or the file at `path`.
    init(path: String?) throws(ToolFailure) {
        if let path, path != "-" {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw .usage("kezek: cannot read \(path): \(String(cString: strerror(errno)))")
            }
            self.descriptor = descriptor
            ownsDescriptor = true
        } else {
            descriptor = 0
            ownsDescriptor = false
        }
        buffer = [UInt8](repeating: 0, count: 1 << 20)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Calls `body` with the next line, or returns `false` at the end of the input. A last line without
    /// a final newline counts; an empty input has no lines.
    mutating func next(_ body: (UnsafeRawBufferPointer) throws(ToolFailure) -> Void) throws(ToolFailure) -> Bool {
        while true {
            if let newline = nextNewline() {
                let lineStart = start
                start = newline + 1
                try deliver(lineStart..<newline, body)
                return true
            }
            if isAtEnd {
                guard start < end else { return false }
                let lineStart = start
                start = end
                try deliver(lineStart..<end, body)
                return true
            }
            try fill()
        }
    }

    private func nextNewline() -> Int? {
        let (start, end) = (start, end)
        return buffer.withUnsafeBytes { bytes -> Int? in
            guard let base = bytes.baseAddress, end > start,
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private func deliver(
        _ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws(ToolFailure) -> Void
    ) throws(ToolFailure) {
        var upper = range.upperBound
        if upper > range.lowerBound && buffer[upper - 1] == UInt8(ascii: "\r") { upper -= 1 }
        let result = buffer.withUnsafeBytes { bytes in
            Result { () throws(ToolFailure) in
                try body(UnsafeRawBufferPointer(rebasing: bytes[range.lowerBound..<upper]))
            }
        }
        try result.get()
    }

    /// Moves the unread bytes to the front (growing the buffer for a very long line) and reads more.
    private mutating func fill() throws(ToolFailure) {
        if start > 0 {
            let count = end - start
            if count > 0 {
                buffer.withUnsafeMutableBytes { bytes in
                    bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + start, byteCount: count)
                }
            }
            start = 0
            end = count
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let count = buffer.count
        let filled = end
        let descriptor = descriptor
        let read = buffer.withUnsafeMutableBytes { bytes -> Int in
            systemRead(descriptor, bytes.baseAddress! + filled, count - filled)
        }
        if read < 0 {
            if errno == EINTR { return }
            throw .usage("kezek: cannot read the input: \(String(cString: strerror(errno)))")
        }
        if read == 0 { isAtEnd = true }
        end += read
    }
}

private func systemRead(_ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, pointer, count)
}
