public import Kezek

/// What the engine answered to one command: the result or the rejection, and the ticket that says when
/// the answer may be given (once everything submitted before and with it is durable).
public struct Execution: Sendable, Equatable {
    /// The result on success (what was assigned), or why the command was refused.
    public var outcome: Result<CommandResult, Rejection>
    /// The number of appends that must be durable before the answer is given.
    public var ticket: UInt64

    /// An answer with its ticket.
    public init(outcome: Result<CommandResult, Rejection>, ticket: UInt64) {
        self.outcome = outcome
        self.ticket = ticket
    }

    /// The answer as one JSON line's value: `{"ok": true, ...}` or
    /// `{"ok": false, "error": {"code", "message"}}`.
    public var json: JSONValue {
        switch outcome {
        case .success(let result):
            return .object(JSONObject([JSONMember("ok", true)] + result.fields.members))
        case .failure(let rejection):
            return [
                "ok": false,
                "error": ["code": .string(rejection.code), "message": .string(rejection.message)],
            ]
        }
    }
}
