#include "engine/span_notes.h"

#include "engine/text.h"

namespace readforge {

std::vector<std::string> FormatWarnings(const std::vector<SpanNote>& notes,
                                        const Options& options) {
  std::vector<std::string> warnings;
  for (const SpanNote& n : notes) {
    if (n.too_short) {
      warnings.push_back(n.span + " (" + std::to_string(n.length) +
                         " bases) is shorter than the longest read (" +
                         std::to_string(options.longest_read()) + "): skipped");
    }
    if (n.cut_fragments > 0) {
      warnings.push_back(n.span + " (" + std::to_string(n.length) +
                         " bases): " + std::to_string(n.cut_fragments) +
                         " fragments were cut to fit before its end or a run of N (-d " +
                         std::to_string(options.outer_distance) + " -s " +
                         FormatNumber(options.std_dev) + " asks for longer ones)");
    }
    if (n.dropped_pairs > 0) {
      warnings.push_back(n.span + ": " + std::to_string(n.dropped_pairs) +
                         " read pairs could not be placed: variants put too many Ns in every "
                         "read tried");
    }
  }
  return warnings;
}

}  // namespace readforge
