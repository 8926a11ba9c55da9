import Kezek

/// Makes unique, valid IINs and phone numbers for simulated people.
struct PersonFactory {
    private var serials: [CivilDate: Int] = [:]
    private var phones = 0

    /// A new IIN of someone born on `date`; serials run 1, 3, 5, ... per day (an even serial stands in
    /// when the odd one has no check digit), so no two people share one.
    mutating func iin(born date: CivilDate, sex: Sex) -> IIN {
        let next = serials[date, default: 0]
        serials[date] = next + 1
        let serial = (next * 2 + 1) % 10_000
        if let iin = IIN(birthDate: date, sex: sex, serial: serial) { return iin }
        return IIN(birthDate: date, sex: sex, serial: serial + 1)!
    }

    /// A new mobile number: +7 70x, 747, 775, 777, 778 series.
    mutating func phone() -> PhoneNumber {
        phones += 1
        let prefixes = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "777", "778"]
        let prefix = prefixes[phones % prefixes.count]
        let rest = String(1_000_000 + phones / prefixes.count % 9_000_000)
        return PhoneNumber(rawValue: "+7" + prefix + String(rest.suffix(7)))!
    }
}
