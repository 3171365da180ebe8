#include "descent/store/hdf5_layer.hpp"

#include <algorithm>
#include <utility>

namespace descent::h5 {

namespace {

// HDF5's explanation of the last failure: the outermost and the innermost messages of its
// error stack ("unable to open file: file signature not found").
std::string error_stack_text() {
  std::vector<std::string> messages;
  const auto collect = [](unsigned, const H5E_error2_t* error, void* data) -> herr_t {
    if (error->desc && *error->desc)
      static_cast<std::vector<std::string>*>(data)->emplace_back(error->desc);
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect, &messages);
  H5Eclear2(H5E_DEFAULT);
  if (messages.empty()) return "";
  std::string text = messages.front();
  if (messages.size() > 1 && messages.back() != messages.front())
    text.append(": ").append(messages.back());
  std::replace(text.begin(), text.end(), '\n', ' ');  // one line ("time = …\n, filename = …")
  return text;
}

[[noreturn]] void fail(const char* call, const std::string& file, const std::string& object) {
  std::string message = std::string("HDF5 ") + call + " failed for " + object + " in " + file;
  const std::string reason = error_stack_text();
  if (!reason.empty()) message.append(": ").append(reason);
  throw Error(message, file);
}

// The size in bytes of the file holding `object`.
hsize_t file_size_of(const Handle& object) {
  const Handle file(H5Iget_file_id(object.id()), "H5Iget_file_id", object.file(), object.object());
  hsize_t size = 0;
  file.check(H5Fget_filesize(file.id(), &size), "H5Fget_filesize");
  return size;
}

Handle property_list(hid_t cls, const Handle& about) {
  return about.derived(H5Pcreate(cls), "H5Pcreate");
}

Handle scalar_space(const Handle& about) {
  return about.derived(H5Screate(H5S_SCALAR), "H5Screate");
}

Handle simple_space(const Handle& about, std::span<const hsize_t> dims) {
  return about.derived(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                       "H5Screate_simple");
}

// The enum h5py reads as numpy.bool_.
Handle bool_type(const Handle& about) {
  Handle type = about.derived(H5Tenum_create(H5T_NATIVE_INT8), "H5Tenum_create");
  const std::int8_t no = 0, yes = 1;
  type.check(H5Tenum_insert(type.id(), "FALSE", &no), "H5Tenum_insert");
  type.check(H5Tenum_insert(type.id(), "TRUE", &yes), "H5Tenum_insert");
  return type;
}

Handle create_attribute(const Handle& object, const std::string& name, const Handle& type,
                        const Handle& space) {
  return Handle(H5Acreate2(object.id(), name.c_str(), type.id(), space.id(), H5P_DEFAULT,
                           H5P_DEFAULT),
                "H5Acreate2", object.file(), object.object() + "@" + name);
}

Handle open_attribute(const Handle& object, const std::string& name) {
  return Handle(H5Aopen(object.id(), name.c_str(), H5P_DEFAULT), "H5Aopen", object.file(),
                object.object() + "@" + name);
}

hid_t native(Element element) {
  return element == Element::kInt64 ? H5T_NATIVE_INT64 : H5T_NATIVE_DOUBLE;
}

template <class T>
std::vector<T> read_array(const Handle& group, const std::string& name, hid_t memory_type) {
  const Handle dataset = open_dataset(group, name);
  const Handle space = dataset.derived(H5Dget_space(dataset.id()), "H5Dget_space");
  const std::size_t count = bounded_count(dataset, space, sizeof(T));
  const Handle type = dataset.derived(H5Dget_type(dataset.id()), "H5Dget_type");
  const H5T_class_t type_class = H5Tget_class(type.id());
  if (type_class != H5T_INTEGER && type_class != H5T_FLOAT)
    throw Error(dataset.object() + " in " + dataset.file() + " is not numeric");
  std::vector<T> values(count);
  if (count > 0)
    dataset.check(H5Dread(dataset.id(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                  "H5Dread");
  return values;
}

}  // namespace

std::size_t bounded_count(const Handle& object, const Handle& space, std::size_t element_size) {
  const hssize_t count = H5Sget_simple_extent_npoints(space.id());
  if (count < 0) fail("H5Sget_simple_extent_npoints", object.file(), object.object());
  const hsize_t limit = kMaxExpansion * std::max<hsize_t>(file_size_of(object), 1) / element_size;
  if (static_cast<hsize_t>(count) > limit)
    throw Error(object.object() + " in " + object.file() + " declares " + std::to_string(count) +
                " elements, more than a file of its size can hold (damaged)");
  return static_cast<std::size_t>(count);
}

std::unique_lock<std::recursive_mutex> lock() {
  static std::recursive_mutex mutex;
  // Before the library initialises: no exit handler that would flush files whose writes
  // failed (see the header).
  static const bool no_exit_handler = [] { return H5dont_atexit() >= 0; }();
  (void)no_exit_handler;
  std::unique_lock<std::recursive_mutex> held(mutex);
  // A thread-safe HDF5 keeps the automatic printing setting per thread.
  thread_local bool silenced = false;
  if (!silenced) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    silenced = true;
  }
  return held;
}

Handle::Handle(hid_t id, const char* call, std::string file, std::string object)
    : id_(id), file_(std::move(file)), object_(std::move(object)) {
  if (id_ < 0) fail(call, file_, object_);
}

Handle::~Handle() { release(); }

Handle::Handle(Handle&& other) noexcept
    : id_(std::exchange(other.id_, H5I_INVALID_HID)),
      file_(std::move(other.file_)),
      object_(std::move(other.object_)) {}

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    release();
    id_ = std::exchange(other.id_, H5I_INVALID_HID);
    file_ = std::move(other.file_);
    object_ = std::move(other.object_);
  }
  return *this;
}

