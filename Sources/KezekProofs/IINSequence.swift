import Kezek
import KezekTestSupport

/// Distinct valid IINs of people born from a given day on, about four thousand a day.
struct IINSequence {
    private var birth: CivilDate
    private var serial = [Sex: Int]()

    init(firstBirth: CivilDate) {
        birth = firstBirth
    }

    /// The next IIN of a person of `sex`.
    mutating func next(sex: Sex) -> IIN {
        while true {
            let wanted = serial[sex, default: 1]
            let iin = DomainFixtures.iin(born: birth, sex: sex, serial: wanted)
            let digits = Array(iin.rawValue.utf8).map { Int($0) - 48 }
            let used = digits[7] * 1000 + digits[8] * 100 + digits[9] * 10 + digits[10]
            if used >= wanted && used < 9_990 {
                serial[sex] = used + 1
                return iin
            }
            birth = birth.adding(days: 1)
            serial = [:]
        }
    }
}
