import LMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An advisory, exclusive lock (`flock`) on `kezek.lock` in a log's directory, held while a process
/// may write to the log. The kernel releases it when the process dies, however it dies.
final class DirectoryLock: Sendable {
    static let fileName = "kezek.lock"
    private let descriptor: Int32

    /// Creates `directory` (one level) unless it exists.
    static func createDirectory(_ directory: String) throws(EventLogError) {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw .storage(.system(errno: errno))
        }
    }

    init(directory: String) throws(EventLogError) {
        try Self.createDirectory(directory)
        let file = directory + "/" + Self.fileName
        let descriptor = open(file, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .storage(.system(errno: errno)) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .locked(path: directory)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
