#include "engine/copy_number.h"

#include <algorithm>

#include "engine/tumour.h"
#include "formats/region.h"
#include "formats/text.h"

namespace readforge {
namespace {

// A segment's copies on each of `ploidy` haplotypes: column 5's, or the total split as evenly
// as it goes (the odd copies on the last haplotypes).
std::array<int, kMaxPloidy> CopiesOf(const CopyNumberSegment& s, int ploidy) {
  std::array<int, kMaxPloidy> copies{};
  for (int h = 0; h < ploidy; ++h) {
    copies[static_cast<size_t>(h)] =
        !s.copies.empty() ? s.copies[static_cast<size_t>(h)]
                          : s.total / ploidy + (h >= ploidy - s.total % ploidy ? 1 : 0);
  }
  return copies;
}

std::array<int, kMaxPloidy> Ones(int ploidy) {
  std::array<int, kMaxPloidy> copies{};
  for (int h = 0; h < ploidy; ++h)
    copies[static_cast<size_t>(h)] = 1;
  return copies;
}

// The positions [begin, end) weighted by their copies.
int64_t Weighted(int64_t begin, int64_t end, const std::vector<CopySpan>& segments, int baseline) {
  int64_t weight = (end - begin) * baseline;
  for (const CopySpan& s : segments) {
    const int64_t overlap = std::min(end, s.end) - std::max(begin, s.begin);
    if (overlap > 0)
      weight += overlap * (s.total() - baseline);
  }
  return weight;
}

}  // namespace

Status CopyNumbers::Make(std::string_view path, std::string_view text, CopyNumbers* out) {
  *out = CopyNumbers();
  out->name_ = std::string(BaseName(path));
  out->path_ = std::string(path);
  Status s = ParseCopyNumberBed(text, &out->segments_);
  if (!s.ok())
    return Status::Error(std::string(path) + ": " + s.message());
  std::sort(out->segments_.begin(), out->segments_.end(), [](const auto& a, const auto& b) {
    return a.contig != b.contig ? a.contig < b.contig : a.begin < b.begin;
  });
  return Status::Ok();
}

Status CopyNumbers::Check(const ContigList& contigs, const Options& options) const {
  const int run = options.run_ploidy();
  for (const CopyNumberSegment& s : segments_) {
    const std::string where = path_ + " line " + std::to_string(s.line) + ": ";
    RF_RETURN_IF_ERROR(CheckOnContig(contigs, s.contig, s.end, where));
    if (s.copies.empty())
      continue;
    // Column 5 counts the haplotypes of the segment's ploidy, which must be one ploidy.
    const std::vector<PloidySpan> stretches =
        PloidyIn(options.ploidy_overrides, run, s.contig, s.begin, s.end);
    int64_t covered = 0;
    std::vector<int> ploidies;
    for (const PloidySpan& p : stretches) {
      ploidies.push_back(p.ploidy);
      covered += p.end - p.begin;
    }
    if (covered < s.end - s.begin)
      ploidies.push_back(run);
    for (int p : ploidies) {
      if (static_cast<size_t>(p) != s.copies.size() || p != ploidies[0]) {
        return Status::Error(where + "gives copies for " + std::to_string(s.copies.size()) +
                             " haplotypes where the ploidy is " + std::to_string(p) +
                             (options.haploid ? " (-h)" : "") +
                             ": give one count per haplotype, or the total alone");
      }
    }
  }
  return Status::Ok();
}

std::vector<CopySpan> CopiesIn(const Options& options,
                               std::string_view contig,
                               int64_t begin,
                               int64_t end,
                               bool mix) {
  // Weighed by cell type, or widened as they are.
  auto weigh = [&](const std::array<int, kMaxPloidy>& copies) {
    std::array<int, kMaxHaplotypes> out{};
    if (mix)
      return MixCopies(copies, options);
    std::copy(copies.begin(), copies.end(), out.begin());
    return out;
  };
  const int run = options.run_ploidy();
  const std::vector<PloidySpan> stretches =
      PloidyIn(options.ploidy_overrides, run, contig, begin, end);
  std::vector<const CopyNumberSegment*> segments;
  std::vector<int64_t> cuts;
  if (options.copy_number) {
    for (const CopyNumberSegment& s : options.copy_number->segments()) {
      if (s.contig != contig || s.end <= begin || s.begin >= end)
        continue;
      segments.push_back(&s);
      cuts.push_back(std::max(s.begin, begin) - begin);
      cuts.push_back(std::min(s.end, end) - begin);
    }
  }
  for (const PloidySpan& p : stretches) {
    cuts.push_back(p.begin);
    cuts.push_back(p.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  // Each piece between two cuts: a segment's copies at the piece's ploidy, or one copy on each
  // haplotype of a ploidy not the run's.
  std::vector<CopySpan> out;
  size_t next = 0;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    const int64_t a = cuts[i], b = cuts[i + 1];
    while (next < segments.size() && segments[next]->end - begin <= a)
      ++next;
    const bool in_segment = next < segments.size() && segments[next]->begin - begin <= a;
    const int ploidy = PloidyAt(stretches, a, run);
    if (in_segment)
      out.push_back(CopySpan{a, b, weigh(CopiesOf(*segments[next], ploidy))});
    else if (ploidy != run)
      out.push_back(CopySpan{a, b, weigh(Ones(ploidy))});
  }
  return out;
}

std::string CopyNumberTruthText(const Options& options, const ContigList& contigs) {
  std::string out = "#contig\tbegin\tend\tcopies\thaplotypes\tploidy\n";
  const int run = options.run_ploidy();
  auto line = [&](std::string_view contig, int64_t begin, int64_t end, const int* copies,
                  int ploidy) {
    int total = 0;
    std::string each;
    for (int h = 0; h < ploidy; ++h) {
      total += copies[h];
      each += (h ? "|" : "") + std::to_string(copies[h]);
    }
    out.append(contig).append("\t" + std::to_string(begin) + "\t" + std::to_string(end) + "\t" +
                              std::to_string(total) + "\t" + each + "\t" + std::to_string(ploidy) +
                              "\n");
  };
  const std::array<int, kMaxPloidy> baseline = Ones(run);
  for (size_t i = 0; i < contigs.size(); ++i) {
    const std::string_view name = contigs.name(i);
    const int64_t length = contigs.length(i);
    const std::vector<PloidySpan> stretches =
        PloidyIn(options.ploidy_overrides, run, name, 0, length);
    int64_t at = 0;
    for (const CopySpan& s : CopiesIn(options, name, 0, length, false)) {
      if (s.begin > at)
        line(name, at, s.begin, baseline.data(), run);
      line(name, s.begin, s.end, s.copies.data(), PloidyAt(stretches, s.begin, run));
      at = s.end;
    }
    if (at < length)
      line(name, at, length, baseline.data(), run);
  }
  return out;
}

int64_t WeightedUsable(const UsableSet& usable,
                       const std::vector<CopySpan>& segments,
                       int baseline) {
  int64_t weight = 0;
  for (const NRun& interval : usable.intervals())
    weight += Weighted(interval.begin, interval.end, segments, baseline);
  return weight;
}

std::vector<int64_t> WeightedPerBlock(const std::vector<NRun>& runs,
                                      int64_t length,
                                      const UsableRule& rule,
                                      int64_t block_size,
                                      const std::vector<CopySpan>& segments,
                                      int baseline) {
  std::vector<int64_t> weights(static_cast<size_t>((length + block_size - 1) / block_size), 0);
  ForEachUsablePiece(
      runs, length, rule, block_size, [&](int64_t block, int64_t begin, int64_t end) {
        weights[static_cast<size_t>(block)] += Weighted(begin, end, segments, baseline);
      });
  return weights;
}

std::array<int, kMaxHaplotypes> BaselineCopies(const Options& options) {
  return MixCopies(Ones(options.run_ploidy()), options);
}

}  // namespace readforge
