#include "formats/fragment_histogram.h"

#include <algorithm>

#include "formats/text.h"

namespace readforge {

namespace {

// The entries of either form: `entry` splits off the next one, `field` its next field.
template <typename NextEntry, typename NextField>
Status ParseEntries(std::string_view text,
                    NextEntry entry,
                    NextField field,
                    const char* what,
                    const char* shape,
                    FragmentHistogram* histogram) {
  std::map<int64_t, uint64_t> counts;
  std::string_view line;
  int64_t number = 0;
  uint64_t total = 0;
  while (entry(&text, &line)) {
    ++number;
    if (line.empty() || line[0] == '#')
      continue;
    int64_t length = 0, count = 0;
    if (!ParseInt64(field(&line), &length) || !ParseInt64(field(&line), &count) || !line.empty() ||
        length < 1 || length > FragmentHistogram::kMaxLength || count < 0 ||
        count > (int64_t{1} << 48)) {
      return Status::Error(std::string(what) + std::to_string(number) + ": expected " + shape +
                           ", a length from 1 to " + std::to_string(FragmentHistogram::kMaxLength) +
                           " and a count from 0 to 2^48");
    }
    total += static_cast<uint64_t>(count);
    if (total > (uint64_t{1} << 62))
      return Status::Error(std::string(what) + std::to_string(number) +
                           ": the counts add up to over 2^62");
    counts[length] += static_cast<uint64_t>(count);
  }
  *histogram = FragmentHistogram::FromCounts(counts);
  if (histogram->empty())
    return Status::Error("no fragments (every count is 0, or there are no entries)");
  return Status::Ok();
}

}  // namespace

Status FragmentHistogram::Parse(std::string_view text, FragmentHistogram* histogram) {
  return ParseEntries(text, NextLine, NextTabField, "line ", "LENGTH<TAB>COUNT", histogram);
}

bool FragmentHistogram::IsInline(std::string_view text) {
  if (text.empty() || text.find(':') == std::string_view::npos)
    return false;
  for (char c : text) {
    if (!(c >= '0' && c <= '9') && c != ':' && c != ',')
      return false;
  }
  return true;
}

Status FragmentHistogram::ParseInline(std::string_view text, FragmentHistogram* histogram) {
  auto entry = [](std::string_view* t, std::string_view* item) { return NextItem(t, item, ','); };
  auto field = [](std::string_view* item) { return NextField(item, ':'); };
  return ParseEntries(text, entry, field, "entry ", "LENGTH:COUNT", histogram);
}

std::string FragmentHistogram::FormatInline() const {
  std::string out;
  for (size_t i = 0; i < size(); ++i)
    out += (i ? "," : "") + std::to_string(length(i)) + ":" + std::to_string(count(i));
  return out;
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
  for (size_t i = 0; i < size(); ++i)
    out += std::to_string(length(i)) + "\t" + std::to_string(count(i)) + "\n";
  return out;
}

}  // namespace readforge
