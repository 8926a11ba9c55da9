import Foundation
import KezekDemo

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress of a long command on stderr: on a terminal, one bar redrawn in place per phase; elsewhere
/// (a file, a pipe, CI), a line every few seconds. Each finished phase leaves one line with its time.
struct ProgressDisplay {
    private let isTerminal = isatty(2) == 1
    private var phase: DemoPhase?
    private var phaseStarted = ContinuousClock.now
    private var lastDrawn = ContinuousClock.now
    private static let width = 28

    /// Shows `progress`: redraws the bar (at most ten times a second), or writes a line every five
    /// seconds when stderr is not a terminal; a finished phase gets its closing line.
    mutating func show(_ progress: DemoProgress) {
        let now = ContinuousClock.now
        if progress.phase != phase {
            phase = progress.phase
            phaseStarted = now
            lastDrawn = now
            if !isTerminal { Terminal.error("kezek demo: \(progress.phase.title)...") }
        }
        let seconds = Self.seconds(now - phaseStarted)
        if progress.isFinished {
            let line = "kezek demo: \(progress.phase.rawValue) done in \(Self.format(seconds)) s: \(progress.detail)"
            Terminal.error(isTerminal ? "\r\u{1B}[2K" + line : line)
            return
        }
        let interval: Duration = isTerminal ? .milliseconds(100) : .seconds(5)
        guard now - lastDrawn >= interval else { return }
        lastDrawn = now
        let percent = Int((progress.fraction * 100).rounded(.down))
        if isTerminal {
            let filled = Int((progress.fraction * Double(Self.width)).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.width - filled)
            Terminal.errorInPlace(
                "\r\u{1B}[2K\(progress.phase.rawValue) [\(bar)] \(percent)% \(Self.format(seconds)) s  \(progress.detail)"
            )
        } else {
            Terminal.error(
                "kezek demo: \(progress.phase.rawValue) \(percent)%, \(Self.format(seconds)) s: \(progress.detail)")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func format(_ seconds: Double) -> String {
        String(format: "%.1f", seconds)
    }
}
