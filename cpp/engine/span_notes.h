// What a run has to say about its spans, as warnings: a span too short to use, fragments cut
// short to fit, or pairs that could not be placed (and why). Kept as data so that hosts running
// several simulators can add them up.
#ifndef READFORGE_ENGINE_SPAN_NOTES_H_
#define READFORGE_ENGINE_SPAN_NOTES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/options.h"
#include "engine/run_stats.h"

namespace readforge {

struct SpanNote {
  std::string span;
  int64_t length = 0;
  bool too_short = false;
  int64_t dropped_pairs = 0;
  int64_t dropped_short = 0;  // of those, pairs that met only haplotypes shorter than the reads
  int64_t cut_fragments = 0;
};

// The warnings for a list of notes and a run's stats (hosts that merge several simulators merge
// notes and stats first).
std::vector<std::string> FormatWarnings(const std::vector<SpanNote>& notes,
                                        const SimulatorStats& stats,
                                        const Options& options);

}  // namespace readforge

#endif  // READFORGE_ENGINE_SPAN_NOTES_H_
