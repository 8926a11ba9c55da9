/// LLVM's `prefetch` intrinsic: a hint that the cache line holding `address` will be read soon. It never
/// faults and never waits, whatever the address.
@_silgen_name("llvm.prefetch.p0")
func llvmPrefetch(_ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ cacheType: Int32)

/// Starts bringing the cache line holding `address` into every level of the data cache, for a read a
/// little later: a fold that knows which records the next events touch asks for them ahead, so that
/// their cache misses overlap the work in between instead of stalling it one by one.
@inline(__always)
func prefetch(_ address: UnsafeRawPointer) {
    llvmPrefetch(address, 0, 3, 1)
}

/// Starts bringing the `size` bytes from `address` into the cache, a line at a time.
@inline(__always)
func prefetch(_ address: UnsafeRawPointer, size: Int) {
    var offset = 0
    while offset < size {
        prefetch(address + offset)
        offset += 64
    }
    // The last byte's line, when the bytes start partway through a line.
    if size > 0 { prefetch(address + (size - 1)) }
}
