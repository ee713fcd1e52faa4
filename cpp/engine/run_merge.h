// One run simulated by several simulators (threads, Workers: options.block_stride > 1), each
// over the whole reference but writing every k-th block: their stats and span notes added up,
// as one simulator's would be. Parts in other threads of a JavaScript host travel as text
// (Encode, AddEncoded).
#ifndef READFORGE_ENGINE_RUN_MERGE_H_
#define READFORGE_ENGINE_RUN_MERGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/options.h"
#include "engine/run_stats.h"
#include "engine/span_notes.h"
#include "formats/status.h"

namespace readforge {

class RunMerge {
 public:
  // One part: its stats and its notes (over the same spans in every part).
  void Add(const SimulatorStats& stats, const SpanNotes& notes);
  // The same from Encode()'s text; an error when the text is not that.
  Status AddEncoded(std::string_view text);

  const SimulatorStats& stats() const { return stats_; }
  std::vector<std::string> Warnings(const Options& options) const {
    return FormatWarnings(notes_, stats_, options);
  }

  // A part's stats and notes as text: one line per field, numbers in decimal.
  static std::string Encode(const SimulatorStats& stats, const SpanNotes& notes);

 private:
  SimulatorStats stats_;
  SpanNotes notes_;
  bool first_ = true;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_RUN_MERGE_H_
