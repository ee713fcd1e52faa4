// bgzip's .gzi index: where each BGZF block starts, compressed and uncompressed. With the .fai
// it turns a region into the few compressed blocks that hold it.
#ifndef READFORGE_FORMATS_GZI_H_
#define READFORGE_FORMATS_GZI_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "formats/fai.h"
#include "formats/status.h"

namespace readforge {

struct GziEntry {
  int64_t compressed = 0;
  int64_t uncompressed = 0;
};

// Little-endian uint64 count, then that many (compressed, uncompressed) uint64 pairs. The
// implicit first block at (0, 0) is added.
Status ParseGzi(std::string_view bytes, std::vector<GziEntry>* entries);

// The compressed bytes to fetch for uncompressed bytes [begin, end), and how many decompressed
// bytes to drop before them. compressed_end < 0: to the end of the file.
struct BgzfSlice {
  int64_t compressed_begin = 0;
  int64_t compressed_end = -1;
  int64_t skip = 0;
};
BgzfSlice BgzfSliceFor(const std::vector<GziEntry>& entries, ByteRange uncompressed);

}  // namespace readforge

#endif  // READFORGE_FORMATS_GZI_H_
