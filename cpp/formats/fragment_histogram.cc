#include "formats/fragment_histogram.h"

#include <algorithm>

#include "formats/text.h"

namespace readforge {

Status FragmentHistogram::Parse(std::string_view text, FragmentHistogram* histogram) {
  *histogram = FragmentHistogram();
  std::map<int64_t, uint64_t> counts;
  std::string_view line;
  int64_t number = 0;
  uint64_t total = 0;
  while (NextLine(&text, &line)) {
    ++number;
    if (line.empty() || line[0] == '#')
      continue;
    int64_t length = 0, count = 0;
    if (!ParseInt64(NextTabField(&line), &length) || !ParseInt64(NextTabField(&line), &count) ||
        !line.empty() || length < 1 || length > kMaxLength || count < 0 ||
        count > (int64_t{1} << 48)) {
      return Status::Error("line " + std::to_string(number) +
                           ": expected LENGTH<TAB>COUNT, a length from 1 to " +
                           std::to_string(kMaxLength) + " and a count from 0 to 2^48");
    }
    total += static_cast<uint64_t>(count);
    if (total > (uint64_t{1} << 62))
      return Status::Error("line " + std::to_string(number) + ": the counts add up to over 2^62");
    counts[length] += static_cast<uint64_t>(count);
  }
  *histogram = FromCounts(counts);
  if (histogram->empty())
    return Status::Error("no fragments (expected lines of LENGTH<TAB>COUNT with counts above 0)");
  return Status::Ok();
}

FragmentHistogram FragmentHistogram::FromCounts(const std::map<int64_t, uint64_t>& counts) {
  FragmentHistogram h;
  for (const auto& [length, count] : counts) {
    if (count == 0)
      continue;
    h.total_ += count;
    h.lengths_.push_back(length);
    h.cumulative_.push_back(h.total_);
  }
  return h;
}

int64_t FragmentHistogram::LengthAt(uint64_t draw) const {
  const size_t i = static_cast<size_t>(
      std::upper_bound(cumulative_.begin(), cumulative_.end(), draw) - cumulative_.begin());
  return lengths_[std::min(i, lengths_.size() - 1)];
}

std::string FragmentHistogram::Format() const {
  std::string out = "#length\tcount\n";
  for (size_t i = 0; i < lengths_.size(); ++i) {
    const uint64_t count = cumulative_[i] - (i == 0 ? 0 : cumulative_[i - 1]);
    out += std::to_string(lengths_[i]) + "\t" + std::to_string(count) + "\n";
  }
  return out;
}

}  // namespace readforge
