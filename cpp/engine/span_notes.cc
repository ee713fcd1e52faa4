#include "engine/span_notes.h"

#include "engine/text.h"

namespace readforge {

std::vector<std::string> FormatWarnings(const std::vector<SpanNote>& notes,
                                        const SimulatorStats& stats,
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
    if (n.dropped_short > 0) {
      warnings.push_back(n.span + " (" + std::to_string(n.length) +
                         " bases): " + std::to_string(n.dropped_short) +
                         " read pairs could not be placed: deletions leave its haplotypes "
                         "shorter than the reads (" +
                         std::to_string(options.longest_read()) + ") wherever tried");
    }
    if (n.dropped_pairs > n.dropped_short) {
      warnings.push_back(n.span + ": " + std::to_string(n.dropped_pairs - n.dropped_short) +
                         " read pairs could not be placed: variants put too many Ns in the "
                         "reads wherever tried");
    }
  }
  const SimulatorStats::Planted& p = stats.planted;
  if (p.overlapping > 0) {
    warnings.push_back("--variants: " + std::to_string(p.overlapping) +
                       " records overlap an earlier one and were not planted (the first wins)");
  }
  if (p.mismatches > 0) {
    warnings.push_back("--variants: " + std::to_string(p.mismatches) +
                       " records have a REF that is not the reference's: skipped");
  }
  if (p.outside > 0) {
    warnings.push_back("--variants: " + std::to_string(p.outside) +
                       " records lie outside what was simulated (other contigs or regions, or "
                       "across a region's end)");
  }
  return warnings;
}

}  // namespace readforge