void Handle::release() noexcept {
  if (id_ < 0) return;
  const auto held = lock();
  // A failure here can only be reported by close(); destructors run it where a failure no
  // longer matters (reading, or a temporary file being abandoned after an error).
  if (H5Iis_valid(id_) > 0) (void)H5Idec_ref(id_);
  id_ = H5I_INVALID_HID;
}

void Handle::close() {
  if (id_ < 0) return;
  const auto held = lock();
  const hid_t id = std::exchange(id_, H5I_INVALID_HID);
  if (H5Idec_ref(id) < 0) fail("close", file_, object_);
}

std::string Handle::child(const std::string& name) const {
  return object_ == "/" ? "/" + name : object_ + "/" + name;
}

void Handle::check(herr_t status, const char* call) const {
  if (status < 0) fail(call, file_, object_);
}

namespace {

Handle file_access(const std::filesystem::path& path) {
  Handle access(H5Pcreate(H5P_FILE_ACCESS), "H5Pcreate", path.string(), "/");
  access.check(H5Pset_fclose_degree(access.id(), H5F_CLOSE_SEMI), "H5Pset_fclose_degree");
  return access;
}

}  // namespace

Handle create_file(const std::filesystem::path& path) {
  const Handle access = file_access(path);
  // The HDF5 1.8 format: readable by every current tool, and it lifts the 64 KiB limit on
  // attributes (long parameter lists) by storing large ones densely.
  access.check(H5Pset_libver_bounds(access.id(), H5F_LIBVER_V18, H5F_LIBVER_V18),
               "H5Pset_libver_bounds");
  return Handle(H5Fcreate(path.c_str(), H5F_ACC_EXCL, H5P_DEFAULT, access.id()), "H5Fcreate",
                path.string(), "/");
}

Handle open_file(const std::filesystem::path& path) {
  return Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, file_access(path).id()), "H5Fopen",
                path.string(), "/");
}

void close_file(Handle& file) {
  file.check(H5Fflush(file.id(), H5F_SCOPE_LOCAL), "H5Fflush");
  file.close();
}

