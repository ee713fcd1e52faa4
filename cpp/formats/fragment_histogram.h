// A fragment-length histogram: `--fragment-hist FILE` for a run's fragment lengths instead of
// the normal model, as `readforge profile --fragments ALN.bam` learns it from real pairs. The
// file is a TSV of `LENGTH<TAB>COUNT` lines (`#` comments), any order, lengths from 1 to
// kMaxLength. The same entries also come inline, `LENGTH:COUNT,LENGTH:COUNT...`: how the app's
// share links and the edge API's query carry one.
#ifndef READFORGE_FORMATS_FRAGMENT_HISTOGRAM_H_
#define READFORGE_FORMATS_FRAGMENT_HISTOGRAM_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace readforge {

class FragmentHistogram {
 public:
  static constexpr int64_t kMaxLength = 10000000;

  static Status Parse(std::string_view text, FragmentHistogram* histogram);
  // The TSV, lengths ascending (only those counted).
  std::string Format() const;

  // The inline form: digits, ':' and ',' only, with at least one ':'.
  static bool IsInline(std::string_view text);
  static Status ParseInline(std::string_view text, FragmentHistogram* histogram);
  std::string FormatInline() const;

  // From counts by length (counts of 0 are left out).
  static FragmentHistogram FromCounts(const std::map<int64_t, uint64_t>& counts);

  bool empty() const { return total_ == 0; }
  uint64_t total() const { return total_; }
  int64_t shortest() const { return lengths_.empty() ? 0 : lengths_.front(); }
  int64_t longest() const { return lengths_.empty() ? 0 : lengths_.back(); }
  // The i-th length counted (ascending), and its count.
  size_t size() const { return lengths_.size(); }
  int64_t length(size_t i) const { return lengths_[i]; }
  uint64_t count(size_t i) const { return cumulative_[i] - (i == 0 ? 0 : cumulative_[i - 1]); }

  // The length whose cumulative count first exceeds `draw` (0 <= draw < total()): a draw
  // uniform over [0, total) gives lengths in the histogram's proportions.
  int64_t LengthAt(uint64_t draw) const;

  std::string name;  // the file's base name, or what learned it

 private:
  std::vector<int64_t> lengths_;      // ascending, distinct
  std::vector<uint64_t> cumulative_;  // counts up to and including each length
  uint64_t total_ = 0;
};

}  // namespace readforge

#endif  // READFORGE_FORMATS_FRAGMENT_HISTOGRAM_H_
