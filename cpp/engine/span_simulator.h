// Simulates one span (a contig, or a region of one) block by block as its bases arrive: draws
// each block's variants, works out where fragments may start (usable_positions.h), samples the
// block's pairs and writes them and the block's variants. The Simulator feeds it bases and
// decides which blocks are written; this class holds what one span needs and nothing more. Its
// variant side (drawing, importing, truth) is in span_variants.cc.
#ifndef READFORGE_ENGINE_SPAN_SIMULATOR_H_
#define READFORGE_ENGINE_SPAN_SIMULATOR_H_

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "engine/alignment_buffer.h"
#include "engine/coverage_track.h"
#include "engine/options.h"
#include "engine/pair_sampler.h"
#include "engine/plan.h"
#include "engine/planted_variants.h"
#include "engine/random.h"
#include "engine/run_stats.h"
#include "engine/span_notes.h"
#include "engine/span_window.h"
#include "engine/usable_positions.h"
#include "engine/variant_block.h"
#include "engine/variants.h"
#include "formats/status.h"

namespace readforge {

// Where a span's output goes: FASTQ of both mates (read2 may be read1, or null), and the
// truth streams (null when not wanted).
struct SpanOutputs {
  std::string* read1 = nullptr;
  std::string* read2 = nullptr;
  std::string* mutations = nullptr;
  std::string* vcf = nullptr;
};

class SpanSimulator {
 public:
  // `runs_source`: where -N's N runs came from ("ref.fa.gaps.bed"; empty for a first pass), for
  // the message when they do not match the bases.
  // `planted`: the planted variants (--variants), or null.
  SpanSimulator(const Options& options, std::string runs_source, PlantedVariants* planted);

  // Variant blocks (variant_block.h), set before the first span. Exporting: each block's
  // variants, once drawn, go to `exported` with their truth, and no pairs are made. Importing:
  // none are drawn; ProcessBlock says *need_variants until TakeVariantBlock gave the next.
  void ExportVariantBlocks(std::vector<std::shared_ptr<const VariantBlock>>* exported) {
    exported_ = exported;
  }
  void ImportVariantBlocks() { importing_ = true; }
  void TakeVariantBlock(std::shared_ptr<const VariantBlock> block) {
    imported_.push_back(std::move(block));
  }

  // Starts span `span` of `contig` (number `ordinal` in the index, or -1), whose first block is
  // block `global_block_base` of the run.
  void Start(const std::string& contig,
             int64_t ordinal,
             const Span& span,
             int64_t global_block_base);
  bool active() const { return active_; }
  const std::string& contig() const { return contig_; }
  const Span& span() const { return span_; }

  // Input: room for up to `n` more bases (never more than the span still needs), then Commit.
  int64_t BasesWanted() const;
  char* Reserve(size_t n) { return window_.Reserve(n); }
  void Commit(size_t n);
  // All of the span's bases have arrived; it held `length`.
  void Complete(int64_t length);
  bool complete() const { return complete_; }

  // The current block can be simulated: its bases and every base a fragment from it may reach.
  bool BlockReady() const { return complete_ || window_.end() >= NeedEnd(block_); }

  // Simulates the current block until it is done or read1 holds `budget` bytes. Every block's
  // pairs are numbered in the run (`*pair_counter`), written or not. `*block_done` says whether
  // the block was finished; the span ends after its last block (active() turns false).
  // `*need_variants`: the planted variants' VCF must be read further first (nothing was done).
  Status ProcessBlock(const SpanOutputs& out,
                      size_t budget,
                      int64_t* pair_counter,
                      SimulatorStats* stats,
                      bool* block_done,
                      bool* need_variants);

  // --bam, --sam: the records of the block just completed, sorted, wait to be written. Next
  // appends them to `out` a piece (`budget` bytes) at a time: BAM, or SAM text when
  // `sam_contigs` names the contigs. False once the block's are all written.
  bool alignments_pending() const { return alignments_pending_; }
  // `ends`, when given, gets where each record ends in `out` (for the BAM's index).
  bool WriteAlignments(size_t budget,
                       const ContigList* sam_contigs,
                       std::string* out,
                       std::vector<RecordEnd>* ends) {
    alignments_pending_ = alignments_.Next(budget, sam_contigs, out, ends);
    return alignments_pending_;
  }

