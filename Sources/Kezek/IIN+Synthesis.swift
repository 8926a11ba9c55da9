extension IIN {
    /// The IIN a person born on `birthDate` of `sex` with the serial number `serial` (0...9999) would have,
    /// or `nil` when no such number exists: a birth year outside 1800...2099, a serial out of range, or
    /// digits whose check digit would need both weightings to give 10 (never issued).
    ///
    /// For fixtures and generated data sets: real IINs are issued by the state.
    public init?(birthDate: CivilDate, sex: Sex, serial: Int) {
        guard (1800...2099).contains(birthDate.year), (0...9999).contains(serial) else { return nil }
        let centuryDigit = UInt64((birthDate.year - 1800) / 100 * 2 + (sex == .male ? 1 : 2))
        let yy = UInt64(birthDate.year % 100)
        var number = yy
        number = number * 100 + UInt64(birthDate.month)
        number = number * 100 + UInt64(birthDate.day)
        number = number * 10 + centuryDigit
        number = number * 10_000 + UInt64(serial)
        number *= 10
        guard let check = Self.checkDigit(of: number) else { return nil }
        self.init(validatedNumber: number + UInt64(check))
    }
}
