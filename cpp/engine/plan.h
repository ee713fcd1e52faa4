// What gets simulated where: the spans (whole contigs, or the requested regions on them), how
// many read pairs each gets, and how those are spread over the span's blocks.
#ifndef READFORGE_ENGINE_PLAN_H_
#define READFORGE_ENGINE_PLAN_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/gap_index.h"
#include "engine/options.h"
#include "engine/status.h"
#include "engine/truth_writer.h"

namespace readforge {

struct Span {
  int64_t begin = 0;   // contig coordinates, 0-based half-open
  int64_t end = -1;    // -1: the contig's end, not known yet (streaming without an index)
  int64_t pairs = -1;  // -N mode: the pairs apportioned to the span; -1 in -C mode
  bool whole = false;  // the whole contig (no regions asked for)
  // -N mode: usable fragment starts per block (usable_positions.h), from the N runs. The run
  // checks each block against the bases it holds.
  std::vector<int64_t> usable;
  bool runs_known = false;  // the N runs came from a scan or a sidecar (else: assumed none)
};

class Plan {
 public:
  // With contig lengths (an index): validates regions and apportions -N pairs over the spans by
  // usable positions (largest remainder). `contigs` is empty when no index is known; `gaps` may
  // be empty or lack contigs, which are then taken to hold no N (and checked as the run goes).
  static Status Make(const Options& options,
                     const std::vector<ContigInfo>& contigs,
                     const GapIndex& gaps,
                     Plan* plan);

  // The spans of a contig, sorted and merged; whole-contig when no regions were asked for.
  std::vector<Span> SpansOf(const std::string& contig) const;

  // Every span in reference order (needs the index the plan was made with).
  struct Placed {
    std::string contig;
    Span span;
  };
  std::vector<Placed> Ordered(const std::vector<ContigInfo>& contigs) const;

  // Called at the end of a contig streamed without an index; checks its regions fit.
  Status CheckContigLength(const std::string& contig, int64_t length) const;

  // Called at the end of input; names regions on contigs that never appeared.
  Status CheckAllRegionsSeen(const std::vector<std::string>& seen) const;

  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  bool has_regions_ = false;
  std::map<std::string, std::vector<Span>> spans_by_contig_;  // filled only with regions or index
  std::vector<std::string> warnings_;
};

// Pairs per block of a span in -N mode: a chain of binomial draws over the blocks' shares of the
// span's usable positions, each from the block's own stream.
std::vector<int64_t> SplitPairsOverBlocks(const Options& options,
                                          uint64_t span_key,
                                          const std::vector<int64_t>& usable,
                                          int64_t pairs);

// Pairs of one block in -C mode: coverage x usable positions / bases per pair, with the
// fraction rounded up with its own probability.
int64_t CoveragePairsInBlock(const Options& options,
                             uint64_t span_key,
                             int64_t block,
                             int64_t usable_positions);

// A stable key for the random streams of a span.
uint64_t SpanKey(const std::string& contig, int64_t begin);

}  // namespace readforge

#endif  // READFORGE_ENGINE_PLAN_H_
