#include "formats/gzi.h"

#include <algorithm>
#include <string>

namespace readforge {
namespace {

uint64_t ReadLittleEndian64(std::string_view bytes, size_t at) {
  uint64_t value = 0;
  for (int i = 7; i >= 0; --i)
    value = value << 8 | static_cast<uint8_t>(bytes[at + static_cast<size_t>(i)]);
  return value;
}

}  // namespace

Status ParseGzi(std::string_view bytes, std::vector<GziEntry>* entries) {
  entries->assign(1, GziEntry{0, 0});
  if (bytes.size() < 8)
    return Status::Error("the .gzi index is too short (is it a bgzip index?)");
  const uint64_t count = ReadLittleEndian64(bytes, 0);
  if (count > (bytes.size() - 8) / 16 || bytes.size() != 8 + count * 16) {
    return Status::Error("the .gzi index says " + std::to_string(count) + " blocks but holds " +
                         std::to_string(bytes.size()) + " bytes (is it a bgzip index?)");
  }
  for (uint64_t i = 0; i < count; ++i) {
    GziEntry e{static_cast<int64_t>(ReadLittleEndian64(bytes, 8 + i * 16)),
               static_cast<int64_t>(ReadLittleEndian64(bytes, 16 + i * 16))};
    const GziEntry& last = entries->back();
    if (e.compressed <= last.compressed || e.uncompressed <= last.uncompressed ||
        e.compressed < 0 || e.uncompressed < 0)
      return Status::Error("the .gzi index is not in increasing order (entry " +
                           std::to_string(i + 1) + ")");
    entries->push_back(e);
  }
  return Status::Ok();
}

BgzfSlice BgzfSliceFor(const std::vector<GziEntry>& entries, ByteRange range) {
  auto by_uncompressed = [](int64_t value, const GziEntry& e) { return value < e.uncompressed; };
  // The block holding `begin`: the last one starting at or before it.
  auto first = std::upper_bound(entries.begin(), entries.end(), range.begin, by_uncompressed) - 1;
  // The first block starting at or after `end` is where fetching stops.
  auto stop =
      std::lower_bound(entries.begin(), entries.end(), range.end,
                       [](const GziEntry& e, int64_t value) { return e.uncompressed < value; });
  BgzfSlice slice;
  slice.compressed_begin = first->compressed;
  slice.compressed_end = stop == entries.end() ? -1 : stop->compressed;
  slice.skip = range.begin - first->uncompressed;
  return slice;
}

}  // namespace readforge
