// Tabix and CSI indexes of a bgzip-compressed VCF (.tbi, .csi; htslib's formats): which parts
// of the file hold the records of some regions, so that a remote VCF is read by region, not
// whole. Offsets are BGZF virtual offsets: compressed block start << 16 | offset inside it.
#ifndef READFORGE_FORMATS_TABIX_H_
#define READFORGE_FORMATS_TABIX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "formats/status.h"

namespace readforge {

struct VirtualRange {
  uint64_t begin = 0;  // virtual offsets, begin inclusive, end exclusive
  uint64_t end = 0;
};

class TabixIndex {
 public:
  // `bytes`: the index, decompressed (a .tbi or .csi is itself bgzip-compressed).
  static Status Parse(std::string_view bytes, TabixIndex* index);

  // The merged ranges, in file order, that hold every record overlapping any of the regions
  // ([begin, end), 0-based, contig names as the VCF has them). Regions on contigs the index
  // does not know hold no records.
  struct Region {
    std::string contig;
    int64_t begin = 0;
    int64_t end = 0;
  };
  std::vector<VirtualRange> RangesFor(const std::vector<Region>& regions) const;

  // Where the first record starts: the header lies before it.
  uint64_t FirstRecord() const { return first_record_; }

  // Where the block at compressed offset `block` ends, at the latest: the next block start the
  // index knows of, or 0 when it knows none (read to the end of the file). Lets a reader fetch
  // a range's last block without asking for the largest a block can be.
  uint64_t BlockEndBound(uint64_t block) const;

 private:
  struct Chunk {
    uint64_t begin, end;
  };
  struct Reference {
    std::unordered_map<uint32_t, std::vector<Chunk>> bins;
    std::unordered_map<uint32_t, uint64_t> bin_offsets;  // CSI: each bin's lowest offset
    std::vector<uint64_t> linear;                        // TBI: per 16 kb window
  };

  void IndexBlockStarts();

  int min_shift_ = 14;
  int depth_ = 5;
  bool csi_ = false;
  uint64_t first_record_ = 0;
  std::vector<uint64_t> block_starts_;  // sorted compressed offsets the index mentions
  std::unordered_map<std::string, size_t> names_;
  std::vector<Reference> references_;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_TABIX_H_
