import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Clocks, memory and output for the benchmarks.
enum Measure {
    /// Seconds `body` took on the monotonic clock, and its result.
    static func time<T>(_ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
        let clock = ContinuousClock()
        var result: T?
        let duration = try clock.measure { result = try body() }
        return (seconds(duration), result!)
    }

    /// The CPU time the whole process used so far (user and system, all threads), in seconds: what a
    /// machine busy with other work disturbs less than the wall clock.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Wall-clock and process CPU seconds `body` took, and its result.
    static func timeWithCPU<T>(_ body: () throws -> T) rethrows -> (seconds: Double, cpuSeconds: Double, result: T) {
        let cpu = processCPUSeconds()
        let (seconds, result) = try time(body)
        return (seconds, processCPUSeconds() - cpu, result)
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) * 1e-18
    }

    /// The process's resident memory now, in bytes (`/proc/self/statm`).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The part of the resident memory that maps files (the log's pages read through LMDB's map, the
    /// program's code), in bytes: `/proc/self/statm`'s shared pages. The page cache holds them, and the
    /// kernel may drop them at any time.
    static func residentFileBackedBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 2, let pages = Int(fields[2]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The process's peak resident memory so far, in bytes: `VmHWM` of `/proc/self/status`, which starts
    /// afresh at `exec` (`getrusage`'s maximum would carry over a parent's peak into a child it starts),
    /// or `getrusage` where there is no such file.
    static func peakResidentBytes() -> Int {
        if let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.dropFirst("VmHWM:".count).split(separator: " ").first ?? "")
        {
            return kilobytes * 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// Writes a progress line on stderr.
    static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints `report` as pretty JSON on stdout.
    static func print(_ report: [String: Any]) {
        let data = try! JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        Swift.print(String(decoding: data, as: UTF8.self))
    }

    /// `value` rounded to `places` decimals.
    static func round(_ value: Double, _ places: Int = 2) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }

    /// Megabytes.
    static func megabytes(_ bytes: Int) -> Double { round(Double(bytes) / 1_048_576, 1) }
}
