import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `kezek-log-torture append` process of the crash test: started with its standard output on a
/// pipe, read while it runs (so that it never blocks on a full pipe), killed with `SIGKILL`.
final class ChildRun {
    /// What the child said, and what went wrong with it.
    struct Outcome {
        var messages: [TortureMessage] = []
        var failures: [CrashFailure] = []
    }

    private let executable: String
    private let process = Process()
    private let pipe = Pipe()
    private var pending: [UInt8] = []
    private var outcome = Outcome()
    private var ended = false

    init(executable: String) {
        self.executable = executable
    }

    /// Starts the child; answers a failure when it cannot be started.
    func start(arguments: [String]) -> CrashFailure? {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            return .childDidNotStart(executable: executable, reason: "\(error)")
        }
        return nil
    }

    /// Waits for the moment, kills the child, and collects every line it wrote.
    func outcome(killingAt moment: CrashHarness.Moment, stallLimit: Int) -> Outcome {
        let stallDeadline = ContinuousClock.now + .seconds(stallLimit)
        switch moment {
        case .opening(let microseconds):
            if waitFor(.opening, deadline: stallDeadline, limit: stallLimit) {
                usleep(UInt32(microseconds))
            }
        case .appending(let milliseconds):
            if waitFor(.opened, deadline: stallDeadline, limit: stallLimit) {
                collect(until: ContinuousClock.now + .milliseconds(milliseconds))
            }
        }
        if process.isRunning {
            sendKill(to: process.processIdentifier)
        }
        process.waitUntilExit()
        collect(until: ContinuousClock.now + .seconds(10))
        try? pipe.fileHandleForReading.close()
        if !pending.isEmpty {
            // A line cut short cannot have been written by a single write(2); say so.
            outcome.failures.append(.unreadableMessage(String(decoding: pending, as: UTF8.self)))
        }
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        if !killed && outcome.failures.isEmpty {
            outcome.failures.append(
                .childEnded(status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal)
            )
        }
        return outcome
    }

    private enum Stage: String {
        case opening = "opening the log"
        case opened = "having opened the log"
    }

    /// Reads until the child reaches `stage`; `false` when it ended or stalled first (recorded).
    private func waitFor(_ stage: Stage, deadline: ContinuousClock.Instant, limit: Int) -> Bool {
        while !reached(stage) {
            if ended { return false }
            if ContinuousClock.now >= deadline {
                outcome.failures.append(.childStalled(waitingFor: stage.rawValue, seconds: limit))
                return false
            }
            collect(until: deadline, returningEarly: true)
        }
        return true
    }

    private func reached(_ stage: Stage) -> Bool {
        outcome.messages.contains { message in
            switch (message, stage) {
            case (.opening, .opening), (.opened, .opened): true
            default: false
            }
        }
    }

    private func sendKill(to identifier: Int32) {
        kill(identifier, SIGKILL)
    }

    /// Reads what the child writes until `deadline` or the end of its output, or, when `returningEarly`,
    /// until the first bytes have come.
    private func collect(until deadline: ContinuousClock.Instant, returningEarly: Bool = false) {
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !ended {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return }
            let milliseconds = Int32(min(1000, (left / .milliseconds(1)).rounded(.up)))
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                ended = true
            } else if count == 0 {
                ended = true
            } else {
                take(buffer[..<count])
                if returningEarly { return }
            }
        }
    }

    private func take(_ bytes: ArraySlice<UInt8>) {
        pending += bytes
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: pending[..<newline], as: UTF8.self)
            pending.removeSubrange(...newline)
            if let message = TortureMessage(line: line[...]) {
                outcome.messages.append(message)
            } else {
                outcome.failures.append(.unreadableMessage(line))
            }
        }
    }
}
