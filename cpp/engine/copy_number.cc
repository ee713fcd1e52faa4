#include "engine/copy_number.h"

#include <algorithm>

#include "formats/region.h"
#include "formats/text.h"

namespace readforge {
namespace {

// A segment's copies per haplotype: column 5's, or the total split as evenly as it goes (the
// odd copy on the second haplotype; all on the one when haploid).
std::array<int, 2> CopiesOf(const CopyNumberSegment& s, bool haploid) {
  if (haploid)
    return {s.total, 0};
  if (!s.copies.empty())
    return {s.copies[0], s.copies.size() > 1 ? s.copies[1] : 0};
  return {s.total / 2, s.total - s.total / 2};
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

Status CopyNumbers::Check(const ContigList& contigs, bool haploid) const {
  const size_t haplotypes = haploid ? 1 : 2;
  for (const CopyNumberSegment& s : segments_) {
    const std::string where = path_ + " line " + std::to_string(s.line) + ": ";
    RF_RETURN_IF_ERROR(CheckOnContig(contigs, s.contig, s.end, where));
    if (!s.copies.empty() && s.copies.size() != haplotypes) {
      return Status::Error(where + "gives copies for " + std::to_string(s.copies.size()) +
                           " haplotypes; this run has " + std::to_string(haplotypes) +
                           (haploid ? " (-h)" : ""));
    }
  }
  return Status::Ok();
}

std::vector<CopySpan> CopyNumbers::In(std::string_view contig,
                                      int64_t begin,
                                      int64_t end,
                                      bool haploid) const {
  std::vector<CopySpan> out;
  for (const CopyNumberSegment& s : segments_) {
    if (s.contig != contig || s.end <= begin || s.begin >= end)
      continue;
    out.push_back(CopySpan{std::max(s.begin, begin) - begin, std::min(s.end, end) - begin,
                           CopiesOf(s, haploid)});
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

std::array<int, 2> CopiesAt(const std::vector<CopySpan>& segments, int64_t pos, bool haploid) {
  auto it = std::upper_bound(segments.begin(), segments.end(), pos,
                             [](int64_t p, const CopySpan& s) { return p < s.end; });
  if (it != segments.end() && it->begin <= pos)
    return it->copies;
  return haploid ? std::array<int, 2>{1, 0} : std::array<int, 2>{1, 1};
}

}  // namespace readforge
