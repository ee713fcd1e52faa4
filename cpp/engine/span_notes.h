// What a run has to say about its spans, as warnings: a span too short to use, fragments cut
// short to fit, or pairs that could not be placed (and why). Kept as data so that hosts running
// several simulators can add them up; kept bounded, so that a reference of a million contigs
// (each one too short, say) makes a few lines and not a million: the first spans with something
// to say are named, the rest are counted.
#ifndef READFORGE_ENGINE_SPAN_NOTES_H_
#define READFORGE_ENGINE_SPAN_NOTES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/options.h"
#include "engine/run_stats.h"

namespace readforge {

struct SpanNote {
  int64_t index = 0;  // the span's number in the run, in reference order
  std::string span;
  int64_t length = 0;
  bool too_short = false;
  int64_t dropped_pairs = 0;
  int64_t dropped_short = 0;  // of those, pairs that met only haplotypes shorter than the reads
  int64_t cut_fragments = 0;

  bool says_something() const { return too_short || dropped_pairs > 0 || cut_fragments > 0; }
};

class SpanNotes {
 public:
  // Spans named in warnings; the others are counted.
  static constexpr size_t kShown = 10;

  // A span's note (spans in order; notes that say nothing are dropped).
  void Add(const SpanNote& note);
  // Another part's notes, for the same run (every part sees every span, and counts the pairs of
  // its own blocks). The spans named stay the first ones: a part keeps its first kShown, so any
  // span among the first kShown of all parts is among the first kShown of every part that has it.
  void Merge(const SpanNotes& part);

  const std::vector<SpanNote>& shown() const { return shown_; }
  int64_t too_short() const { return too_short_; }
  void set_too_short(int64_t count) { too_short_ = count; }
  void AddShown(SpanNote note) { shown_.push_back(std::move(note)); }

 private:
  std::vector<SpanNote> shown_;  // by index
  int64_t too_short_ = 0;        // spans too short, in all (the same in every part)
};

// The warnings for a run's notes and stats (hosts that merge several simulators merge notes and
// stats first).
std::vector<std::string> FormatWarnings(const SpanNotes& notes,
                                        const SimulatorStats& stats,
                                        const Options& options);

}  // namespace readforge

#endif  // READFORGE_ENGINE_SPAN_NOTES_H_
