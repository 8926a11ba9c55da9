extension Policy {
    /// When a confirmation of interest given at `time` falls due: the end (Asia/Almaty) of the same day
    /// ``interestValidityMonths`` later.
    public func interestDeadline(confirmedAt time: Timestamp) -> Timestamp {
        .startOfAlmatyDay(time.almatyDate.adding(months: interestValidityMonths).adding(days: 1))
    }

    /// The last day (inclusive) a certificate issued on `issuedOn` is valid.
    public func lastValidDay(ofDocumentIssuedOn issuedOn: CivilDate) -> CivilDate {
        issuedOn.adding(months: documentValidityMonths).adding(days: -1)
    }
}
