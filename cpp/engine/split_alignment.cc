#include "engine/split_alignment.h"

#include <algorithm>

#include "formats/bam_record.h"

namespace readforge {

size_t SplitAligner::Align(const std::vector<AlignedRun>& given,
                           const char* bases,
                           int64_t length,
                           const SpanWindow& window,
                           int64_t earliest,
                           std::vector<ReadAlignment>* parts) {
  const std::vector<AlignedRun>* chosen = &given;
  for (const AlignedRun& run : given) {
    if (run.ref >= 0 && run.ref < earliest) {
      kept_runs_.clear();
      for (const AlignedRun& r : given)
        AddRun(&kept_runs_, r.ref >= 0 && r.ref < earliest ? -1 : r.ref, r.length);
      chosen = &kept_runs_;
      break;
    }
  }
  const std::vector<AlignedRun>& runs = *chosen;
  // Where the read is cut: read offsets between two aligned runs with a long gap between them.
  std::vector<int64_t>& cuts = cuts_;
  cuts.clear();
  int64_t i = 0, last_end = -1, inserted = 0, cut_at = 0;
  for (const AlignedRun& run : runs) {
    if (run.ref < 0) {
      inserted += run.length;
    } else {
      // A jump back (a duplication's junction), a long deletion or a long insertion.
      if (last_end >= 0 &&
          (run.ref < last_end || run.ref - last_end >= kSplitLength || inserted >= kSplitLength))
        cuts.push_back(cut_at);
      last_end = run.ref + run.length;
      inserted = 0;
    }
    i += run.length;
    if (run.ref >= 0)
      cut_at = i;  // a cut goes after the last aligned base before the gap
  }
  if (cuts.empty()) {
    parts->resize(1);
    AlignRead(runs, bases, length, window, &(*parts)[0]);
    return 0;
  }
  cuts.push_back(length);
  // Each part's aligned bases; parts of fewer than kMinPartLength are not reported (an aligner
  // finds no seed there: their bases are soft-clipped in the others), unless none is longer.
  aligned_.assign(cuts.size(), 0);
  for (size_t p = 0; p < cuts.size(); ++p) {
    const int64_t from = p ? cuts[p - 1] : 0, to = cuts[p];
    int64_t run_at = 0;
    for (const AlignedRun& run : runs) {
      const int64_t x = std::max(run_at, from), y = std::min(run_at + run.length, to);
      if (run.ref >= 0 && x < y)
        aligned_[p] += y - x;
      run_at += run.length;
    }
  }
  const size_t longest =
      static_cast<size_t>(std::max_element(aligned_.begin(), aligned_.end()) - aligned_.begin());
  parts->clear();
  size_t primary = 0;
  std::vector<AlignedRun>& part_runs = part_runs_;
  for (size_t p = 0; p < cuts.size(); ++p) {
    if (aligned_[p] < kMinPartLength && p != longest)
      continue;
    if (p == longest)
      primary = parts->size();
    // Its bases as they lie, the read's others as bases of no position (soft clips).
    const int64_t from = p ? cuts[p - 1] : 0, to = cuts[p];
    part_runs.clear();
    AddRun(&part_runs, -1, from);
    int64_t at = 0;
    for (const AlignedRun& run : runs) {
      const int64_t x = std::max(at, from), y = std::min(at + run.length, to);
      if (x < y)
        AddRun(&part_runs, run.ref < 0 ? -1 : run.ref + (x - at), y - x);
      at += run.length;
    }
    AddRun(&part_runs, -1, length - to);
    AlignRead(part_runs, bases, length, window, &parts->emplace_back());
  }
  return primary;
}

void AppendSaEntry(std::string_view contig,
                   int64_t pos1,
                   bool reverse,
                   const std::vector<uint32_t>& cigar,
                   int mapq,
                   int edit_distance,
                   std::string* out) {
  out->append(contig).append(",").append(std::to_string(pos1)).append(reverse ? ",-," : ",+,");
  for (uint32_t op : cigar)
    out->append(std::to_string(CigarLengthOf(op))).push_back(kCigarLetters[CigarOpOf(op)]);
  out->append(",").append(std::to_string(mapq)).append(",");
  out->append(std::to_string(edit_distance)).push_back(';');
}

}  // namespace readforge
