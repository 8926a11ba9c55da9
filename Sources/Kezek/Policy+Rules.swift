extension Policy {
    /// A child's age by calendar year: the year minus the birth year (a child born in 2022 is 4 in 2026).
    public func cohortAge(birthYear: Int, in year: Int) -> Int { year - birthYear }

    /// Whether a child born in `birthYear` may be queued and placed in `year`: born by then, and not
    /// turning ``placementAgeLimit`` (6) during the year.
    public func isPlaceable(birthYear: Int, in year: Int) -> Bool {
        (0..<placementAgeLimit).contains(cohortAge(birthYear: birthYear, in: year))
    }

    /// The birth years placeable in `year`, youngest last: `year - 5 ... year` with the current limit.
    public func placeableBirthYears(in year: Int) -> ClosedRange<Int> {
        (year - placementAgeLimit + 1)...year
    }

    /// The number of birth years queued at once (the widest span of cohorts): 6.
    public var maximumBirthYearSpan: Int { placementAgeLimit }

    /// Whether a certificate issued on `issuedOn` is valid on `date`: from the issue day up to, not
    /// including, the same day ``documentValidityMonths`` later (issued 15 January, valid to 14 February).
    public func isDocumentValid(issuedOn: CivilDate, on date: CivilDate) -> Bool {
        issuedOn <= date && date < issuedOn.adding(months: documentValidityMonths)
    }

    /// Whether a certificate issued on `issuedOn` is valid at `time` (its Asia/Almaty date).
    public func isDocumentValid(issuedOn: CivilDate, at time: Timestamp) -> Bool {
        isDocumentValid(issuedOn: issuedOn, on: time.almatyDate)
    }

    /// When a referral issued at `issuedAt` lapses unless confirmed: the end (Asia/Almaty) of the
    /// ``referralConfirmationDays``-th calendar day after the issue day.
    public func confirmationDeadline(referralIssuedAt issuedAt: Timestamp) -> Timestamp {
        .startOfAlmatyDay(issuedAt.almatyDate.adding(days: referralConfirmationDays + 1))
    }

    /// When electronic registration must be done after confirming at `confirmedAt`: the end of the
    /// ``registrationWorkingDays``-th working day after the confirmation day.
    public func registrationDeadline(confirmedAt: Timestamp, calendar: WorkingCalendar) -> Timestamp {
        let lastDay = calendar.addingWorkingDays(registrationWorkingDays, to: confirmedAt.almatyDate)
        return .startOfAlmatyDay(lastDay.adding(days: 1))
    }

    /// Whether an extension of `days` calendar days is allowed after `extensionsUsed` earlier ones.
    public func allowsExtension(days: Int, extensionsUsed: Int) -> Bool {
        extensionsUsed < maximumExtensions && (1...maximumExtensionDays).contains(days)
    }

    /// The deadline `deadline` moved by an extension of `days` calendar days.
    public func extending(_ deadline: Timestamp, byDays days: Int) -> Timestamp {
        deadline.adding(days: days)
    }

    /// The last instant (exclusive) an application that became inactive at `lapsedAt` may be restored:
    /// the end of the ``restorationWindowDays``-th day after.
    public func restorationDeadline(lapsedAt: Timestamp) -> Timestamp {
        .startOfAlmatyDay(lapsedAt.almatyDate.adding(days: restorationWindowDays + 1))
    }

    /// When a stop list that started at `startedAt` ends: the end of the ``stopListDays``-th day after.
    public func stopListEnd(startedAt: Timestamp) -> Timestamp {
        .startOfAlmatyDay(startedAt.almatyDate.adding(days: stopListDays + 1))
    }

    /// The date the yearly queue refresh is due in `year` (30 June).
    public func queueRefreshDate(in year: Int) -> CivilDate {
        CivilDate(unchecked: year, queueRefreshDeadline.month, queueRefreshDeadline.day)
    }
}
