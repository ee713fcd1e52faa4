#include "engine/split_alignment.h"

#include <algorithm>

#include "engine/haplotype_reader.h"
#include "formats/bam_record.h"

namespace readforge {
namespace {

// Where the run's bases would go on: the position after its last (before, for a reverse run).
int64_t NextRef(const AlignedRun& run) {
  return run.reverse ? run.ref - run.length : run.ref + run.length;
}

// The run's bases [x, y) (offsets into it) as a run.
AlignedRun Piece(const AlignedRun& run, int64_t x, int64_t y) {
  if (run.ref < 0)
    return AlignedRun{-1, y - x, false};
  return AlignedRun{run.reverse ? run.ref - x : run.ref + x, y - x, run.reverse};
}

}  // namespace

const std::vector<AlignedRun>& SplitAligner::KeepFrom(const std::vector<AlignedRun>& given,
                                                      int64_t earliest) {
  bool any = false;
  for (const AlignedRun& run : given) {
    const int64_t lowest = run.reverse ? run.ref - run.length + 1 : run.ref;
    any |= run.ref >= 0 && lowest < earliest;
  }
  if (!any)
    return given;
  kept_runs_.clear();
  for (const AlignedRun& run : given) {
    // The bases at or after `earliest` stay; the others are taken as inserted.
    int64_t below = 0;  // bases of the run before `earliest`, at its start or (reverse) end
    if (run.ref >= 0) {
      below = run.reverse ? run.length - std::clamp<int64_t>(run.ref - earliest + 1, 0, run.length)
                          : std::clamp<int64_t>(earliest - run.ref, 0, run.length);
    }
    if (below == 0) {
      AddRun(&kept_runs_, run.ref, run.length, run.reverse);
    } else if (run.reverse) {
      const AlignedRun kept = Piece(run, 0, run.length - below);
      AddRun(&kept_runs_, kept.ref, kept.length, true);
      AddRun(&kept_runs_, -1, below);
    } else {
      AddRun(&kept_runs_, -1, below);
      const AlignedRun kept = Piece(run, below, run.length);
      AddRun(&kept_runs_, kept.ref, kept.length);
    }
  }
  return kept_runs_;
}

size_t SplitAligner::Align(const std::vector<AlignedRun>& given,
                           const char* bases,
                           int64_t length,
                           const SpanWindow& window,
                           int64_t earliest,
                           std::vector<ReadAlignment>* parts) {
  const std::vector<AlignedRun>& runs = KeepFrom(given, earliest);
  // Where the read is cut: read offsets between two aligned runs on other strands, or with a
  // step back (a duplication's junction), a long deletion or a long insertion between them.
  std::vector<int64_t>& cuts = cuts_;
  cuts.clear();
  int64_t i = 0, inserted = 0, cut_at = 0;
  const AlignedRun* last = nullptr;
  for (const AlignedRun& run : runs) {
    if (run.ref < 0) {
      inserted += run.length;
    } else {
      if (last) {
        const int64_t gap = run.reverse ? NextRef(*last) - run.ref : run.ref - NextRef(*last);
        if (run.reverse != last->reverse || gap < 0 || gap >= kSplitLength ||
            inserted >= kSplitLength)
          cuts.push_back(cut_at);
      }
      last = &run;
      inserted = 0;
    }
    i += run.length;
    if (run.ref >= 0)
      cut_at = i;  // a cut goes after the last aligned base before the gap
  }
  if (cuts.empty() && (!last || !last->reverse)) {
    parts->resize(1);
    AlignRead(runs, bases, length, window, &(*parts)[0]);
    (*parts)[0].flipped = false;
    return 0;
  }
  cuts.push_back(length);
  // Each part's aligned bases; parts of fewer than kMinPartLength are not reported (an aligner
  // finds no seed there: their bases are soft-clipped in the others), unless none is longer.
  aligned_.assign(cuts.size(), 0);
  reverse_.assign(cuts.size(), false);
  for (size_t p = 0; p < cuts.size(); ++p) {
    const int64_t from = p ? cuts[p - 1] : 0, to = cuts[p];
    int64_t at = 0;
    for (const AlignedRun& run : runs) {
      const int64_t x = std::max(at, from), y = std::min(at + run.length, to);
      if (run.ref >= 0 && x < y) {
        aligned_[p] += y - x;
        reverse_[p] = run.reverse;
      }
      at += run.length;
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
    // Its bases as they lie, the read's others as bases of no position (soft clips). A part on
    // the other strand is aligned as that strand reads it: the read reverse-complemented, its
    // runs from the last to the first, each ascending.
    const int64_t from = p ? cuts[p - 1] : 0, to = cuts[p];
    const bool reverse = reverse_[p];
    part_runs.clear();
    AddRun(&part_runs, -1, reverse ? length - to : from);
    int64_t at = reverse ? length : 0;
    for (size_t r = 0; r < runs.size(); ++r) {
      const AlignedRun& run = runs[reverse ? runs.size() - 1 - r : r];
      const int64_t run_at = reverse ? at - run.length : at;
      const int64_t x = std::max(run_at, from), y = std::min(run_at + run.length, to);
      if (x < y) {
        const AlignedRun piece = Piece(run, x - run_at, y - run_at);
        // Ascending: a reverse piece's lowest position first.
        AddRun(&part_runs,
               piece.ref < 0 ? -1
               : reverse     ? piece.ref - piece.length + 1
                             : piece.ref,
               piece.length);
      }
      at = reverse ? run_at : at + run.length;
    }
    AddRun(&part_runs, -1, reverse ? from : length - to);
    const char* seq = bases;
    if (reverse) {
      flipped_bases_.resize(static_cast<size_t>(length));
      ReverseComplement(bases, length, flipped_bases_.data());
      seq = flipped_bases_.data();
    }
    ReadAlignment& part = parts->emplace_back();
    AlignRead(part_runs, seq, length, window, &part);
    part.flipped = reverse;
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
