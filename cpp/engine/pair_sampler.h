// Draws the read pairs that start in one block: fragment start and length, haplotype, strand,
// the two reads off the haplotype, and sequencing errors; then formats them as FASTQ.
#ifndef READFORGE_ENGINE_PAIR_SAMPLER_H_
#define READFORGE_ENGINE_PAIR_SAMPLER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/alignment_buffer.h"
#include "engine/copy_number.h"
#include "engine/fastq_writer.h"
#include "engine/geometric_gaps.h"
#include "engine/haplotype_reader.h"
#include "engine/library_copies.h"
#include "engine/options.h"
#include "engine/plan.h"
#include "engine/quality_model.h"
#include "engine/random.h"
#include "engine/run_stats.h"
#include "engine/span_window.h"
#include "engine/truth_alignments.h"
#include "engine/truth_writer.h"
#include "engine/usable_positions.h"
#include "engine/variants.h"

namespace readforge {

struct ReadOutputs {
  std::string* read1 = nullptr;           // null: no reads are written (alignments only)
  std::string* read2 = nullptr;           // == read1 when interleaved; null when single-end
  AlignmentBuffer* alignments = nullptr;  // --bam, --sam: each pair's truth alignments
  int32_t tid = 0;                        // the span's contig number, for them
};

struct SamplerCounters {
  int64_t pairs = 0;
  int64_t bases = 0;
  int64_t errors = 0;
  int64_t dropped = 0;        // pairs that found no place for their reads
  int64_t dropped_short = 0;  // of those, pairs whose every try fell on haplotypes too short
  int64_t cut = 0;            // fragments cut short to fit before the span's end or a run of N
  int64_t fragment_length_sum = 0;
  int64_t pcr_copies = 0;  // pairs written as PCR (optical) duplicates
  int64_t optical_copies = 0;
  FragmentLengths* histogram = nullptr;
  // With a quality profile: per read end, where each cycle's qualities are summed (or null).
  std::array<int64_t*, 2> cycle_quality_sums{};
  // Where each pair's fragment starts is counted (span coordinates), or null.
  SpanCoverage* coverage = nullptr;
};

class PairSampler {
 public:
  // A pair gets this many tries to find a place whose reads keep within -A; it is dropped (and
  // counted) after that. With usable starts this happens only where variants pull Ns into a
  // read or deletions leave a span's haplotypes shorter than the reads (a contig barely longer
  // than them), so an N-rich reference never hangs the run.
  static constexpr int kMaxAttempts = 100;
  // After this many draws whose fragment runs past the span's end or puts its far read on too
  // many Ns, the fragment is cut to the longest length that fits from its start.
  static constexpr int kFitAttempts = 10;

  explicit PairSampler(const Options& options);

  // Prepares block `block` of a span: `pairs` fragments starting at the positions of `usable`
  // (which must outlive the block), named from `first_index` on. With --amplicons, the block's
  // amplicons instead (`amplicon_count` of them, which must outlive the block): each in turn
  // is the fragment of as many pairs as it has.
  void StartBlock(uint64_t span_key,
                  int64_t block,
                  const UsableSet* usable,
                  int64_t pairs,
                  int64_t first_index,
                  const SpanAmplicon* amplicons = nullptr,
                  size_t amplicon_count = 0);
  bool done() const { return next_ == pairs_; }
  // --copy-number: the span's segments (span coordinates, which must outlive the span), or null.
  void UseCopies(const std::vector<CopySpan>* copies);

  // Makes pairs until the block is done or read1 holds `budget` bytes. `span_end` is the span's
  // length when known, else a bound past every fragment of the block. `variants` (insertions'
  // bases in `inserted`) must not change between StartBlock and the block's last Run. Without
  // out.read1, the block's pairs are made for their alignments alone (a block another part of
  // the run writes, whose reads reach into one this part writes): nothing is counted.
  void Run(const SpanWindow& window,
           const std::vector<Variant>& variants,
           const std::string& inserted,
           const SpanPlace& place,
           int64_t span_end,
           const ReadOutputs& out,
           size_t budget,
           SamplerCounters* counters);

