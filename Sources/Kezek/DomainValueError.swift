/// An error raised when a value given to the domain is not acceptable.
///
/// Every validation error of the module conforms, so the edge (the command decoder, the CLI) can report
/// any of them the same way: a stable camelCase ``code`` for machines and a ``message`` for people.
public protocol DomainValueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable camelCase machine code, such as `invalidIIN`; part of the contract, never renamed.
    var code: String { get }
    /// A plain-language explanation naming the bad value.
    var message: String { get }
}

extension DomainValueError {
    /// The message, prefixed by the code.
    public var description: String { "\(code): \(message)" }
}
