import ArgumentParser
import EventLog
import Kezek

/// Where `kezek replay --until` stops: a position, or a time (ISO 8601 with an offset).
enum ReplayLimit: ExpressibleByArgument {
    case position(Position)
    case time(Timestamp)

    init?(argument: String) {
        if let position = UInt64(argument) {
            self = .position(Position(position))
        } else if let time = Timestamp(argument) {
            self = .time(time)
        } else {
            return nil
        }
    }
}
