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
  if (IsGzip(text)) {
    return Status::Error(std::string(path) +
                         ": compressed: give the plain BED or VCF (bgzip -dc it first)");
  }
  out->from_vcf_ = IsVcfText(text);
  Status s = out->from_vcf_ ? ParseCopyNumberVcf(text, &out->segments_)
                            : ParseCopyNumberBed(text, &out->segments_);
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
  // Weighed by cell type, or side by side as they are: the normal's, then the tumour's.
  auto weigh = [&](const std::array<int, kMaxPloidy>& normal,
                   const std::array<int, kMaxPloidy>& tumour) {
    std::array<int, kMaxHaplotypes> out{};
    if (mix)
      return MixCopies(normal, tumour, options);
    std::copy(normal.begin(), normal.end(), out.begin());
    std::copy(tumour.begin(), tumour.end(), out.begin() + kMaxPloidy);
    return out;
  };
  const int run = options.run_ploidy();
  const std::vector<PloidySpan> stretches =
      PloidyIn(options.ploidy_overrides, run, contig, begin, end);
  std::vector<int64_t> cuts;
  // A BED's segments over [begin, end), their ends among the cuts.
  auto over = [&](const CopyNumbers* numbers) {
    std::vector<const CopyNumberSegment*> segments;
    if (!numbers)
      return segments;
    for (const CopyNumberSegment& s : numbers->segments()) {
      if (s.contig != contig || s.end <= begin || s.begin >= end)
        continue;
      segments.push_back(&s);
      cuts.push_back(std::max(s.begin, begin) - begin);
      cuts.push_back(std::min(s.end, end) - begin);
    }
    return segments;
  };
  const std::vector<const CopyNumberSegment*> normal = over(options.copy_number.get());
  const std::vector<const CopyNumberSegment*> tumour = over(options.somatic_copy_number.get());
  for (const PloidySpan& p : stretches) {
    cuts.push_back(p.begin);
    cuts.push_back(p.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  // The segment of `segments` (from *next on) over piece [a, ...), or null.
  auto segment_at = [&](const std::vector<const CopyNumberSegment*>& segments, size_t* next,
                        int64_t a) -> const CopyNumberSegment* {
    while (*next < segments.size() && segments[*next]->end - begin <= a)
      ++*next;
    return *next < segments.size() && segments[*next]->begin - begin <= a ? segments[*next]
                                                                          : nullptr;
  };
  // Each piece between two cuts: the segments' copies at the piece's ploidy (the tumour's as
  // the normal's where no somatic segment says otherwise), or one copy on each haplotype of a
  // ploidy not the run's.
  std::vector<CopySpan> out;
  size_t next_normal = 0, next_tumour = 0;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    const int64_t a = cuts[i], b = cuts[i + 1];
    const CopyNumberSegment* in_normal = segment_at(normal, &next_normal, a);
    const CopyNumberSegment* in_tumour = segment_at(tumour, &next_tumour, a);
    const int ploidy = PloidyAt(stretches, a, run);
    if (!in_normal && !in_tumour && ploidy == run)
      continue;  // the baseline
    const std::array<int, kMaxPloidy> copies =
        in_normal ? CopiesOf(*in_normal, ploidy) : Ones(ploidy);
    out.push_back(CopySpan{a, b, weigh(copies, in_tumour ? CopiesOf(*in_tumour, ploidy) : copies)});
  }
  return out;
}

std::string CopyNumberTruthText(const Options& options, const ContigList& contigs) {
  // With --somatic-copy-number, the tumour cells' copies in two more columns.
  const bool somatic = static_cast<bool>(options.somatic_copy_number);
  std::string out = std::string("#contig\tbegin\tend\tcopies\thaplotypes\tploidy") +
                    (somatic ? "\ttumour_copies\ttumour_haplotypes\n" : "\n");
  const int run = options.run_ploidy();
  auto copies_text = [](const int* copies, int ploidy) {
    int total = 0;
    std::string each;
    for (int h = 0; h < ploidy; ++h) {
      total += copies[h];
      each += (h ? "|" : "") + std::to_string(copies[h]);
    }
    return std::to_string(total) + "\t" + each;
  };
  auto line = [&](std::string_view contig, int64_t begin, int64_t end, const int* normal,
                  const int* tumour, int ploidy) {
    out.append(contig).append("\t" + std::to_string(begin) + "\t" + std::to_string(end) + "\t" +
                              copies_text(normal, ploidy) + "\t" + std::to_string(ploidy));
    out.append(somatic ? "\t" + copies_text(tumour, ploidy) + "\n" : "\n");
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
        line(name, at, s.begin, baseline.data(), baseline.data(), run);
      line(name, s.begin, s.end, s.copies.data(), s.copies.data() + kMaxPloidy,
           PloidyAt(stretches, s.begin, run));
      at = s.end;
    }
    if (at < length)
      line(name, at, length, baseline.data(), baseline.data(), run);
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