Handle create_group(const Handle& parent, const std::string& name) {
  return Handle(H5Gcreate2(parent.id(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                "H5Gcreate2", parent.file(), parent.child(name));
}

Handle open_group(const Handle& parent, const std::string& name) {
  return Handle(H5Gopen2(parent.id(), name.c_str(), H5P_DEFAULT), "H5Gopen2", parent.file(),
                parent.child(name));
}

bool has_link(const Handle& parent, const std::string& name) {
  const htri_t exists = H5Lexists(parent.id(), name.c_str(), H5P_DEFAULT);
  if (exists < 0) fail("H5Lexists", parent.file(), parent.child(name));
  return exists > 0;
}

namespace {

// The names an HDF5 iteration over `object` (H5Literate over links, H5Aiterate2 over
// attributes, whose callbacks differ only in the Info they are handed) visits, sorted into name
// order here. The iteration runs in HDF5's native order: for a group or object that keeps its
// names in dense storage (a fractal heap indexed by a v2 B-tree), any other order makes HDF5
// 1.10 first copy every entry into a table, and when a damaged heap block fails its checksum
// midway the table's cleanup frees entries it never filled. The native order walks the B-tree
// directly and fails cleanly.
template <class Info, class Iterate>
std::vector<std::string> names_visited(const Handle& object, Iterate iterate, const char* call) {
  std::vector<std::string> names;
  const auto collect = [](hid_t, const char* name, const Info*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  object.check(iterate(object.id(), H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, +collect, &names),
               call);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

std::vector<std::string> link_names(const Handle& group) {
  return names_visited<H5L_info_t>(group, H5Literate, "H5Literate");
}

Handle string_type() {
  Handle type(H5Tcopy(H5T_C_S1), "H5Tcopy", "", "string type");
  type.check(H5Tset_size(type.id(), H5T_VARIABLE), "H5Tset_size");
  type.check(H5Tset_cset(type.id(), H5T_CSET_UTF8), "H5Tset_cset");
  return type;
}

void write_attribute(const Handle& object, const std::string& name, const char* value) {
  const Handle type = string_type();
  const Handle attribute = create_attribute(object, name, type, scalar_space(object));
  attribute.check(H5Awrite(attribute.id(), type.id(), &value), "H5Awrite");
}

void write_attribute(const Handle& object, const std::string& name, std::uint64_t value) {
  const Handle attribute = create_attribute(
      object, name, object.derived(H5Tcopy(H5T_NATIVE_UINT64), "H5Tcopy"), scalar_space(object));
  attribute.check(H5Awrite(attribute.id(), H5T_NATIVE_UINT64, &value), "H5Awrite");
}

void write_attribute(const Handle& object, const std::string& name, const ParamValue& value) {
  struct Writer {
    const Handle& object;
    const std::string& name;
    void scalar(hid_t native, const void* data) const {
      const Handle attribute = create_attribute(
          object, name, object.derived(H5Tcopy(native), "H5Tcopy"), scalar_space(object));
      attribute.check(H5Awrite(attribute.id(), native, data), "H5Awrite");
    }
    void operator()(bool b) const {
      const std::int8_t stored = b ? 1 : 0;
      const Handle type = bool_type(object);
      const Handle attribute = create_attribute(object, name, type, scalar_space(object));
      attribute.check(H5Awrite(attribute.id(), type.id(), &stored), "H5Awrite");
    }
    void operator()(std::int64_t i) const { scalar(H5T_NATIVE_INT64, &i); }
    void operator()(double d) const { scalar(H5T_NATIVE_DOUBLE, &d); }
    void operator()(const std::string& s) const { write_attribute(object, name, s.c_str()); }
    void operator()(const std::vector<double>& list) const {
      const hsize_t dims[1] = {list.size()};
      const Handle attribute =
          create_attribute(object, name, object.derived(H5Tcopy(H5T_NATIVE_DOUBLE), "H5Tcopy"),
                           simple_space(object, dims));
      if (!list.empty())
        attribute.check(H5Awrite(attribute.id(), H5T_NATIVE_DOUBLE, list.data()), "H5Awrite");
    }
  };
  std::visit(Writer{object, name}, value);
}

bool has_attribute(const Handle& object, const std::string& name) {
  const htri_t exists = H5Aexists(object.id(), name.c_str());
  if (exists < 0) fail("H5Aexists", object.file(), object.object() + "@" + name);
  return exists > 0;
}

std::vector<std::string> attribute_names(const Handle& object) {
  return names_visited<H5A_info_t>(object, H5Aiterate2, "H5Aiterate2");
}

ParamValue read_attribute(const Handle& object, const std::string& name) {
  const Handle attribute = open_attribute(object, name);
  const Handle type = attribute.derived(H5Aget_type(attribute.id()), "H5Aget_type");
  const Handle space = attribute.derived(H5Aget_space(attribute.id()), "H5Aget_space");
  const H5S_class_t shape = H5Sget_simple_extent_type(space.id());
  const H5T_class_t type_class = H5Tget_class(type.id());
  if (shape != H5S_SCALAR && !(shape == H5S_SIMPLE && type_class == H5T_FLOAT &&
                               H5Sget_simple_extent_ndims(space.id()) == 1))
    throw Error("attribute " + attribute.object() + " in " + attribute.file() +
                " has a shape descent does not store (only scalars and lists of reals)");
  switch (type_class) {
    case H5T_STRING: {
      if (H5Tis_variable_str(type.id()) > 0) {
        char* text = nullptr;
        attribute.check(H5Aread(attribute.id(), type.id(), &text), "H5Aread");
        std::string value = text ? text : "";
        H5free_memory(text);
        return value;
      }
      const std::size_t size = H5Tget_size(type.id());
      if (size > file_size_of(attribute))
        throw Error("attribute " + attribute.object() + " in " + attribute.file() +
                    " declares a string longer than its file (damaged)");
      std::string value(size, '\0');
      attribute.check(H5Aread(attribute.id(), type.id(), value.data()), "H5Aread");
      value.resize(std::min(value.size(), value.find('\0')));
      return value;
    }
    case H5T_ENUM: {
      std::int8_t stored = 0;
      attribute.check(H5Aread(attribute.id(), bool_type(attribute).id(), &stored), "H5Aread");
      return stored != 0;
    }
    case H5T_INTEGER: {
      std::int64_t value = 0;
      attribute.check(H5Aread(attribute.id(), H5T_NATIVE_INT64, &value), "H5Aread");
      return value;
    }
    case H5T_FLOAT: {
      if (shape == H5S_SCALAR) {
        double value = 0.0;
        attribute.check(H5Aread(attribute.id(), H5T_NATIVE_DOUBLE, &value), "H5Aread");
        return value;
      }
      std::vector<double> values(bounded_count(attribute, space, sizeof(double)));
      if (!values.empty())
        attribute.check(H5Aread(attribute.id(), H5T_NATIVE_DOUBLE, values.data()), "H5Aread");
      return values;
    }
    default:
      throw Error("attribute " + attribute.object() + " in " + attribute.file() +
                  " has a type descent does not store");
  }
}

namespace {

template <class T>
T read_as(const Handle& object, const std::string& name, const char* expected) {
  ParamValue value = read_attribute(object, name);
  if (auto* typed = std::get_if<T>(&value)) return std::move(*typed);
  throw Error("attribute " + object.object() + "@" + name + " in " + object.file() + " is " +
              type_name(value) + ", expected " + expected);
}

}  // namespace

std::string read_string_attribute(const Handle& object, const std::string& name) {
  return read_as<std::string>(object, name, "string");
}

std::int64_t read_integer_attribute(const Handle& object, const std::string& name) {
  return read_as<std::int64_t>(object, name, "integer");
}

double read_real_attribute(const Handle& object, const std::string& name) {
  return read_as<double>(object, name, "real");
}

std::uint64_t read_unsigned_attribute(const Handle& object, const std::string& name) {
  const Handle attribute = open_attribute(object, name);
  const Handle type = attribute.derived(H5Aget_type(attribute.id()), "H5Aget_type");
  const Handle space = attribute.derived(H5Aget_space(attribute.id()), "H5Aget_space");
  if (H5Tget_class(type.id()) != H5T_INTEGER || H5Sget_simple_extent_type(space.id()) != H5S_SCALAR)
    throw Error("attribute " + attribute.object() + " in " + attribute.file() +
                " is not an unsigned integer");
  std::uint64_t value = 0;
  attribute.check(H5Aread(attribute.id(), H5T_NATIVE_UINT64, &value), "H5Aread");
  return value;
}

Handle open_dataset(const Handle& group, const std::string& name) {
  return Handle(H5Dopen2(group.id(), name.c_str(), H5P_DEFAULT), "H5Dopen2", group.file(),
                group.child(name));
}

Handle open_column(const Handle& group, const std::string& name, std::size_t cache_bytes) {
  const Handle access = property_list(H5P_DATASET_ACCESS, group);
  access.check(H5Pset_chunk_cache(access.id(), H5D_CHUNK_CACHE_NSLOTS_DEFAULT, cache_bytes,
                                  H5D_CHUNK_CACHE_W0_DEFAULT),
               "H5Pset_chunk_cache");
  return Handle(H5Dopen2(group.id(), name.c_str(), access.id()), "H5Dopen2", group.file(),
                group.child(name));
}

Handle create_column(const Handle& group, const std::string& name, Element element, hsize_t width,
                     hsize_t chunk_rows, bool compress) {
  const int rank = width == 1 ? 1 : 2;
  const hsize_t dims[2] = {0, width};
  const hsize_t max_dims[2] = {H5S_UNLIMITED, width};
  const hsize_t chunk[2] = {std::max<hsize_t>(chunk_rows, 1), width};
  const Handle space = group.derived(H5Screate_simple(rank, dims, max_dims), "H5Screate_simple");
  const Handle create = property_list(H5P_DATASET_CREATE, group);
  create.check(H5Pset_chunk(create.id(), rank, chunk), "H5Pset_chunk");
  if (compress) {
    create.check(H5Pset_shuffle(create.id()), "H5Pset_shuffle");
    create.check(H5Pset_deflate(create.id(), 1), "H5Pset_deflate");
  }
  // Chunks are written whole and once (see append_rows' callers): no fill values to write.
  create.check(H5Pset_fill_time(create.id(), H5D_FILL_TIME_NEVER), "H5Pset_fill_time");
  // Written in whole chunks, each once: a chunk cache would only hold copies.
  const Handle access = property_list(H5P_DATASET_ACCESS, group);
  access.check(H5Pset_chunk_cache(access.id(), 0, 0, H5D_CHUNK_CACHE_W0_DEFAULT), "H5Pset_chunk_cache");
  return Handle(H5Dcreate2(group.id(), name.c_str(), native(element), space.id(), H5P_DEFAULT,
                           create.id(), access.id()),
                "H5Dcreate2", group.file(), group.child(name));
}

namespace {

// Rows [start, start + count) of a dataset of rank 1 or 2 (`width` values a row): the
// selection in the file and the matching dataspace in memory.
struct RowSelection {
  Handle file_space;
  Handle memory_space;
};

RowSelection select_rows(const Handle& dataset, std::size_t rank, hsize_t start, hsize_t count,
                         hsize_t width) {
  const hsize_t offset[2] = {start, 0};
  const hsize_t counts[2] = {count, width};
  RowSelection selection{dataset.derived(H5Dget_space(dataset.id()), "H5Dget_space"),
                         dataset.derived(H5Screate_simple(static_cast<int>(rank), counts, nullptr),
                                         "H5Screate_simple")};
  dataset.check(H5Sselect_hyperslab(selection.file_space.id(), H5S_SELECT_SET, offset, nullptr,
                                    counts, nullptr),
                "H5Sselect_hyperslab");
  return selection;
}

}  // namespace

void append_rows(const Handle& column, Element element, const void* data, hsize_t rows,
                 hsize_t width) {
  if (rows == 0) return;
  const auto shape = shape_of(column);
  const hsize_t extent[2] = {shape.at(0) + rows, width};
  column.check(H5Dset_extent(column.id(), extent), "H5Dset_extent");
  const RowSelection rows_written = select_rows(column, shape.size(), shape[0], rows, width);
  column.check(H5Dwrite(column.id(), native(element), rows_written.memory_space.id(),
                        rows_written.file_space.id(), H5P_DEFAULT, data),
               "H5Dwrite");
}

std::vector<hsize_t> shape_of(const Handle& dataset) {
  const Handle space = dataset.derived(H5Dget_space(dataset.id()), "H5Dget_space");
  const int rank = H5Sget_simple_extent_ndims(space.id());
  if (rank < 0) fail("H5Sget_simple_extent_ndims", dataset.file(), dataset.object());
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (rank > 0 && H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr) < 0)
    fail("H5Sget_simple_extent_dims", dataset.file(), dataset.object());
  return dims;
}

std::vector<hsize_t> dataset_shape(const Handle& group, const std::string& name) {
  return shape_of(open_dataset(group, name));
}

Element element_of(const Handle& dataset) {
  const Handle type = dataset.derived(H5Dget_type(dataset.id()), "H5Dget_type");
  switch (H5Tget_class(type.id())) {
    case H5T_INTEGER:
      return Element::kInt64;
    case H5T_FLOAT:
      return Element::kFloat64;
    default:
      throw Error(dataset.object() + " in " + dataset.file() + " is not numeric");
  }
}

void read_rows(const Handle& dataset, Element element, hsize_t start, hsize_t count, hsize_t width,
               void* out) {
  const auto shape = shape_of(dataset);
  const bool fits = width == 1 ? shape.size() == 1 || (shape.size() == 2 && shape[1] == 1)
                               : shape.size() == 2 && shape[1] == width;
  if (!fits)
    throw Error(dataset.object() + " in " + dataset.file() + " is not a column of " +
                std::to_string(width) + " value(s) per row");
  if (start > shape[0] || count > shape[0] - start)
    throw Error(dataset.object() + " in " + dataset.file() + " has " + std::to_string(shape[0]) +
                " rows, rows " + std::to_string(start) + " to " + std::to_string(start + count) +
                " were asked for (damaged index)");
  element_of(dataset);
  if (count == 0) return;
  const RowSelection rows_read = select_rows(dataset, shape.size(), start, count, width);
  dataset.check(H5Dread(dataset.id(), native(element), rows_read.memory_space.id(),
                        rows_read.file_space.id(), H5P_DEFAULT, out),
                "H5Dread");
}

std::vector<double> read_reals(const Handle& group, const std::string& name) {
  return read_array<double>(group, name, H5T_NATIVE_DOUBLE);
}

std::vector<std::int64_t> read_integers(const Handle& group, const std::string& name) {
  return read_array<std::int64_t>(group, name, H5T_NATIVE_INT64);
}

}  // namespace descent::h5
