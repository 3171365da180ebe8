#include "descent/store/global_heap_check.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace descent::h5 {

std::size_t read_at(int fd, unsigned char* data, std::size_t size, std::uint64_t offset) {
  std::size_t filled = 0;
  while (filled < size) {
    const ssize_t got = ::pread(fd, data + filled, size - filled,
                                static_cast<off_t>(offset + filled));
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("cannot read the file (") + std::strerror(errno) + ")");
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  return filled;
}

namespace {

constexpr std::array<char, 8> kCollectionStart{'G', 'C', 'O', 'L', 1, 0, 0, 0};
constexpr std::uint64_t kHeaderBytes = 16;        // signature, version, reserved, size
constexpr std::uint64_t kObjectHeaderBytes = 16;  // index, references, reserved, size

std::uint64_t little_endian(const unsigned char* bytes, int count) {
  std::uint64_t value = 0;
  for (int i = count - 1; i >= 0; --i) value = value << 8 | bytes[i];
  return value;
}

// The objects of the collection at `start`, walked as HDF5 walks them (H5HG__cache_heap_deserialize):
// the first damage found, or nullopt with the size of each object in `sizes` (by index) when
// `sizes` is given.
std::optional<std::string> walk_collection(int fd, std::uint64_t start, std::uint64_t file_size,
                                           HeapObjects* sizes) {
  const std::string where = "global heap collection at byte " + std::to_string(start);
  unsigned char header[kHeaderBytes];
  if (start > file_size || read_at(fd, header, kHeaderBytes, start) < kHeaderBytes)
    return where + ": cut short by the end of the file";
  const std::uint64_t size = little_endian(header + 8, 8);
  if (size < kHeaderBytes || size > file_size - start)
    return where + ": declares " + std::to_string(size) + " bytes, more than the file holds after it";
  std::vector<unsigned char> bytes(size);
  if (read_at(fd, bytes.data(), bytes.size(), start) < size)
    return where + ": cut short by the end of the file";
  std::uint64_t at = kHeaderBytes;
  while (at < size) {
    const std::uint64_t left = size - at;
    if (left < kObjectHeaderBytes) break;  // too small for an object: free space
    const unsigned char* object = bytes.data() + at;
    const auto index = little_endian(object, 2);
    const std::uint64_t object_size = little_endian(object + 8, 8);
    const std::uint64_t need =
        index == 0 ? object_size
                   : (object_size > left ? left + 1 : kObjectHeaderBytes + (object_size + 7) / 8 * 8);
    if (need > left || (index == 0 && need == 0))
      return where + ": object " + std::to_string(index) + " declares " +
             std::to_string(object_size) + " bytes, more than the " + std::to_string(left) +
             " left in its collection";
    if (sizes && index != 0) (*sizes)[index] = object_size;
    at += need;
  }
  return std::nullopt;
}

std::uint64_t size_of_file(int fd) {
  struct stat status {};
  if (::fstat(fd, &status) != 0)
    throw std::runtime_error(std::string("cannot examine the file (") + std::strerror(errno) + ")");
  return static_cast<std::uint64_t>(status.st_size);
}

}  // namespace

std::optional<std::string> global_heap_damage(int fd) {
  const std::uint64_t file_size = size_of_file(fd);
  constexpr std::size_t kBlock = std::size_t{1} << 20;
  constexpr std::size_t kOverlap = kCollectionStart.size() - 1;
  std::vector<unsigned char> block(kBlock + kOverlap);
  const std::string_view signature(kCollectionStart.data(), kCollectionStart.size());
  // Each block is searched together with the last bytes of the one before, so a signature
  // across a block boundary is found once.
  for (std::uint64_t offset = 0; offset < file_size; offset += kBlock) {
    const std::uint64_t from = offset < kOverlap ? 0 : offset - kOverlap;
    const std::size_t wanted = static_cast<std::size_t>(offset - from) + kBlock;
    const std::size_t got = read_at(fd, block.data(), wanted, from);
    const std::string_view text(reinterpret_cast<const char*>(block.data()), got);
    for (auto found = text.find(signature); found != std::string_view::npos;
         found = text.find(signature, found + 1))
      if (auto damage = walk_collection(fd, from + found, file_size, nullptr)) return damage;
    if (got < wanted) break;
  }
  return std::nullopt;
}

std::optional<HeapObjects> global_heap_objects(int fd, std::uint64_t start) {
  const std::uint64_t file_size = size_of_file(fd);
  std::array<char, kCollectionStart.size()> signature{};
  if (start > file_size ||
      read_at(fd, reinterpret_cast<unsigned char*>(signature.data()), signature.size(), start) <
          signature.size() ||
      signature != kCollectionStart)
    return std::nullopt;
  HeapObjects sizes;
  if (walk_collection(fd, start, file_size, &sizes)) return std::nullopt;
  return sizes;
}

}  // namespace descent::h5
