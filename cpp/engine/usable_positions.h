// Where a fragment may start. Reads must keep within -A (the largest fraction of Ns a read may
// hold), so the plan gives pairs to blocks by how many positions can hold one, and the sampler
// draws starts from those positions only: coverage stays uniform beside assembly gaps.
//
// Position p of a span is usable when the longest read fits from it (p + window <= length) and
// the `window` bases from p hold at most `max_n` Ns, where max_n is what -A allows the shortest
// read. Both reads of the shortest fragment (as long as the longest read) then lie inside those
// bases, so a usable position can always hold a pair on the reference.
//
// The same sweep serves the plan (N runs from an index, before any base is read) and the sampler
// (N runs found in the bases held): the two must agree, and the run checks that they do.
#ifndef READFORGE_ENGINE_USABLE_POSITIONS_H_
#define READFORGE_ENGINE_USABLE_POSITIONS_H_

#include <cstdint>
#include <vector>

#include "engine/options.h"
#include "formats/n_runs.h"

namespace readforge {

// The most Ns a read of `length` bases may hold under -A (n / length <= fraction, as doubles).
int64_t MaxNs(double max_n_fraction, int64_t length);

struct UsableRule {
  int64_t window = 0;  // the longest read
  int64_t max_n = 0;   // Ns allowed in the window
};
UsableRule UsableRuleOf(const Options& options);

// The usable positions in [lo, hi) of a span of `length` bases whose N runs (span coordinates,
// sorted, disjoint) are `runs`, as sorted disjoint intervals. `runs` must describe every base in
// [lo, min(hi, length - window + 1) + window - 1).
class UsableSet {
 public:
  void Find(const std::vector<NRun>& runs,
            int64_t length,
            const UsableRule& rule,
            int64_t lo,
            int64_t hi);

  int64_t size() const { return total_; }
  const std::vector<NRun>& intervals() const { return intervals_; }
  // The k-th usable position (0 <= k < size()), in order.
  int64_t At(int64_t k) const;

 private:
  std::vector<NRun> intervals_;
  std::vector<int64_t> before_;  // usable positions in the intervals before each one
  int64_t total_ = 0;
};

// Calls piece(block, begin, end) for each run of usable positions of a span (from its N runs),
// cut where blocks of `block_size` begin.
template <typename Piece>
void ForEachUsablePiece(const std::vector<NRun>& runs,
                        int64_t length,
                        const UsableRule& rule,
                        int64_t block_size,
                        Piece piece) {
  UsableSet usable;
  usable.Find(runs, length, rule, 0, length);
  for (const NRun& r : usable.intervals()) {
    for (int64_t p = r.begin; p < r.end;) {
      const int64_t block = p / block_size;
      const int64_t stop = r.end < (block + 1) * block_size ? r.end : (block + 1) * block_size;
      piece(block, p, stop);
      p = stop;
    }
  }
}

// Usable positions per block of `block_size` over a span's start positions (from its N runs).
std::vector<int64_t> UsablePerBlock(const std::vector<NRun>& runs,
                                    int64_t length,
                                    const UsableRule& rule,
                                    int64_t block_size);

}  // namespace readforge

#endif  // READFORGE_ENGINE_USABLE_POSITIONS_H_
