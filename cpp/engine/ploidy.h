// --ploidy N and --ploidy-override CONTIG[:BEG-END]=N: how many haplotypes each part of the
// genome has (a male's chrX and chrY haploid, their PARs diploid; triploid or tetraploid
// plants). -h stays wgsim's: haploid everywhere. Where the ploidy is not the run's, a position's
// fragments come from its haplotypes by their copies (copy_number.h), so a haploid chrX gets
// half the pairs per base of a diploid autosome, and random mutations and planted genotypes
// have as many alleles as the place has haplotypes.
#ifndef READFORGE_ENGINE_PLOIDY_H_
#define READFORGE_ENGINE_PLOIDY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contig_list.h"
#include "formats/region.h"
#include "formats/status.h"

namespace readforge {

inline constexpr int kMaxPloidy = 8;
// Haplotypes a block spells: a place's, once per cell type of a tumour sample (tumour.h).
// Variant::haplotypes holds a bit for each.
inline constexpr int kMaxHaplotypes = 16;

struct PloidyOverride {
  Region region;  // 0-based half-open; end < 0: to the contig's end
  int ploidy = 2;
};

// "chrX=1", "chrX:2,781,480-155,701,382=1" (1-based inclusive, as samtools regions).
Status ParsePloidyOverride(std::string_view text, PloidyOverride* out);
// As the user would write it again.
std::string FormatPloidyOverride(const PloidyOverride& o);

// A stretch of a span (span coordinates) whose ploidy is not the run's.
struct PloidySpan {
  int64_t begin = 0;
  int64_t end = 0;
  int ploidy = 2;
};

// Every override on a contig of the reference and within it, and none overlapping another.
Status CheckPloidyOverrides(const std::vector<PloidyOverride>& overrides,
                            const ContigList& contigs);

// The overrides over [begin, end) of `contig`, clipped, in span coordinates, sorted (those that
// give the run's own ploidy left out).
std::vector<PloidySpan> PloidyIn(const std::vector<PloidyOverride>& overrides,
                                 int run_ploidy,
                                 std::string_view contig,
                                 int64_t begin,
                                 int64_t end);

// The ploidy at `pos` of `contig` (0-based).
int PloidyOf(const std::vector<PloidyOverride>& overrides,
             int run_ploidy,
             std::string_view contig,
             int64_t pos);

// The ploidy at span position `pos`.
inline int PloidyAt(const std::vector<PloidySpan>& spans, int64_t pos, int run_ploidy) {
  for (const PloidySpan& s : spans) {  // a handful: chrX's PARs
    if (pos < s.begin)
      break;
    if (pos < s.end)
      return s.ploidy;
  }
  return run_ploidy;
}

}  // namespace readforge

#endif  // READFORGE_ENGINE_PLOIDY_H_
