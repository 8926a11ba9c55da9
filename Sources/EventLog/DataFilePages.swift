import Foundation

/// The pages of an LMDB data file, mapped read-only, with every access checked against the file's
/// size, so that a damaged page number or offset is reported instead of read.
///
/// The layout is LMDB 0.9's on 64-bit machines: a page starts with a 16-byte header (page number
/// 8 bytes, pad 2, flags 2, lower 2, upper 2; an overflow page keeps its page count where lower and
/// upper are); pages 0 and 1 are the meta pages.
struct DataFilePages: ~Copyable {
    static let headerSize = 16

    let base: UnsafeRawPointer
    let byteCount: Int
    let pageSize: Int
    private let descriptor: Int32

    /// Maps the file at `path`; fails (with a reason) when it cannot be opened or is too small.
    init(path: String, pageSize: Int) throws(DataFileDamage) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw DataFileDamage(page: nil, reason: "cannot open it (\(String(cString: strerror(errno))))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 2 * pageSize else {
            close(descriptor)
            throw DataFileDamage(page: nil, reason: "it is shorter than two pages")
        }
        let byteCount = Int(status.st_size)
        guard let mapped = mmap(nil, byteCount, PROT_READ, MAP_SHARED, descriptor, 0), mapped != MAP_FAILED else {
            close(descriptor)
            throw DataFileDamage(page: nil, reason: "cannot map it (\(String(cString: strerror(errno))))")
        }
        base = UnsafeRawPointer(mapped)
        self.byteCount = byteCount
        self.pageSize = pageSize
        self.descriptor = descriptor
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), byteCount)
        close(descriptor)
    }

    /// How many whole pages the file holds.
    var pageCount: UInt64 { UInt64(byteCount / pageSize) }

    /// The page `number`, or `nil` when it lies past the end of the file.
    func page(_ number: UInt64) -> UnsafeRawBufferPointer? {
        guard number < pageCount else { return nil }
        return UnsafeRawBufferPointer(start: base + Int(number) * pageSize, count: pageSize)
    }

    /// `count` pages from `number` on (an overflow run), or `nil` past the end of the file.
    func pages(_ number: UInt64, count: UInt64) -> UnsafeRawBufferPointer? {
        guard count > 0, number < pageCount, count <= pageCount - number else { return nil }
        return UnsafeRawBufferPointer(start: base + Int(number) * pageSize, count: Int(count) * pageSize)
    }
}

extension UnsafeRawBufferPointer {
    /// A little-endian (native on the machines LMDB files are read on) integer at `offset`.
    func native<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
