#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the process used of the machine.
enum ResourceUsage {
    /// The most resident memory the process held at once, in bytes (`getrusage`'s `ru_maxrss`).
    static var peakResidentBytes: UInt64 {
        var usage = rusage()
        #if canImport(Darwin)
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
            return UInt64(usage.ru_maxrss)
        #else
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
            return UInt64(usage.ru_maxrss) * 1024
        #endif
    }
}
