// The allocator's statistics (glibc's mallinfo2), for the benchmarks' heap figures.
#include <malloc.h>
