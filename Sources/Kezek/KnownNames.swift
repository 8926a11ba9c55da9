/// A few values recognised by their short names, so that coding the names stored events repeat (policy
/// versions, language codes) makes no `String`, hashes nothing and copies no string bytes.
///
/// Each name of at most 7 bytes is kept as one word: its UTF-8 little-endian, its length in the top byte.
/// Longer names are not kept; their lookups fail and take the caller's general path.
struct KnownNames<Value: Equatable> {
    private let words: [UInt64]
    private let values: [Value]

    /// The values with their names.
    init(_ values: [Value], name: (Value) -> String) {
        var words: [UInt64] = []
        var kept: [Value] = []
        for value in values {
            var name = name(value)
            if let word = name.withUTF8({ Self.word(UnsafeRawBufferPointer($0)) }) {
                words.append(word)
                kept.append(value)
            }
        }
        self.words = words
        self.values = kept
    }

    /// The first value named exactly `bytes`, or `nil`.
    @inline(__always)
    func value(named bytes: UnsafeRawBufferPointer) -> Value? {
        guard let word = Self.word(bytes), let index = words.firstIndex(of: word) else { return nil }
        return values[index]
    }

    /// The name of `value` as a word (see the type's summary), or `nil` when it is not kept.
    @inline(__always)
    func word(of value: Value) -> UInt64? {
        guard let index = values.firstIndex(of: value) else { return nil }
        return words[index]
    }

    /// Up to 7 bytes, little-endian, with their count in the top byte; `nil` for more.
    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var word = UInt64(truncatingIfNeeded: bytes.count) &<< 56
        for index in 0..<bytes.count {
            word |= UInt64(bytes[index]) &<< (index &* 8)
        }
        return word
    }
}

extension KnownNames: Sendable where Value: Sendable {}
