public import Kezek

/// An event the log must hold for a line whose result was `{"ok": true}`: its type and one field.
public struct ExpectedEvent: Sendable, Hashable {
    /// The event's type name, as `kezek export` prints it.
    public var type: String
    /// The field of the result line that names what the command created.
    public var field: String
    /// The same field in the event's `fields`.
    public var eventField: String
    /// The field's value.
    public var value: JSONValue

    /// An expected event whose field has the same name in the result and in the event.
    init(type: String, field: String, eventField: String? = nil, value: JSONValue) {
        self.type = type
        self.field = field
        self.eventField = eventField ?? field
        self.value = value
    }
}
