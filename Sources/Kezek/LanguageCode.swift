/// A language of instruction (оқыту тілі), as an ISO 639-1 code such as `kk` or `ru`.
///
/// Only codes of ``known`` are accepted: the languages Kazakhstan's preschool organisations teach in.
///
/// Kept as its index among ``known`` (one byte, where a string takes sixteen): every queue key and every
/// application holds one.
public struct LanguageCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Its index in ``known``.
    private let index: UInt8

    /// The lower-case ISO 639-1 code.
    public var rawValue: String { Self.known[Int(index)].code }

    /// A known language with its names.
    public struct Entry: Hashable, Sendable {
        /// The ISO 639-1 code.
        public let code: String
        /// The name in Kazakh.
        public let nameKazakh: String
        /// The name in Russian.
        public let nameRussian: String
        /// The name in English.
        public let nameEnglish: String
    }

    /// The accepted languages, as data: state and official languages first, then minority languages
    /// with schools or groups in Kazakhstan.
    public static let known: [Entry] = [
        Entry(code: "kk", nameKazakh: "қазақ тілі", nameRussian: "казахский", nameEnglish: "Kazakh"),
        Entry(code: "ru", nameKazakh: "орыс тілі", nameRussian: "русский", nameEnglish: "Russian"),
        Entry(code: "uz", nameKazakh: "өзбек тілі", nameRussian: "узбекский", nameEnglish: "Uzbek"),
        Entry(code: "ug", nameKazakh: "ұйғыр тілі", nameRussian: "уйгурский", nameEnglish: "Uyghur"),
        Entry(code: "tg", nameKazakh: "тәжік тілі", nameRussian: "таджикский", nameEnglish: "Tajik"),
        Entry(code: "en", nameKazakh: "ағылшын тілі", nameRussian: "английский", nameEnglish: "English"),
        Entry(code: "de", nameKazakh: "неміс тілі", nameRussian: "немецкий", nameEnglish: "German"),
        Entry(code: "ko", nameKazakh: "корей тілі", nameRussian: "корейский", nameEnglish: "Korean"),
        Entry(code: "tr", nameKazakh: "түрік тілі", nameRussian: "турецкий", nameEnglish: "Turkish"),
        Entry(code: "az", nameKazakh: "әзербайжан тілі", nameRussian: "азербайджанский", nameEnglish: "Azerbaijani"),
        Entry(code: "ky", nameKazakh: "қырғыз тілі", nameRussian: "киргизский", nameEnglish: "Kyrgyz"),
        Entry(code: "tt", nameKazakh: "татар тілі", nameRussian: "татарский", nameEnglish: "Tatar"),
        Entry(code: "uk", nameKazakh: "украин тілі", nameRussian: "украинский", nameEnglish: "Ukrainian"),
    ]

    private static let indicesByCode: [String: UInt8] = Dictionary(
        uniqueKeysWithValues: known.enumerated().map { ($1.code, UInt8($0)) })

    /// Kazakh, the state language.
    public static let kazakh = LanguageCode(known: "kk")
    /// Russian, the official language.
    public static let russian = LanguageCode(known: "ru")

    private init(known code: String) { index = Self.indicesByCode[code]! }

    /// Parses a code of ``known``; exact lower-case match.
    public init(parsing text: String) throws(LanguageCodeError) {
        guard let index = Self.indicesByCode[text] else { throw .unknown(text) }
        self.index = index
    }

    /// Accepts a code of ``known``, or returns `nil`.
    public init?(rawValue: String) {
        guard let index = Self.indicesByCode[rawValue] else { return nil }
        self.index = index
    }

    /// Its index in ``known``.
    public var indexInKnown: Int { Int(index) }

    /// The language at `index` in ``known``, or `nil` past its end.
    init?(indexInKnown index: Int) {
        guard Self.known.indices.contains(index) else { return nil }
        self.index = UInt8(index)
    }

    /// The names of the language.
    public var entry: Entry { Self.known[Int(index)] }

    /// Orders by code.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The code.
    public var description: String { rawValue }
}

/// Why a language code was rejected.
public enum LanguageCodeError: DomainValueError {
    /// The code is not one of ``LanguageCode/known``.
    case unknown(String)

    /// Always `unknownLanguage`.
    public var code: String { "unknownLanguage" }

    /// Names the bad value.
    public var message: String {
        switch self {
        case .unknown(let text):
            "language \(ASCIIDigits.quoted(text)) is not a known language of instruction; known: "
                + LanguageCode.known.map(\.code).joined(separator: ", ")
        }
    }
}
