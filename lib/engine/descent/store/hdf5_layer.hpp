// A thin RAII layer over the HDF5 C API, private to the store (the only code that includes
// hdf5.h). One handle type owns every kind of HDF5 identifier; every failing call becomes an
// h5::Error naming the call, the object and the file, with HDF5's own explanation. HDF5's
// automatic error printing is switched off.
//
// Concurrency: every HDF5 call of the program is made while holding `h5::lock()`
// (hdf5_lock.hpp).
//
// Failures: a file is closed with `close_file`, which flushes and closes it and throws when
// either fails (a full disk is reported there, not lost). HDF5's exit handler is switched off
// (H5dont_atexit): a file whose writes failed cannot be flushed, and closing it again at exit
// would crash; its temporary file is removed by the caller instead.
//
// Reading: every read is bounded before memory is allocated. A dataset can hold no more bytes
// than kMaxExpansion × the size of its file (deflate's largest possible compression ratio,
// 1032:1, rounded up), so a damaged header that declares a terabyte is an Error, not an
// allocation.
//
// Layout: HDF5 stores arrays row-major (C order). Matrices are passed here as row-major spans
// with explicit rows × cols; callers convert from Eigen's column-major storage themselves.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "descent/core/params.hpp"
#include "descent/store/hdf5_lock.hpp"

namespace descent::h5 {

// A failed HDF5 call, or a file whose structure descent cannot read. `file()` names the file
// the failed call was about, when known: a reader tells a damaged input from a failure to
// write its output by it.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, std::string file = {})
      : std::runtime_error(message), file_(std::move(file)) {}
  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

// Owns one HDF5 identifier (file, group, dataset, attribute, dataspace, datatype, property
// list) and releases it when destroyed. Knows its file and object path for messages.
class Handle {
 public:
  Handle() = default;
  // Takes ownership of `id`; throws Error if `id` is negative (the call failed).
  Handle(hid_t id, const char* call, std::string file, std::string object);
  ~Handle();
  Handle(Handle&& other) noexcept;
  Handle& operator=(Handle&& other) noexcept;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  hid_t id() const { return id_; }
  const std::string& file() const { return file_; }
  const std::string& object() const { return object_; }
  // The object path of a member of this group.
  std::string child(const std::string& name) const;
  // Throws Error naming `call` and this object if `status` is negative.
  void check(herr_t status, const char* call) const;
  // A handle for an identifier about this object (its type, its dataspace, ...).
  Handle derived(hid_t id, const char* call) const { return Handle(id, call, file_, object_); }
  // Releases the identifier now; throws Error if HDF5 reports a failure (for a file: the
  // final flush failed).
  void close();

 private:
  void release() noexcept;

  hid_t id_ = H5I_INVALID_HID;
  std::string file_;
  std::string object_;
};

// Files. `create_file` fails if the path exists; `open_file` opens read-only. A file refuses
// to close while objects in it are open (H5F_CLOSE_SEMI), so `close_file` reports every failure.
Handle create_file(const std::filesystem::path& path);
Handle open_file(const std::filesystem::path& path);
// Flushes and closes a file opened for writing; Error if either fails.
void close_file(Handle& file);

inline constexpr hsize_t kMaxExpansion = 1100;
// The number of elements of `space` (of the dataset or attribute `object`); Error when
// `element_size` bytes each could not fit in kMaxExpansion × the file's size (damaged).
std::size_t bounded_count(const Handle& object, const Handle& space, std::size_t element_size);

// Groups and links.
Handle create_group(const Handle& parent, const std::string& name);
Handle open_group(const Handle& parent, const std::string& name);
bool has_link(const Handle& parent, const std::string& name);
std::vector<std::string> link_names(const Handle& group);  // in name order

// Attributes. Booleans are stored as the enum {FALSE = 0, TRUE = 1} over int8, as h5py does;
// strings as variable-length UTF-8; lists of reals as 1-D float64 attributes.
void write_attribute(const Handle& object, const std::string& name, const ParamValue& value);
void write_attribute(const Handle& object, const std::string& name, const char* value);
void write_attribute(const Handle& object, const std::string& name, std::uint64_t value);
bool has_attribute(const Handle& object, const std::string& name);
std::vector<std::string> attribute_names(const Handle& object);  // in name order
ParamValue read_attribute(const Handle& object, const std::string& name);
std::string read_string_attribute(const Handle& object, const std::string& name);
std::int64_t read_integer_attribute(const Handle& object, const std::string& name);
std::uint64_t read_unsigned_attribute(const Handle& object, const std::string& name);
double read_real_attribute(const Handle& object, const std::string& name);

// Columns: extendible datasets of rows × width values (width 1: one-dimensional), chunked by
// `chunk_rows` rows and, when `compress`, compressed with shuffle + deflate (level 1: on
// shuffled traces within 1% of level 4's size, in less time), the filters every HDF5 reader
// decodes.
enum class Element { kInt64, kFloat64 };
Handle create_column(const Handle& group, const std::string& name, Element element, hsize_t width,
                     hsize_t chunk_rows, bool compress);
Handle open_dataset(const Handle& group, const std::string& name);
// Opens a column (create_column) to be read in blocks of consecutive rows, each row once:
// its chunk cache holds `cache_bytes`, room for the chunk two neighbouring blocks share
// (HDF5's default, 1 MiB a dataset, would hold copies of chunks already read).
Handle open_column(const Handle& group, const std::string& name, std::size_t cache_bytes);
// Appends `rows` rows (rows × width values, row-major) at the end of a column.
void append_rows(const Handle& column, Element element, const void* data, hsize_t rows,
                 hsize_t width);
// The dimensions of a dataset.
std::vector<hsize_t> shape_of(const Handle& dataset);
// Whether a dataset's values are integers or floating point (Error for any other type).
Element element_of(const Handle& dataset);
// Rows [start, start + count) of a dataset of `width` values per row (1-D when width is 1)
// into `out` (count × width values), converted to `element`. Error when the dataset has
// another shape or the rows pass its end.
void read_rows(const Handle& dataset, Element element, hsize_t start, hsize_t count, hsize_t width,
               void* out);

// Reading whole datasets of one or two dimensions.
std::vector<hsize_t> dataset_shape(const Handle& group, const std::string& name);
// Every element in row-major order, converted to the requested type.
std::vector<double> read_reals(const Handle& group, const std::string& name);
std::vector<std::int64_t> read_integers(const Handle& group, const std::string& name);

// The variable-length UTF-8 string type.
Handle string_type();

}  // namespace descent::h5
