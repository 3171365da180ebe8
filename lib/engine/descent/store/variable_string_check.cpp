#include "descent/store/variable_string_check.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "descent/core/file_descriptor.hpp"
#include "descent/store/global_heap_check.hpp"

namespace descent::h5 {

namespace {

constexpr std::size_t kLengthBytes = 4;
constexpr std::size_t kObjectIndexBytes = 4;
constexpr std::size_t kBlockRows = 4096;

// A column of variable-length strings: where it sits in a stored row, and its name.
struct StringColumn {
  std::size_t offset;
  std::string name;
};

std::uint64_t little_endian(const unsigned char* bytes, std::size_t count) {
  std::uint64_t value = 0;
  for (std::size_t i = count; i-- > 0;) value = value << 8 | bytes[i];
  return value;
}

Error damaged(const Handle& dataset, const std::string& what) {
  return Error(dataset.object() + " in " + dataset.file() + ": " + what + " (damaged)");
}

// Whether a member type holds anything whose stored size differs from its size in memory
// (variable-length data or references) other than as a plain variable-length string.
bool has_nested_variable_data(hid_t type) {
  return H5Tdetect_class(type, H5T_VLEN) > 0 || H5Tdetect_class(type, H5T_REFERENCE) > 0 ||
         (H5Tget_class(type) != H5T_STRING && H5Tdetect_class(type, H5T_STRING) > 0);
}

// The string columns of the stored rows, and the stored size of a row. H5Dget_type gives the
// type as it is in memory, where each variable-length string is a char*; in the file it takes
// `stored_string` bytes and every later member sits that much further on (H5T_set_loc).
std::vector<StringColumn> string_columns(const Handle& dataset, const Handle& type,
                                         std::size_t stored_string, std::size_t& stored_row) {
  const int members = H5Tget_nmembers(type.id());
  if (members < 0) throw damaged(dataset, "its columns cannot be listed");
  std::vector<std::pair<std::size_t, unsigned>> by_offset;
  for (unsigned i = 0; i < static_cast<unsigned>(members); ++i)
    by_offset.emplace_back(H5Tget_member_offset(type.id(), i), i);
  std::sort(by_offset.begin(), by_offset.end());
  std::vector<StringColumn> columns;
  std::size_t shift = 0;
  for (const auto& [offset, member] : by_offset) {
    const Handle member_type = dataset.derived(H5Tget_member_type(type.id(), member), "H5Tget_member_type");
    char* raw_name = H5Tget_member_name(type.id(), member);
    const std::string name = raw_name ? raw_name : "";
    H5free_memory(raw_name);
    if (H5Tis_variable_str(member_type.id()) > 0) {
      columns.push_back({offset + shift, name});
      shift += stored_string - sizeof(char*);
    } else if (has_nested_variable_data(member_type.id())) {
      throw damaged(dataset, "column " + name + " has a type descent does not store");
    }
  }
  stored_row = H5Tget_size(type.id()) + shift;
  return columns;
}

// The byte at which the rows are stored; Error unless they are stored whole in the file.
std::uint64_t stored_offset(const Handle& dataset, std::size_t rows, std::size_t stored_row) {
  const Handle create = dataset.derived(H5Dget_create_plist(dataset.id()), "H5Dget_create_plist");
  if (H5Pget_layout(create.id()) != H5D_CONTIGUOUS || H5Pget_external_count(create.id()) != 0)
    throw damaged(dataset, "its text columns are not stored contiguously in the file");
  const haddr_t offset = H5Dget_offset(dataset.id());
  if (offset == HADDR_UNDEF) throw damaged(dataset, "its rows have no storage");
  if (H5Dget_storage_size(dataset.id()) / stored_row < rows)
    throw damaged(dataset, "it stores fewer bytes than its " + std::to_string(rows) + " rows need");
  return offset;
}

}  // namespace

void check_variable_strings(const Handle& dataset, std::size_t rows) {
  const Handle type = dataset.derived(H5Dget_type(dataset.id()), "H5Dget_type");
  if (H5Tget_class(type.id()) != H5T_COMPOUND || rows == 0) return;
  const Handle file(H5Iget_file_id(dataset.id()), "H5Iget_file_id", dataset.file(), "/");
  const Handle creation = file.derived(H5Fget_create_plist(file.id()), "H5Fget_create_plist");
  std::size_t address_bytes = 0;
  file.check(H5Pget_sizes(creation.id(), &address_bytes, nullptr), "H5Pget_sizes");
  std::size_t stored_row = 0;
  const auto columns =
      string_columns(dataset, type, kLengthBytes + address_bytes + kObjectIndexBytes, stored_row);
  if (columns.empty()) return;
  const std::uint64_t offset = stored_offset(dataset, rows, stored_row);
  // Heap addresses count from the superblock, which follows the user block.
  hsize_t base = 0;
  file.check(H5Pget_userblock(creation.id(), &base), "H5Pget_userblock");
  hsize_t file_size = 0;
  file.check(H5Fget_filesize(file.id(), &file_size), "H5Fget_filesize");

  const FileDescriptor fd(::open(dataset.file().c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.fd() < 0)
    throw std::runtime_error(dataset.file() + ": cannot open (" + std::strerror(errno) + ")");
  std::map<std::uint64_t, std::optional<HeapObjects>> collections;  // by heap address
  const auto object_size = [&](std::uint64_t heap, std::uint64_t index) -> std::optional<std::uint64_t> {
    auto found = collections.find(heap);
    if (found == collections.end()) {
      try {
        found = collections.emplace(heap, global_heap_objects(fd.fd(), base + heap)).first;
      } catch (const std::runtime_error& e) {
        throw std::runtime_error(dataset.file() + ": " + e.what());
      }
    }
    if (!found->second) return std::nullopt;
    const auto object = found->second->find(index);
    if (object == found->second->end()) return std::nullopt;
    return object->second;
  };
  std::uint64_t total = 0;
  std::vector<unsigned char> block(std::min(rows, kBlockRows) * stored_row);
  for (std::size_t first = 0; first < rows; first += kBlockRows) {
    const std::size_t count = std::min(kBlockRows, rows - first);
    std::size_t got = 0;
    try {
      got = read_at(fd.fd(), block.data(), count * stored_row, offset + first * stored_row);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(dataset.file() + ": " + e.what());
    }
    if (got < count * stored_row) throw damaged(dataset, "its rows are cut short by the end of the file");
    for (std::size_t r = 0; r < count; ++r)
      for (const auto& column : columns) {
        const unsigned char* stored = block.data() + r * stored_row + column.offset;
        const std::uint64_t length = little_endian(stored, kLengthBytes);
        const std::uint64_t heap = little_endian(stored + kLengthBytes, address_bytes);
        const std::uint64_t index = little_endian(stored + kLengthBytes + address_bytes, kObjectIndexBytes);
        if (heap == 0) continue;  // no string: HDF5 reads nothing
        const std::string where = "row " + std::to_string(first + r) + " column " + column.name;
        const auto size = object_size(heap, index);
        if (!size)
          throw damaged(dataset, where + " names object " + std::to_string(index) +
                                     " of a global heap collection at byte " + std::to_string(heap) +
                                     ", which does not exist");
        if (*size != length)
          throw damaged(dataset, where + " declares " + std::to_string(length) +
                                     " bytes, its global heap object holds " + std::to_string(*size));
        total += length;
        if (total > file_size)
          throw damaged(dataset, "its strings declare more bytes than the file holds");
      }
  }
}

}  // namespace descent::h5
