#include "engine/coverage_track.h"

#include <algorithm>

namespace readforge {

void SpanCoverage::Widen(int64_t new_width) {
  while (width < new_width) {
    for (std::vector<int64_t>* bins : {&fragments, &n_bases}) {
      for (size_t i = 0; i < bins->size(); ++i)
        (*bins)[i / 2] = (i % 2 ? (*bins)[i / 2] : 0) + (*bins)[i];
      bins->resize((bins->size() + 1) / 2);
    }
    width *= 2;
  }
}

void SpanCoverage::Fit(int64_t pos) {
  int64_t needed = width;
  while (pos / needed >= static_cast<int64_t>(kMaxBins))
    needed *= 2;
  Widen(needed);
  const size_t bins = static_cast<size_t>(pos / width) + 1;
  if (fragments.size() < bins) {
    fragments.resize(bins, 0);
    n_bases.resize(bins, 0);
  }
}

void SpanCoverage::AddFragment(int64_t pos) {
  Fit(pos);
  ++fragments[static_cast<size_t>(pos / width)];
}

void SpanCoverage::End(int64_t span_length) {
  length = span_length;
  if (span_length > 0)
    Fit(span_length - 1);
}

void SpanCoverage::AddN(int64_t from, int64_t to) {
  if (to <= from)
    return;
  Fit(to - 1);
  for (int64_t at = from; at < to;) {
    const int64_t bin_end = (at / width + 1) * width;
    const int64_t end = std::min(to, bin_end);
    n_bases[static_cast<size_t>(at / width)] += end - at;
    at = end;
  }
}

void SpanCoverage::Merge(const SpanCoverage& part) {
  const int64_t common = std::max(width, part.width);
  Widen(common);
  SpanCoverage other = part;
  other.Widen(common);
  length = std::max(length, other.length);
  if (fragments.size() < other.fragments.size()) {
    fragments.resize(other.fragments.size(), 0);
    n_bases.resize(other.n_bases.size(), 0);
  }
  for (size_t i = 0; i < other.fragments.size(); ++i) {
    fragments[i] += other.fragments[i];
    n_bases[i] = std::max(n_bases[i], other.n_bases[i]);
  }
}

}  // namespace readforge
