#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable run of elements in one heap block, copied on write like an array, whose subscript lends
/// an element in place: reading `storage[i].field` copies the field, not the element (an array's
/// subscript copies the whole element, retaining whatever it holds). The storage of the record tables.
///
/// The block comes from `malloc` and grows with `realloc`: a big block (mapped pages of its own) grows
/// by remapping its pages, not by copying them into fresh ones, so a table of a million records built
/// by appending touches each page once instead of twice over its doublings. Elements that cannot move
/// bit for bit (every record can) move one by one into a new block instead.
@usableFromInline
struct DenseStorage<Element> {
    @usableFromInline var buffer: Buffer

    /// No elements.
    @inlinable init() { buffer = Buffer.make() }

    /// One element, `nil`.
    @inlinable init<Wrapped>(nilFirst: Void) where Element == Wrapped? {
        self.init()
        append(nil)
    }

    /// The address of the element at `index`, which must be below ``count``: valid until the storage
    /// next changes.
    @inlinable func address(_ index: Int) -> UnsafePointer<Element> {
        let counts = buffer.counts
        precondition(index >= 0 && index < counts.count, "index out of range")
        return UnsafePointer(counts.elements.unsafelyUnwrapped + index)
    }

    /// How many elements there are.
    @inlinable var count: Int { buffer.counts.count }

    /// How many elements fit before the block grows.
    @inlinable var capacity: Int { buffer.counts.capacity }

    /// The element at `index`, which must be below ``count``; lent in place for reads and changes.
    @inlinable subscript(index: Int) -> Element {
        unsafeAddress { address(index) }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "index out of range")
            makeUnique(capacity: capacity)
            return buffer.counts.elements.unsafelyUnwrapped + index
        }
    }

    /// Adds `element` at the end (moving it in), doubling the block when it is full.
    @inlinable mutating func append(_ element: consuming Element) {
        let count = count
        if count == capacity {
            makeUnique(capacity: Swift.max(16, capacity * 2))
        } else {
            makeUnique(capacity: capacity)
        }
        // Moved in, not copied: whatever the element holds is not retained again.
        (buffer.counts.elements.unsafelyUnwrapped + count).initialize(to: element)
        buffer.counts.count = count + 1
    }

    /// Fills this storage, which must be empty, with `count` elements in place: `fill` gets the start of
    /// room for them, uninitialized, and returns `true` once it initialized all of them, or `false`
    /// after it deinitialized whatever it had initialized (the storage stays empty). The room is valid
    /// only while `fill` runs; several threads may initialize parts of it that do not overlap.
    @inlinable mutating func fill(count: Int, _ fill: (UnsafeMutablePointer<Element>) -> Bool) -> Bool {
        precondition(self.count == 0, "filling a storage that holds elements")
        // Room for at least one, so that `fill` gets an address even for no elements.
        reserveCapacity(Swift.max(count, 1))
        let filled = fill(buffer.counts.elements.unsafelyUnwrapped)
        if filled { buffer.counts.count = count }
        return filled
    }

    /// Makes room for `capacity` elements in all.
    @inlinable mutating func reserveCapacity(_ capacity: Int) {
        makeUnique(capacity: Swift.max(capacity, self.capacity))
    }

    /// Gives this storage a block of its own with room for `capacity` elements (at least ``count``):
    /// the same block when it is not shared and big enough, the same block grown when it is not shared,
    /// otherwise a new one with the elements copied into it.
    @inlinable mutating func makeUnique(capacity: Int) {
        if isKnownUniquelyReferenced(&buffer) {
            if capacity > self.capacity { buffer.grow(to: capacity) }
            return
        }
        let copy = Buffer.make()
        copy.grow(to: Swift.max(capacity, count))
        let source = buffer.counts
        if source.count > 0 {
            copy.counts.elements.unsafelyUnwrapped.initialize(
                from: source.elements.unsafelyUnwrapped, count: source.count)
        }
        copy.counts.count = source.count
        buffer = copy
    }

    /// Owns the block: its count, capacity and address, in the header; the elements' memory is the
    /// block's, not the object's.
    @usableFromInline
    final class Buffer: ManagedBuffer<Header, Void> {
        @inlinable static func make() -> Buffer {
            unsafeDowncast(
                Buffer.create(minimumCapacity: 0) { _ in Header(count: 0, capacity: 0, elements: nil) },
                to: Buffer.self)
        }

        /// The header, through its pointer: the `header` property of a class is checked for exclusive
        /// access at run time on every read and write, and the tables read it on every access.
        @inlinable var counts: Header {
            get { withUnsafeMutablePointerToHeader { $0.pointee } }
            set { withUnsafeMutablePointerToHeader { $0.pointee = newValue } }
        }

        /// Gives the block room for `capacity` elements (more than it has), keeping its elements.
        @usableFromInline func grow(to capacity: Int) {
            let stride = MemoryLayout<Element>.stride
            precondition(MemoryLayout<Element>.alignment <= 16, "elements aligned to at most 16 bytes")
            let (bytes, overflow) = Swift.max(capacity, 1).multipliedReportingOverflow(by: Swift.max(stride, 1))
            precondition(!overflow, "a storage of \(capacity) elements")
            var header = counts
            let raw: UnsafeMutableRawPointer?
            if _isBitwiseTakable(Element.self) || header.count == 0 {
                raw = realloc(header.elements.map { UnsafeMutableRawPointer($0) }, bytes)
            } else {
                raw = malloc(bytes)
                if let raw, let old = header.elements {
                    raw.bindMemory(to: Element.self, capacity: capacity).moveInitialize(from: old, count: header.count)
                    free(old)
                }
            }
            guard let raw else { fatalError("out of memory for \(capacity) elements of \(stride) bytes") }
            header.elements = raw.bindMemory(to: Element.self, capacity: capacity)
            header.capacity = capacity
            counts = header
        }

        deinit {
            let header = counts
            if let elements = header.elements {
                elements.deinitialize(count: header.count)
                free(elements)
            }
        }
    }

    /// How many elements a block holds and has room for, and where it is (`nil` before the first).
    @usableFromInline
    struct Header {
        @usableFromInline var count: Int
        @usableFromInline var capacity: Int
        @usableFromInline var elements: UnsafeMutablePointer<Element>?

        @inlinable init(count: Int, capacity: Int, elements: UnsafeMutablePointer<Element>?) {
            self.count = count
            self.capacity = capacity
            self.elements = elements
        }
    }
}

extension DenseStorage: @unchecked Sendable where Element: Sendable {}
