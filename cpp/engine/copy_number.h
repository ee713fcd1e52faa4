// --copy-number: coverage that follows copy-number segments, and where the ploidy is not two
// (ploidy.h). A position's fragments come from its copies: where a segment says 3 (1|2 on the
// haplotypes), it gets 1.5 times the pairs of the diploid baseline, a third of them from the
// first haplotype; where it says 0, none; a haploid chrX gets half. The plan
// weighs each block's usable positions by their copies (-N follows copies; -C is coverage of
// the baseline), and the sampler keeps a drawn start with probability copies / the block's
// most, choosing the haplotype by its copies. Copies change coverage only: every copy of a
// haplotype has its sequence (duplications as sequence are structural variants).
#ifndef READFORGE_ENGINE_COPY_NUMBER_H_
#define READFORGE_ENGINE_COPY_NUMBER_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/options.h"
#include "engine/ploidy.h"
#include "engine/usable_positions.h"
#include "formats/contig_list.h"
#include "formats/copy_number_bed.h"
#include "formats/copy_number_vcf.h"
#include "formats/status.h"

namespace readforge {

// A segment in span coordinates with its copies on each haplotype.
struct CopySpan {
  int64_t begin = 0;
  int64_t end = 0;
  std::array<int, kMaxHaplotypes> copies{};  // weighed by cell type (tumour.h)
  int total() const {
    int sum = 0;
    for (int c : copies)
      sum += c;
    return sum;
  }
};

class CopyNumbers {
 public:
  // From a BED's text, or a VCF's <CNV> records (copy_number_vcf.h); errors name `path`.
  static Status Make(std::string_view path, std::string_view text, CopyNumbers* out);

  const std::string& name() const { return name_; }  // the file's base name
  bool from_vcf() const { return from_vcf_; }
  // Every segment on a contig of the reference and within it; column 5, when given, has one
  // count per haplotype of the segment's ploidy (`options`' --ploidy and overrides, -h).
  // Errors name the file and line.
  Status Check(const ContigList& contigs, const Options& options) const;
  // The segments over [begin, end) of `contig`, clipped, in span coordinates (from `begin`).
  const std::vector<CopyNumberSegment>& segments() const { return segments_; }

 private:
  std::string name_;
  std::string path_;
  std::vector<CopyNumberSegment> segments_;  // by contig, then begin
  bool from_vcf_ = false;
};

// The copies over [begin, end) of `contig`, in span coordinates, sorted and disjoint: the
// --copy-number segments (split over the ploidy's stretches) and the stretches whose ploidy is
// not the run's (one copy per haplotype); the rest has the run's ploidy, one copy each.
// `mix`: weighed by cell type (tumour.h), as the sampler draws them; else as they are, the
// normal cells' in the first kMaxPloidy slots and the tumour's (--somatic-copy-number) in the
// next.
std::vector<CopySpan> CopiesIn(const Options& options,
                               std::string_view contig,
                               int64_t begin,
                               int64_t end,
                               bool mix = true);

// --copy-number-truth: what was simulated, as a BED covering every contig: contig, begin, end,
// total copies, copies per haplotype ("1|2"), ploidy, and with --somatic-copy-number the tumour
// cells' total and per-haplotype copies. The same in every part of a run.
std::string CopyNumberTruthText(const Options& options, const ContigList& contigs);

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

// One copy on each of the run's haplotypes, as weighed: the copies outside every segment.
std::array<int, kMaxHaplotypes> BaselineCopies(const Options& options);

// The copies at `pos`: its segment's, or `baseline` outside every segment.
inline const std::array<int, kMaxHaplotypes>& CopiesAt(
    const std::vector<CopySpan>& segments,
    int64_t pos,
    const std::array<int, kMaxHaplotypes>& baseline) {
  auto it = std::upper_bound(segments.begin(), segments.end(), pos,
                             [](int64_t p, const CopySpan& s) { return p < s.end; });
  return it != segments.end() && it->begin <= pos ? it->copies : baseline;
}

}  // namespace readforge

#endif  // READFORGE_ENGINE_COPY_NUMBER_H_
