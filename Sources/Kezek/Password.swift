/// A password that satisfies the portal's rule: 8 to 40 characters, not the phone number, not the IIN.
///
/// Characters are counted as Swift `Character`s (grapheme clusters), as a person counts them. The text
/// never appears in descriptions, dumps or error messages. The domain does not persist it: the caller
/// hashes ``text`` and discards the value.
public struct Password: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The shortest accepted password, in characters.
    public static let minimumLength = 8
    /// The longest accepted password, in characters.
    public static let maximumLength = 40

    /// The password text; hash it, never log it.
    public let text: String

    /// Validates `text` against the rule.
    ///
    /// - Parameters:
    ///   - confirmation: the second typing, when the form asks twice; must be identical.
    ///   - phone: the account's phone; the password may not be any of its digit forms.
    ///   - iin: the account holder's IIN; the password may not be it.
    public init(
        validating text: String, confirmation: String? = nil, phone: PhoneNumber? = nil, iin: IIN? = nil
    ) throws(PasswordError) {
        let length = text.count
        guard length >= Self.minimumLength else { throw .tooShort(length: length) }
        guard length <= Self.maximumLength else { throw .tooLong(length: length) }
        if let confirmation, confirmation != text { throw .confirmationMismatch }
        if let phone, phone.digitForms.contains(text) || text == phone.rawValue { throw .equalsPhoneNumber }
        if let iin, text == iin.rawValue { throw .equalsIIN }
        self.text = text
    }

    /// A fixed mask; never the password.
    public var description: String { "Password(redacted)" }
    /// A fixed mask; never the password.
    public var debugDescription: String { description }
    /// An empty mirror, so `dump` does not print the password.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// Why a password was rejected. No case carries the password.
public enum PasswordError: DomainValueError {
    /// Fewer than ``Password/minimumLength`` characters.
    case tooShort(length: Int)
    /// More than ``Password/maximumLength`` characters.
    case tooLong(length: Int)
    /// The two typings differ.
    case confirmationMismatch
    /// The password is the account's phone number.
    case equalsPhoneNumber
    /// The password is the account holder's IIN.
    case equalsIIN

    /// Always `invalidPassword`.
    public var code: String { "invalidPassword" }

    /// Says what is wrong, without the password.
    public var message: String {
        switch self {
        case .tooShort(let length):
            "the password has \(length) characters; it needs at least \(Password.minimumLength)"
        case .tooLong(let length):
            "the password has \(length) characters; it may have at most \(Password.maximumLength)"
        case .confirmationMismatch:
            "the two typings of the password differ"
        case .equalsPhoneNumber:
            "the password must not be the phone number"
        case .equalsIIN:
            "the password must not be the IIN"
        }
    }
}
