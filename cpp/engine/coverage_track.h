// Where a run's fragments landed, for the summaries' coverage plot: per span, fragments counted
// in bins by their leftmost base, and the N bases in each bin (the assembly's gaps). A bin is
// kMinWidth bases times a power of two, and a span has at most kMaxBins: when a span outgrows
// its bins they are merged in pairs. So the bins depend only on the positions seen, never on
// how input was chunked, and the parts of a run on several threads merge exactly.
#ifndef READFORGE_ENGINE_COVERAGE_TRACK_H_
#define READFORGE_ENGINE_COVERAGE_TRACK_H_

#include <cstdint>
#include <string>
#include <vector>

namespace readforge {

struct SpanCoverage {
  static constexpr int64_t kMinWidth = 1024;
  static constexpr size_t kMaxBins = 256;

  std::string contig;
  int64_t begin = 0;   // contig coordinate of the span's first base
  int64_t length = 0;  // the span's bases (known at its end)
  int64_t width = kMinWidth;
  std::vector<int64_t> fragments;
  std::vector<int64_t> n_bases;

  // `pos`: span coordinate of a fragment's leftmost base.
  void AddFragment(int64_t pos);
  // N bases at span coordinates [from, to).
  void AddN(int64_t from, int64_t to);
  // The span ended after `span_length` bases: bins cover all of it, so their width depends on
  // the span's length alone.
  void End(int64_t span_length);
  // Bins at least `new_width` wide (merged in pairs).
  void Widen(int64_t new_width);
  // Adds a part's fragments (parts of one run: each saw every base, so N counts are taken).
  void Merge(const SpanCoverage& part);

 private:
  void Fit(int64_t pos);
};

// At most this many spans are tracked (a draft assembly's thousands of contigs are not plotted).
inline constexpr size_t kMaxTrackedSpans = 1000;

}  // namespace readforge

#endif  // READFORGE_ENGINE_COVERAGE_TRACK_H_