  // Global index of the block being simulated, and whether the run writes it.
  int64_t global_block() const { return global_block_base_ + block_; }
  bool InRange(int64_t global) const;
  // Blocks of the span, once ended (its length is known then).
  int64_t blocks() const;
  const SpanNote& note() const { return note_; }
  // Where the span's written fragments start and its N bases, by bin (complete once it ended).
  const SpanCoverage& coverage() const { return coverage_; }

 private:
  int64_t NeedEnd(int64_t block) const;
  Status GenerateVariantsUpTo(int64_t limit, bool* need_variants);
  void MergePlanted(int64_t reached, size_t truth_first);
  // Variant block `variant_block_` from variants_[first] on, [begin, end), to exported_.
  void ExportBlock(int64_t begin, int64_t end, size_t first);
  // The next imported block into variants_ (*need_variants when none is there yet).
  Status ImportBlock(bool* need_variants);
  // The block's truth: written here, or the imported block's (the next of truths_).
  Status WriteBlockTruth(int64_t block_begin,
                         int64_t block_end,
                         const SpanOutputs& out,
                         SimulatorStats* stats);
  void DropUnusedInserted();
  void AppendBlockTruth(int64_t block_begin,
                        int64_t block_end,
                        const SpanOutputs& out,
                        SimulatorStats* stats) const;
  Status StartBlock(int64_t block_begin,
                    int64_t block_end,
                    int64_t* pair_counter,
                    const SpanOutputs& out,
                    SimulatorStats* stats);
  Status CheckPlannedUsable(int64_t block_begin, int64_t block_end) const;
  // With alignments, a block the run does not write whose pairs reach a block it does: its
  // pairs are made for their records alone.
  bool FeedsLaterBlock() const;
  // The block is done: its records are taken out, to be written or dropped.
  void EndBlockAlignments(int64_t block_end);

  const Options& options_;
  const std::string runs_source_;
  PlantedVariants* const planted_;
  const UsableRule rule_;
  PairSampler sampler_;
  bool active_ = false;
  bool complete_ = false;  // all its bases have arrived
  std::string contig_;
  Span span_;
  int64_t length_ = -1;  // -1 while unknown
  uint64_t key_ = 0;
  int64_t global_block_base_ = 0;
  SpanWindow window_;
  std::vector<Variant> variants_;
  std::string inserted_;  // the bases of the insertions of variants_, random_ and planted_parts_
  std::vector<Variant> random_;         // a block's random mutations, before merging
  std::vector<Variant> planted_parts_;  // a block's planted variants, before merging
  // The block being planted (while planting_: PlantBlock may need more of the VCF first):
  // where its truth starts, how far earlier blocks' records reach, its random stream.
  bool planting_ = false;
  size_t truth_first_ = 0;
  int64_t reached_ = 0;
  Rng draws_;
  std::vector<PlantedTruth> planted_truth_;  // planted records not yet written, by position
  std::vector<PlantedText> planted_text_;    // their text, with a truth VCF
  int64_t variant_block_ = 0;                // next block whose variants are to be drawn
  int64_t block_ = 0;                        // block being simulated
  bool block_started_ = false;
  std::vector<std::shared_ptr<const VariantBlock>>* exported_ = nullptr;
  bool importing_ = false;
  std::deque<std::shared_ptr<const VariantBlock>> imported_;  // taken, not yet drawn on
  std::deque<std::shared_ptr<const VariantBlock>> truths_;    // drawn on, truth not yet written
  std::vector<int64_t> block_pairs_;                          // -N mode
  std::vector<NRun> runs_;  // N runs around the current block (span coordinates)
  UsableSet usable_;        // where the current block's fragments may start
  SpanNote note_;
  SpanCoverage coverage_;
  // --bam, --sam
  AlignmentBuffer alignments_;
  int32_t tid_ = 0;
  bool alignments_only_ = false;  // the current block feeds a later one (FeedsLaterBlock)
  bool alignments_pending_ = false;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_SPAN_SIMULATOR_H_
