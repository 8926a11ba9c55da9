public import Kezek

/// Building blocks for domain tests: places, kindergarten ids, valid IINs, submissions.
public enum DomainFixtures {
    /// Almaty city.
    public static let almaty = KATOCode(rawValue: 750_000_000)!
    /// Astana city.
    public static let astana = KATOCode(rawValue: 710_000_000)!

    /// A kindergarten id that is known to be valid.
    public static func id(_ text: String) -> KindergartenID { try! KindergartenID(validating: text) }

    /// A valid IIN of a person born on `date`, the `serial`-th such number (serials whose check digit
    /// would need both weight passes to give 10 are skipped).
    public static func iin(born date: CivilDate, sex: Sex = .female, serial: Int = 1) -> IIN {
        let centuryDigit = (date.year >= 2000 ? 5 : 3) + (sex == .female ? 1 : 0)
        var serial = serial
        while true {
            let yy = date.year % 100
            var digits = [yy / 10, yy % 10, date.month / 10, date.month % 10, date.day / 10, date.day % 10]
            digits.append(centuryDigit)
            digits += [serial / 1000 % 10, serial / 100 % 10, serial / 10 % 10, serial % 10]
            if let check = IIN.checkDigit(forFirstEleven: digits) {
                return IIN(rawValue: digits.map(String.init).joined() + String(check))!
            }
            serial += 1
        }
    }

    /// A `submitApplication` command.
    public static func submission(
        _ child: IIN, applicant: IIN, locality: KATOCode = almaty, language: LanguageCode = .kazakh,
        groupType: GroupType = .general, kindergartens: [KindergartenID] = [], priority: PriorityClaim? = nil
    ) -> Command {
        .submitApplication(
            Command.SubmitApplication(
                applicant: applicant, child: child, locality: locality, language: language, groupType: groupType,
                kindergartens: kindergartens, priority: priority))
    }
}
