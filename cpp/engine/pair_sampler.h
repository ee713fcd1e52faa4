// Draws the read pairs that start in one block: fragment start and length, haplotype, strand,
// the two reads off the haplotype, and sequencing errors; then formats them as FASTQ.
#ifndef READFORGE_ENGINE_PAIR_SAMPLER_H_
#define READFORGE_ENGINE_PAIR_SAMPLER_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/random/geometric_distribution.hpp>

#include "engine/fastq_writer.h"
#include "engine/options.h"
#include "engine/random.h"
#include "engine/span_window.h"
#include "engine/truth_writer.h"
#include "engine/variants.h"

namespace readforge {

struct ReadOutputs {
  std::string* read1 = nullptr;
  std::string* read2 = nullptr;  // == read1 when interleaved; null when single-end
};

// Fragment lengths in 64 bins around the mean (+-4 standard deviations); the ends collect the
// rest. For the summaries hosts show.
struct FragmentHistogram {
  static constexpr int kBins = 64;
  int64_t start = 0;
  int64_t width = 1;
  std::array<int64_t, kBins> counts{};

  void Add(int64_t length) {
    int64_t bin = (length - start) / width;
    ++counts[static_cast<size_t>(bin < 0 ? 0 : bin >= kBins ? kBins - 1 : bin)];
  }
};

struct SamplerCounters {
  int64_t pairs = 0;
  int64_t bases = 0;
  int64_t errors = 0;
  int64_t dropped = 0;  // pairs that found no place without too many Ns
  int64_t fragment_length_sum = 0;
  FragmentHistogram* histogram = nullptr;
};

class PairSampler {
 public:
  // A pair gets this many tries to land where its reads are not mostly N; it is dropped (and
  // counted) after that, which keeps all-N stretches from hanging the run.
  static constexpr int kMaxAttempts = 100;
  // After this many draws whose fragment runs past the span's end, the fragment is cut there.
  static constexpr int kFitAttempts = 10;

  explicit PairSampler(const Options& options);

  // Prepares block `block` of a span: `pairs` fragments starting in [start_begin, start_end),
  // named from `first_index` on.
  void StartBlock(uint64_t span_key,
                  int64_t block,
                  int64_t start_begin,
                  int64_t start_end,
                  int64_t pairs,
                  int64_t first_index);
  bool done() const { return next_ == pairs_; }

  // Makes pairs until the block is done or read1 holds `budget` bytes. `span_end` is the span's
  // length when known, else a bound past every fragment of the block.
  void Run(const SpanWindow& window,
           const std::vector<Variant>& variants,
           const SpanPlace& place,
           int64_t span_end,
           const ReadOutputs& out,
           size_t budget,
           SamplerCounters* counters);

 private:
  bool TryPair(const SpanWindow& window,
               const std::vector<Variant>& variants,
               const SpanPlace& place,
               int64_t span_end,
               int attempt,
               const ReadOutputs& out,
               SamplerCounters* counters);
  int64_t DrawFragmentLength();
  int ApplyErrors(char* bases, int64_t length);
  bool TooManyNs(const char* bases, int64_t length) const;

  const Options& options_;
  FastqWriter writer_;
  // Built once: the distribution precomputes log(1 - e), which would otherwise cost a log a draw.
  boost::random::geometric_distribution<int64_t, double> error_gap_;
  Rng rng_;
  int64_t start_begin_ = 0;
  int64_t start_end_ = 0;
  int64_t pairs_ = 0;
  int64_t next_ = 0;
  int64_t first_index_ = 0;
  bool hopeless_ = false;  // no A/C/G/T base anywhere a fragment of this block could reach
  std::string left_;
  std::string right_;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_PAIR_SAMPLER_H_
