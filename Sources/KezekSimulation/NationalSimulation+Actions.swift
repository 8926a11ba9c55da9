import Kezek

extension NationalSimulation {
    /// Reads what the last command produced: the number a submission or a bulletin got, and the referrals
    /// a tick issued (whose answers are then scheduled).
    mutating func observe(_ state: KezekState) {
        if state.lastApplicationNumber > seen.applications {
            seen.applications = state.lastApplicationNumber
            if let submission = pendingSubmission {
                admitted(ApplicationNumber(rawValue: state.lastApplicationNumber), submission)
            }
        }
        pendingSubmission = nil
        if state.lastBulletinNumber > seen.bulletins {
            seen.bulletins = state.lastBulletinNumber
            if let bulletin = pendingBulletin {
                invite(
                    to: BulletinNumber(rawValue: state.lastBulletinNumber), bulletin.key, bulletin.opensAt,
                    bulletin.closesAt, bulletin.seats)
            }
        }
        pendingBulletin = nil
        while seen.referrals < state.lastReferralNumber {
            seen.referrals += 1
            let number = ReferralNumber(rawValue: seen.referrals)
            guard let referral = state.referrals[number] else { continue }
            scheduleAnswer(to: number, issuedAt: referral.issuedAt)
        }
    }

    /// Carries out `action`: the command to issue now, or `nil` when the action issues none.
    mutating func perform(_ action: SimulationAction, in state: KezekState) -> Command? {
        switch action {
        case .dayStarts(let day):
            startDay(day)
            return nil
        case .arrival:
            return arrive()
        case .command(let command):
            return command
        case .submit(let submission):
            pendingSubmission = submission
            return .submitApplication(submission)
        case .verify(let number, let verdict):
            guard state.applications[number]?.claimStatus == .pending else { return nil }
            return .verifyPriority(Command.VerifyPriority(application: number, verdict: verdict))
        case .confirmInterest(let number):
            guard let application = state.applications[number] else { return nil }
            switch application.status {
            case .queued:
                scheduleInterest(of: number)
                return .confirmInterest(number)
            case .inactive where application.inactivity == .interestLapsed:
                scheduleInterest(of: number)
                return .confirmInterest(number)
            case .referred:
                scheduleInterest(of: number)
                return nil
            default:
                return nil
            }
        case .withdraw(let number):
            guard let application = state.applications[number], application.status.isActive else { return nil }
            return .withdrawApplication(number)
        case .publish:
            return publish(in: state)
        case .apply(let application, let bulletin):
            guard let record = state.applications[application], record.status == .queued,
                !record.isStopListed(at: now)
            else { return nil }
            return .applyToBulletin(Command.ApplyToBulletin(application: application, bulletin: bulletin))
        case .tick:
            return .tick
        case .answer(let number, let answer):
            guard state.referrals[number]?.status == .issued else { return nil }
            switch answer {
            case .refuse:
                return .refuseReferral(number)
            case .confirm(let extensionDays, let abandons):
                if !abandons {
                    if let days = extensionDays {
                        agenda.schedule(
                            .command(.extendReferral(Command.ExtendReferral(referral: number, days: days))),
                            at: later(hours: 2...30))
                        agenda.schedule(.register(number), at: later(hours: 24 * (days - 1)...24 * days))
                    } else {
                        agenda.schedule(.register(number), at: later(hours: 20...24 * 6))
                    }
                }
                return .confirmReferral(number)
            }
        case .register(let number):
            guard state.referrals[number]?.status == .confirmed else { return nil }
            agenda.schedule(.admit(number), at: later(hours: 18...24 * 4))
            return .registerEnrollment(number)
        case .admit(let number):
            guard state.referrals[number]?.status == .registered else { return nil }
            return .confirmAdmission(number)
        case .refresh(let year):
            return .refreshQueue(year: year)
        }
    }

    /// A time `hours` from now, with random minutes and seconds.
    mutating func later(hours: ClosedRange<Int>) -> Timestamp {
        let seconds = Int64(Int.random(in: hours, using: &random)) * 3600 + Int64.random(in: 0..<3600, using: &random)
        return now.adding(seconds: seconds)
    }

    /// Schedules the day's arrivals (working hours, most in the morning), bulletins (published in the
    /// morning), the evening tick, the yearly refresh on 30 June, and the next day.
    mutating func startDay(_ day: Int) {
        let midnight = Timestamp.startOfAlmatyDay(scale.start.adding(days: day))
        for _ in 0..<dailyArrivals[day] {
            let hour =
                Int.random(in: 0..<100, using: &random) < 70
                ? Int.random(in: 8...13, using: &random) : Int.random(in: 7...22, using: &random)
            agenda.schedule(
                .arrival, at: midnight.adding(seconds: Int64(hour * 3600 + Int.random(in: 0..<3600, using: &random))))
        }
        if day >= 30 {
            for _ in 0..<bulletinsToday(day) {
                agenda.schedule(
                    .publish, at: midnight.adding(seconds: Int64(Int.random(in: 9 * 3600..<12 * 3600, using: &random))))
            }
        }
        agenda.schedule(.tick, at: midnight.adding(seconds: 20 * 3600))
        let date = midnight.almatyDate
        if date.month == 6 && date.day == 30 {
            agenda.schedule(.refresh(date.year), at: midnight.adding(seconds: 10 * 3600))
        }
        if day + 1 < scale.days {
            agenda.schedule(.dayStarts(day + 1), at: midnight.adding(days: 1).adding(seconds: 6 * 3600))
        }
    }

    /// Bulletins published on `day`: the year's seats spread over working days, three times as many in
    /// August (the new school year), fewer in June and July; three seats a bulletin on average.
    mutating func bulletinsToday(_ day: Int) -> Int {
        let date = scale.start.adding(days: day)
        guard date.weekday != .sunday && date.weekday != .saturday else { return 0 }
        let season: Double =
            switch date.month {
            case 8: 3
            case 6, 7: 0.4
            default: 0.9
            }
        let expected = Double(scale.seatsPerYear) / 250 / 3 * season
        let whole = Int(expected)
        return whole + (Double.random(in: 0..<1, using: &random) < expected - Double(whole) ? 1 : 0)
    }
}
