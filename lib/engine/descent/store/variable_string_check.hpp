// A check of the variable-length strings of a table (the text columns of /index), made before
// HDF5 reads them.
//
// A table row stores a variable-length string as its length (4 bytes), the address of the
// global heap collection holding its text (the file's size of addresses) and the index of its
// object there (4 bytes), little-endian (HDF5 file format specification 2.0: the datatype message's variable-length
// class, and the global heap, section III.E). HDF5 1.10 trusts the stored length: reading
// the string (H5T__conv_vlen) allocates and zero-fills a buffer of that many bytes before it
// looks at the object, then copies the whole object into it. One damaged length of 3.6·10⁹
// costs 3.6 GB and a minute; a length shorter than its object writes past the buffer. HDF5
// stores a string's object with exactly the string's length, so here every stored length
// must equal the size of the object it names, in a consistent collection, and all of them
// together can hold no more bytes than the file.
//
// The table's stored bytes are read directly, so its layout must be the one HDF5 gives a
// table written whole (contiguous, in the file itself) and its columns of types whose stored
// size is known: numbers, fixed-length text, variable-length strings (not nested).
#pragma once

#include <cstddef>

#include "descent/store/hdf5_layer.hpp"

namespace descent::h5 {

// Checks the first `rows` rows of the compound `dataset`; Error naming the dataset, the row
// and the column of the first damaged string; std::runtime_error when the file cannot be read.
void check_variable_strings(const Handle& dataset, std::size_t rows);

}  // namespace descent::h5
