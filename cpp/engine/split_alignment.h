// Reads across a structural variant's breakpoint, aligned as aligners report them: where a
// read's bases jump over kSplitLength or more reference bases (a deletion), jump back (a tandem
// duplication's junction), change strand (an inversion's ends), or hold kSplitLength or more
// bases of no reference position between two aligned stretches (an insertion), the read is cut
// there into parts, each aligned alone with the rest of the read soft-clipped (a part of fewer
// than kMinPartLength aligned bases is only clipped). The part with the most aligned bases (the
// first of equals) is the primary record, on the other strand when it lies in an inversion; the
// others are supplementary (0x800), and each record's SA tag names the others, as `bwa mem` writes
// split reads (with -Y: soft clips). Shorter indels stay D and I within one record.
#ifndef READFORGE_ENGINE_SPLIT_ALIGNMENT_H_
#define READFORGE_ENGINE_SPLIT_ALIGNMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/read_alignment.h"
#include "engine/span_window.h"

namespace readforge {

// The shortest deletion or insertion that splits a read (structural variants are 50 bases or
// more by the usual convention).
inline constexpr int64_t kSplitLength = 50;
// The fewest aligned bases a part must have to be reported (a shorter one is soft-clipped in the
// others, as an aligner finds no seed in it).
inline constexpr int64_t kMinPartLength = 20;

class SplitAligner {
 public:
  // Aligns the read of `runs` (as AlignRead takes them) in parts: `parts` gets one alignment
  // per part, in reference order (one, the whole read's, when nothing splits it); returns the
  // primary's index. Bases that lie before `earliest` (a duplication's copy of bases before the
  // fragment's block, whose records are written) are taken as inserted ones.
  size_t Align(const std::vector<AlignedRun>& runs,
               const char* bases,
               int64_t length,
               const SpanWindow& window,
               int64_t earliest,
               std::vector<ReadAlignment>* parts);

 private:
  std::vector<int64_t> cuts_;          // read offsets where parts end
  std::vector<AlignedRun> part_runs_;  // one part's runs
  std::vector<int64_t> aligned_;       // each part's aligned bases
  std::vector<AlignedRun> kept_runs_;  // the runs, those before `earliest` unaligned
  std::vector<bool> reverse_;          // each part's strand: the read's other
  std::string flipped_bases_;          // the read reverse-complemented
  // `given`, or kept_runs_: its bases before `earliest` taken as inserted ones.
  const std::vector<AlignedRun>& KeepFrom(const std::vector<AlignedRun>& given, int64_t earliest);
};

// One entry of an SA tag: "contig,pos1,strand,CIGAR,mapq,NM;" appended to `out`.
void AppendSaEntry(std::string_view contig,
                   int64_t pos1,
                   bool reverse,
                   const std::vector<uint32_t>& cigar,
                   int mapq,
                   int edit_distance,
                   std::string* out);

}  // namespace readforge

#endif  // READFORGE_ENGINE_SPLIT_ALIGNMENT_H_