 private:
  // How one try went: the pair made, or why not.
  enum class Try { kPlaced, kRedraw, kTooManyNs, kHaplotypeShort };
  // `copy`: the molecule a PCR duplicate repeats (its place is known), or null to draw one.
  Try TryPair(const SpanWindow& window,
              const SpanPlace& place,
              int64_t span_end,
              int attempt,
              const Molecule* copy,
              const ReadOutputs& out,
              SamplerCounters* counters);
  int64_t DrawFragmentLength();
  // Moves past the amplicons whose pairs are all made.
  void SkipSpentAmplicons();
  bool KeepForGc(const SpanWindow& window, int64_t pos, int64_t length);
  bool KeepForCopies(int64_t pos, int* hap);
  // In a block with a tandem duplication: a start is kept with probability (copies of it on the
  // haplotype) / 2, choosing the haplotype first (unless copy numbers chose it) and then which
  // copy: so a duplicated stretch gets twice the starts on its haplotype, taken from the rest of
  // the block (the plan, made before the VCF is read, does not know the duplication).
  bool KeepForDuplication(int64_t pos, int* hap, bool* in_copy);
  int ReadIndels(const HaplotypeReader::Fragment& fragment,
                 bool forward,
                 int mate,
                 char* read,
                 int64_t length,
                 int64_t prefix,
                 int32_t* source);
  int64_t LongestFit(const SpanWindow& window, int64_t pos, int64_t longest, int64_t far_read);
  int ApplyErrors(char* bases, int64_t length);
  // Whether a read holds more N than it may; `any` (when not null) says whether it holds one.
  bool TooManyNs(const char* bases, int64_t length, bool* any = nullptr) const;
  int64_t MaxNsOf(int64_t length) const {
    return length == options_.read1_length ? max_ns_read1_ : max_ns_read2_;
  }

  const Options& options_;
  FastqWriter writer_;
  // Built once: it precomputes log(1 - e), which would otherwise cost a log a draw.
  GeometricGaps error_gap_;
  Rng rng_;
  const int64_t max_ns_read1_;  // -A as a count, for each read length
  const int64_t max_ns_read2_;
  const UsableSet* usable_ = nullptr;
  const SpanAmplicon* amplicons_ = nullptr;  // the amplicon whose pairs are being made
  const SpanAmplicon* amplicons_end_ = nullptr;
  int64_t amplicon_used_ = 0;                          // its pairs made so far
  const std::vector<CopySpan>* copies_ = nullptr;      // --copy-number: the span's segments
  int most_copies_ = 0;                                // the most copies anywhere in the span
  std::array<int, kMaxHaplotypes> baseline_copies_{};  // outside every segment
  int64_t pairs_ = 0;
  int64_t next_ = 0;
  int64_t first_index_ = 0;
  std::unique_ptr<QualityModel> quality_;   // with --profile; else wgsim's model (-e)
  std::unique_ptr<LibraryCopies> library_;  // with --duplicates or --umi
  std::string left_;
  std::string right_;
  HaplotypeReader reader_;      // the block's haplotypes spelled out
  bool spelling_stale_ = true;  // a block started since they were spelled
  int64_t block_begin_ = 0;
  std::string qualities1_;
  std::string qualities2_;
  std::string template_;  // a read's haplotype bases and some beyond, for indel errors
  // --bam, --sam: each read's bases' places in their templates (with indel errors), and the
  // records made of them.
  std::unique_ptr<TruthAligner> aligner_;
  std::vector<int32_t> left_source_;
  std::vector<int32_t> right_source_;
  std::string inline_rx_;  // --umi-inline: the RX of the pair's truth alignments
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_PAIR_SAMPLER_H_
