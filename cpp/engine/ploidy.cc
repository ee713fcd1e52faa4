#include "engine/ploidy.h"

#include <algorithm>

#include "formats/text.h"

namespace readforge {

Status ParsePloidyOverride(std::string_view text, PloidyOverride* out) {
  const size_t eq = text.rfind('=');
  int64_t n = 0;
  if (eq == std::string_view::npos || !ParseInt64(text.substr(eq + 1), &n) || n < 1 ||
      n > kMaxPloidy) {
    return Status::Error("--ploidy-override expects CONTIG[:BEG-END]=N with N from 1 to " +
                         std::to_string(kMaxPloidy) + ", got '" + std::string(text) + "'");
  }
  *out = PloidyOverride();
  out->ploidy = static_cast<int>(n);
  Status s = ParseRegion(text.substr(0, eq), &out->region);
  if (s.ok() && out->region.contig.empty())
    s = Status::Error("no contig");
  if (!s.ok())
    return Status::Error("--ploidy-override '" + std::string(text) + "': " + s.message());
  out->region.text = std::string(text);
  return Status::Ok();
}

std::string FormatPloidyOverride(const PloidyOverride& o) {
  return FormatRegion(o.region) + "=" + std::to_string(o.ploidy);
}

Status CheckPloidyOverrides(const std::vector<PloidyOverride>& overrides,
                            const ContigList& contigs) {
  for (size_t i = 0; i < overrides.size(); ++i) {
    const Region& r = overrides[i].region;
    const std::string where = "--ploidy-override " + FormatPloidyOverride(overrides[i]) + ": ";
    RF_RETURN_IF_ERROR(CheckOnContig(contigs, r.contig, r.end, where));
    const int64_t length = contigs.length(static_cast<size_t>(contigs.IndexOf(r.contig)));
    for (size_t j = 0; j < i; ++j) {
      const Region& q = overrides[j].region;
      const int64_t r_end = r.end < 0 ? length : r.end, q_end = q.end < 0 ? length : q.end;
      if (q.contig == r.contig && r.begin < q_end && q.begin < r_end) {
        return Status::Error(where + "overlaps --ploidy-override " +
                             FormatPloidyOverride(overrides[j]) +
                             " (give the PAR and the rest as separate pieces)");
      }
    }
  }
  return Status::Ok();
}

int PloidyOf(const std::vector<PloidyOverride>& overrides,
             int run_ploidy,
             std::string_view contig,
             int64_t pos) {
  for (const PloidyOverride& o : overrides) {
    if (o.region.contig == contig && pos >= o.region.begin &&
        (o.region.end < 0 || pos < o.region.end))
      return o.ploidy;
  }
  return run_ploidy;
}

std::vector<PloidySpan> PloidyIn(const std::vector<PloidyOverride>& overrides,
                                 int run_ploidy,
                                 std::string_view contig,
                                 int64_t begin,
                                 int64_t end) {
  std::vector<PloidySpan> out;
  for (const PloidyOverride& o : overrides) {
    const Region& r = o.region;
    const int64_t r_end = r.end < 0 ? end : r.end;
    if (o.ploidy == run_ploidy || r.contig != contig || r_end <= begin || r.begin >= end)
      continue;
    out.push_back(
        PloidySpan{std::max(r.begin, begin) - begin, std::min(r_end, end) - begin, o.ploidy});
  }
  std::sort(out.begin(), out.end(),
            [](const PloidySpan& a, const PloidySpan& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace readforge
