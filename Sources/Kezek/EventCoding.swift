/// A value that events carry, with its binary layout and its JSON form.
///
/// Binary layouts are append-only contracts: changing one needs a new event version (see `EventType`).
protocol EventValue {
    /// Writes the binary layout.
    func write(to writer: inout BoundedBinaryWriter)
    /// Reads the binary layout.
    init(from reader: inout BinaryReader) throws(BinaryDecodingError)
    /// The JSON form (`.null` for an absent optional, which the object writer leaves out).
    var json: JSONValue { get }
    /// Reads the JSON form of the field at `path`; `.null` means absent.
    init(json: JSONValue, path: String) throws(EventDecodingError)
}

/// Writes the named fields of a record, in order.
protocol EventFieldWriter {
    mutating func write<Value: EventValue>(_ name: String, _ value: Value)
}

/// Reads the named fields of a record, in the order they were written.
protocol EventFieldReader {
    mutating func read<Value: EventValue>(_ name: String, as type: Value.Type) throws(EventDecodingError) -> Value
}

/// A value made of named fields: an event payload or a record inside one. Binary: the fields one after
/// the other, no names, no tags. JSON: an object with the fields as members.
protocol EventRecord: EventValue {
    /// Writes every field, in the layout's order.
    func writeFields(to fields: inout some EventFieldWriter)
    /// Reads every field, in the layout's order, for schema `version` (older versions are upcast).
    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError)
}

extension EventFieldReader {
    mutating func read<Value: EventValue>(_ name: String) throws(EventDecodingError) -> Value {
        try read(name, as: Value.self)
    }
}

struct BinaryFieldWriter: EventFieldWriter {
    var writer: BoundedBinaryWriter

    mutating func write<Value: EventValue>(_ name: String, _ value: Value) {
        value.write(to: &writer)
    }
}

struct BinaryFieldReader: EventFieldReader {
    var reader: BinaryReader

    mutating func read<Value: EventValue>(_ name: String, as type: Value.Type) throws(EventDecodingError) -> Value {
        do {
            return try Value(from: &reader)
        } catch {
            throw .binary(error)
        }
    }
}

struct JSONFieldWriter: EventFieldWriter {
    var object: JSONObject

    mutating func write<Value: EventValue>(_ name: String, _ value: Value) {
        let json = value.json
        if json != .null {
            object.appendUnchecked(name, json)
        }
    }
}

struct JSONFieldReader: EventFieldReader {
    let object: JSONObject
    let path: String

    mutating func read<Value: EventValue>(_ name: String, as type: Value.Type) throws(EventDecodingError) -> Value {
        try Value(json: object[name] ?? .null, path: path.isEmpty ? name : "\(path).\(name)")
    }
}

extension EventRecord {
    @inline(__always)
    func write(to writer: inout BoundedBinaryWriter) {
        var fields = BinaryFieldWriter(writer: writer)
        writeFields(to: &fields)
        writer = fields.writer
    }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        var fields = BinaryFieldReader(reader: reader)
        do {
            try self.init(fields: &fields, version: 1)
        } catch {
            guard case .binary(let binary) = error else {
                throw BinaryDecodingError(offset: fields.reader.offset, reason: .invalidValue(type: "\(Self.self)"))
            }
            throw binary
        }
        reader = fields.reader
    }

    var json: JSONValue {
        .object(jsonObject)
    }

    /// The fields as a JSON object.
    var jsonObject: JSONObject {
        var fields = JSONFieldWriter(object: JSONObject())
        writeFields(to: &fields)
        return fields.object
    }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        guard case .object(let object) = json else { throw .json(field: path, expected: "an object") }
        var fields = JSONFieldReader(object: object, path: path)
        try self.init(fields: &fields, version: .max)
    }
}

extension Optional: EventValue where Wrapped: EventValue {
    func write(to writer: inout BoundedBinaryWriter) {
        if let value = self {
            writer.write(true)
            value.write(to: &writer)
        } else {
            writer.write(false)
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        self = try reader.readBool() ? try Wrapped(from: &reader) : nil
    }

    var json: JSONValue {
        self?.json ?? .null
    }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        self = json == .null ? nil : try Wrapped(json: json, path: path)
    }
}

extension Array: EventValue where Element: EventValue {
    func write(to writer: inout BoundedBinaryWriter) {
        writer.writeVarint(UInt64(count))
        for element in self {
            element.write(to: &writer)
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        let count = try reader.readLength()
        // Every element takes at least one byte, so a corrupt count cannot reserve more than the input.
        guard count <= reader.remaining else {
            throw BinaryDecodingError(
                offset: reader.offset, reason: .truncated(needed: count, available: reader.remaining))
        }
        self.init()
        reserveCapacity(count)
        for _ in 0..<count {
            append(try Element(from: &reader))
        }
    }

    var json: JSONValue {
        .array(map(\.json))
    }

    init(json: JSONValue, path: String) throws(EventDecodingError) {
        switch json {
        case .null:
            self = []
        case .array(let elements):
            self.init()
            reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                append(try Element(json: element, path: "\(path)[\(index)]"))
            }
        default:
            throw .json(field: path, expected: "an array")
        }
    }
}
