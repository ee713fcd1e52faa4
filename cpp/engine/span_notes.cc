#include "engine/span_notes.h"

namespace readforge {

std::vector<std::string> FormatWarnings(const std::vector<SpanNote>& notes, int64_t longest_read) {
  std::vector<std::string> warnings;
  for (const SpanNote& n : notes) {
    if (n.too_short) {
      warnings.push_back(n.span + " (" + std::to_string(n.length) +
                         " bases) is shorter than the longest read (" +
                         std::to_string(longest_read) + "): skipped");
    }
    if (n.dropped_pairs > 0) {
      warnings.push_back(n.span + ": " + std::to_string(n.dropped_pairs) +
                         " read pairs could not be placed: the sequence there is (nearly) all N");
    }
  }
  return warnings;
}

}  // namespace readforge
