import Kezek

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered standard output for JSON lines, and standard error for messages.
enum Terminal {
    nonisolated(unsafe) private static var buffer: [UInt8] = {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 17)
        return bytes
    }()

    /// Appends one JSON value and a newline to standard output (written out in large blocks).
    static func printLine(_ value: JSONValue) {
        value.write(into: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered for standard output.
    static func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { write(fileDescriptor: 1, $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes a message and a newline to standard error at once.
    static func error(_ message: String) {
        var bytes = Array(message.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { write(fileDescriptor: 2, $0) }
    }

    /// Writes text to standard error with no newline (a progress bar redrawn in place).
    static func errorInPlace(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { write(fileDescriptor: 2, $0) }
    }

    private static func write(fileDescriptor: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, pointer, count)
    #else
        Darwin.write(descriptor, pointer, count)
    #endif
}
