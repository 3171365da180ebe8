// A check of the HDF5 global heap collections of a file, made before HDF5 reads from them.
//
// Variable-length strings (every text attribute, the text columns of /index) live in global
// heap collections: "GCOL", version 1, three reserved bytes, the collection's size (8 bytes),
// then objects, each a 16-byte header (index 2, reference count 2, reserved 4, size 8) and
// its bytes padded to a multiple of 8, ending with the free-space object (index 0) whose size
// covers the rest (HDF5 file format specification 2.0, section III.E). HDF5 1.10 trusts an
// object's size when it reads the object: one flipped byte in a size field makes it copy
// past the end of the collection and crash (memcpy-param-overlap, then SIGSEGV in H5HG_read).
// This check walks every collection the way HDF5 does and reports the first object that does
// not fit. A collection is recognised by its first eight bytes ("GCOL", 1, 0, 0, 0), which no
// text a results file stores can contain (TOML forbids control characters).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace descent::h5 {

// What is wrong with the global heap of the open file `fd` (the first damage found, e.g.
// "global heap collection at byte 2048: object 1 declares 1095216660495 bytes, more than the
// 4064 left in its collection"); nullopt when every collection is consistent. The file is
// read once, in blocks of 1 MiB. Throws std::runtime_error when it cannot be read.
std::optional<std::string> global_heap_damage(int fd);

// Reads `size` bytes at `offset` of the open file `fd` into `data`: the number read, fewer only
// at the end of the file. Throws std::runtime_error when the file cannot be read.
std::size_t read_at(int fd, unsigned char* data, std::size_t size, std::uint64_t offset);

// The objects of one collection: the size in bytes of each, by its index.
using HeapObjects = std::map<std::uint64_t, std::uint64_t>;

// The objects of the global heap collection at byte `start` of the open file `fd`; nullopt
// when no consistent collection starts there. Throws std::runtime_error when the file cannot
// be read.
std::optional<HeapObjects> global_heap_objects(int fd, std::uint64_t start);

}  // namespace descent::h5
