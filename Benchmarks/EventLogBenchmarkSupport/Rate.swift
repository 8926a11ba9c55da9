#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many records per second a timed run managed, by the wall clock and by the CPU time the
/// process spent (all threads), which a machine busy with other work disturbs less.
public struct Rate: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// The records processed.
    public var records: Int
    /// How long it took, in seconds.
    public var seconds: Double
    /// The CPU time of the whole process meanwhile, in seconds.
    public var cpuSeconds: Double

    /// A rate of `records` in `duration`, having used `cpuSeconds` of CPU time.
    public init(records: Int, duration: Duration, cpuSeconds: Double = 0) {
        self.records = records
        let (whole, fraction) = duration.components
        seconds = Double(whole) + Double(fraction) * 1e-18
        self.cpuSeconds = cpuSeconds
    }

    /// Records per second.
    public var perSecond: Double {
        seconds > 0 ? Double(records) / seconds : 0
    }

    /// Records per second of CPU time.
    public var perCPUSecond: Double {
        cpuSeconds > 0 ? Double(records) / cpuSeconds : 0
    }

    public var description: String {
        Self.format(perSecond) + " records/s (" + Self.format(perCPUSecond) + " per CPU-second)"
    }

    private enum CodingKeys: String, CodingKey {
        case records, seconds, cpuSeconds, perSecond, perCPUSecond
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(records, forKey: .records)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(cpuSeconds, forKey: .cpuSeconds)
        try container.encode(perSecond, forKey: .perSecond)
        try container.encode(perCPUSecond, forKey: .perCPUSecond)
    }

    /// A number of records per second with thousands separators, without decimals.
    public static func format(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }

    /// Runs `body` and returns the rate of `records` over its wall-clock and CPU time.
    public static func measure(records: Int, _ body: () async throws -> Void) async rethrows -> Rate {
        let clock = ContinuousClock()
        let cpuStart = processCPUSeconds()
        let start = clock.now
        try await body()
        let duration = start.duration(to: clock.now)
        return Rate(records: records, duration: duration, cpuSeconds: processCPUSeconds() - cpuStart)
    }

    /// The CPU time used so far by every thread of the process (`CLOCK_PROCESS_CPUTIME_ID`).
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// A workload that did not do what it was asked to (the numbers would mean nothing).
public struct WorkloadFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// A failure described in plain words.
    public init(_ description: String) {
        self.description = description
    }
}
