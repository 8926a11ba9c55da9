/// A growable run of elements in one heap buffer, copied on write like an array, whose subscript lends
/// an element in place: reading `storage[i].field` copies the field, not the element (an array's
/// subscript copies the whole element, retaining whatever it holds). The storage of the record tables.
@usableFromInline
struct DenseStorage<Element> {
    @usableFromInline var buffer: Buffer

    /// No elements.
    @inlinable init() { buffer = Buffer.make(capacity: 0) }

    /// How many elements there are.
    @inlinable var count: Int { buffer.counts.count }

    /// How many elements fit before the buffer grows.
    @inlinable var capacity: Int { buffer.counts.capacity }

    /// The element at `index`, which must be below ``count``; lent in place for reads and changes.
    @inlinable subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < count, "index out of range")
            return UnsafePointer(buffer.withUnsafeMutablePointerToElements { $0 + index })
        }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "index out of range")
            makeUnique(capacity: capacity)
            return buffer.withUnsafeMutablePointerToElements { $0 + index }
        }
    }

    /// Adds `element` at the end (moving it in), doubling the buffer when it is full.
    @inlinable mutating func append(_ element: consuming Element) {
        let count = count
        if count == capacity {
            makeUnique(capacity: Swift.max(16, capacity * 2))
        } else {
            makeUnique(capacity: capacity)
        }
        // Moved in, not copied: whatever the element holds is not retained again.
        var pending = Optional(element)
        buffer.withUnsafeMutablePointerToElements { ($0 + count).initialize(to: pending.take()!) }
        buffer.counts.count = count + 1
    }

    /// Fills this storage, which must be empty, with `count` elements in place: `fill` gets the start of
    /// room for them, uninitialized, and returns `true` once it initialized all of them, or `false`
    /// after it deinitialized whatever it had initialized (the storage stays empty). The room is valid
    /// only while `fill` runs; several threads may initialize parts of it that do not overlap.
    @inlinable mutating func fill(count: Int, _ fill: (UnsafeMutablePointer<Element>) -> Bool) -> Bool {
        precondition(self.count == 0, "filling a storage that holds elements")
        reserveCapacity(count)
        let filled = buffer.withUnsafeMutablePointerToElements { fill($0) }
        if filled { buffer.counts.count = count }
        return filled
    }

    /// Makes room for `capacity` elements in all.
    @inlinable mutating func reserveCapacity(_ capacity: Int) {
        makeUnique(capacity: Swift.max(capacity, self.capacity))
    }

    /// Gives this storage a buffer of its own with room for `capacity` elements (at least ``count``):
    /// the same buffer when it is not shared and big enough, otherwise a new one with the elements moved
    /// (not shared) or copied (shared) into it.
    @inlinable mutating func makeUnique(capacity: Int) {
        let unique = isKnownUniquelyReferenced(&buffer)
        if unique && capacity <= self.capacity { return }
        let count = count
        let fresh = Buffer.make(capacity: Swift.max(capacity, count))
        fresh.withUnsafeMutablePointerToElements { target in
            buffer.withUnsafeMutablePointerToElements { source in
                if unique {
                    target.moveInitialize(from: source, count: count)
                } else {
                    target.initialize(from: source, count: count)
                }
            }
        }
        if unique { buffer.counts.count = 0 }
        fresh.counts.count = count
        buffer = fresh
    }

    /// The buffer: its count and capacity, then the elements.
    @usableFromInline
    final class Buffer: ManagedBuffer<Header, Element> {
        @inlinable static func make(capacity: Int) -> Buffer {
            let made = unsafeDowncast(
                Buffer.create(minimumCapacity: capacity) { _ in Header(count: 0, capacity: 0) }, to: Buffer.self)
            // `create` may round the capacity up; use what was allocated.
            made.counts.capacity = made.capacity
            return made
        }

        /// The header, through its pointer: the `header` property of a class is checked for exclusive
        /// access at run time on every read and write, and the tables read it on every access.
        @inlinable var counts: Header {
            get { withUnsafeMutablePointerToHeader { $0.pointee } }
            set { withUnsafeMutablePointerToHeader { $0.pointee = newValue } }
        }

        @inlinable deinit {
            _ = withUnsafeMutablePointers { header, elements in
                elements.deinitialize(count: header.pointee.count)
            }
        }
    }

    /// How many elements a buffer holds and has room for.
    @usableFromInline
    struct Header {
        @usableFromInline var count: Int
        @usableFromInline var capacity: Int

        @inlinable init(count: Int, capacity: Int) {
            self.count = count
            self.capacity = capacity
        }
    }
}

extension DenseStorage: @unchecked Sendable where Element: Sendable {}
