// --copy-number: coverage that follows copy-number segments. A position's fragments come from
// its copies: where a segment says 3 (1|2 on the haplotypes), it gets 1.5 times the pairs of the
// diploid baseline, a third of them from the first haplotype; where it says 0, none. The plan
// weighs each block's usable positions by their copies (-N follows copies; -C is coverage of
// the baseline), and the sampler keeps a drawn start with probability copies / the block's
// most, choosing the haplotype by its copies. Copies change coverage only: every copy of a
// haplotype has its sequence (duplications as sequence are structural variants).
#ifndef READFORGE_ENGINE_COPY_NUMBER_H_
#define READFORGE_ENGINE_COPY_NUMBER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/usable_positions.h"
#include "formats/contig_list.h"
#include "formats/copy_number_bed.h"
#include "formats/status.h"

namespace readforge {

// A segment in span coordinates with its copies on each haplotype.
struct CopySpan {
  int64_t begin = 0;
  int64_t end = 0;
  std::array<int, 2> copies{};
  int total() const { return copies[0] + copies[1]; }
};

class CopyNumbers {
 public:
  // From the BED's text; errors name `path`.
  static Status Make(std::string_view path, std::string_view text, CopyNumbers* out);

  const std::string& name() const { return name_; }  // the file's base name
  // Every segment on a contig of the reference and within it; with `haploid`, column 5 gives
  // one haplotype's copies. Errors name the file and line.
  Status Check(const ContigList& contigs, bool haploid) const;
  // The segments over [begin, end) of `contig`, clipped, in span coordinates (from `begin`).
  std::vector<CopySpan> In(std::string_view contig, int64_t begin, int64_t end, bool haploid) const;

 private:
  std::string name_;
  std::string path_;
  std::vector<CopyNumberSegment> segments_;  // by contig, then begin
};

// Copies at the baseline: one per haplotype.
inline int BaselineCopies(bool haploid) {
  return haploid ? 1 : 2;
}

// Usable positions weighted by their copies (each counts its total copies; outside segments,
// the baseline's). `segments`: sorted, disjoint, in the usable set's coordinates.
int64_t WeightedUsable(const UsableSet& usable,
                       const std::vector<CopySpan>& segments,
                       int baseline);

// The same per block of `block_size` over a span's start positions (as UsablePerBlock counts
// them).
std::vector<int64_t> WeightedPerBlock(const std::vector<NRun>& runs,
                                      int64_t length,
                                      const UsableRule& rule,
                                      int64_t block_size,
                                      const std::vector<CopySpan>& segments,
                                      int baseline);

// The copies at `pos` (the baseline's outside every segment).
std::array<int, 2> CopiesAt(const std::vector<CopySpan>& segments, int64_t pos, bool haploid);

}  // namespace readforge

#endif  // READFORGE_ENGINE_COPY_NUMBER_H_
