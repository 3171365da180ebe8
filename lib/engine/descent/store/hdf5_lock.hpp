// The lock of the program's HDF5 calls. Not every HDF5 build is thread-safe, so every HDF5
// call of the program is made while holding `h5::lock()` (a recursive mutex: a locked
// operation may call another); the store's writer thread and the threads that read results
// take turns through it (hdf5_layer.hpp). This header does not include hdf5.h.
#pragma once

#include <mutex>

namespace descent::h5 {

// Held by every operation that calls HDF5. Also silences HDF5's error printing on this thread.
std::unique_lock<std::recursive_mutex> lock();

}  // namespace descent::h5
