#include "engine/span_simulator.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "engine/random.h"
#include "engine/truth_writer.h"
#include "formats/text.h"

namespace readforge {
namespace {

constexpr int64_t kUnbounded = std::numeric_limits<int64_t>::max() / 4;

std::string SpanName(const std::string& contig, const Span& span, int64_t length) {
  if (span.whole)
    return contig;
  return FormatRegion(Region{contig, span.begin, span.begin + length, {}});
}

}  // namespace

SpanSimulator::SpanSimulator(const Options& options,
                             std::string runs_source,
                             PlantedVariants* planted)
    : options_(options),
      runs_source_(std::move(runs_source)),
      planted_(planted),
      rule_(UsableRuleOf(options)),
      sampler_(options) {}

void SpanSimulator::Start(const std::string& contig,
                          int64_t ordinal,
                          const Span& span,
                          int64_t global_block_base) {
  active_ = true;
  tid_ = static_cast<int32_t>(ordinal);
  alignments_.Clear();
  alignments_pending_ = false;
  complete_ = false;
  contig_ = contig;
  span_ = span;
  length_ = span.end >= 0 ? span.end - span.begin : -1;
  key_ = SpanKey(contig, span.begin);
  global_block_base_ = global_block_base;
  window_.Reset();
  // The most the window holds: from the base before a block to NeedEnd() of that block.
  const int64_t most = 2 * options_.block_size + 2 + (planted_ ? kMaxIndelLength : 0);
  window_.ExpectAtMost(static_cast<size_t>(length_ >= 0 ? std::min(most, length_ + 1) : most));
  variants_.clear();
  inserted_.clear();
  planted_truth_.clear();
  planted_text_.clear();
  planting_ = false;
  if (planted_)
    planted_->StartSpan();
  variant_block_ = 0;
  block_ = 0;
  block_started_ = false;
  note_ = SpanNote();
  coverage_ = SpanCoverage();
  coverage_.contig = contig;
  coverage_.begin = span.begin;
  block_pairs_.clear();
  if (!span.amplicons.empty()) {  // each block: the pairs of the amplicons that start in it
    for (const SpanAmplicon& a : span.amplicons) {
      const size_t b = static_cast<size_t>(a.begin / options_.block_size);
      if (block_pairs_.size() <= b)
        block_pairs_.resize(b + 1, 0);
      block_pairs_[b] += a.pairs;
    }
  } else if (span.pairs > 0) {
    const std::vector<int64_t>& weights = span.weights.empty() ? span.usable : span.weights;
    block_pairs_ = SplitPairsOverBlocks(options_, key_, weights, span.pairs);
  }
  sampler_.UseCopies(options_.copies_vary() ? &span_.copies : nullptr);
}

int64_t SpanSimulator::BasesWanted() const {
  if (!active_ || complete_)
    return 0;
  return std::max<int64_t>(0, NeedEnd(block_) - window_.end());
}

void SpanSimulator::Commit(size_t n) {
  window_.Commit(n);
  if (length_ >= 0 && window_.end() >= length_)
    complete_ = true;
}

void SpanSimulator::Complete(int64_t length) {
  complete_ = true;
  length_ = length;
}

int64_t SpanSimulator::NeedEnd(int64_t block) const {
  // The block itself, the furthest a fragment starting in it reaches, rounded up to whole blocks
  // so that every variant a read may meet has been drawn.
  const int64_t size = options_.block_size;
  // One base more tells, when the span's length is not known, that the last of those blocks is
  // not the span's last (whose deletions stop one base short of the end).
  int64_t reach = (block + 1) * size + options_.max_fragment_reach();
  int64_t end = (reach + size - 1) / size * size + 1;
  // A planted record may reach kMaxIndelLength past its block: its bases must be here to check
  // its REF before the block's variants are final.
  if (planted_)
    end += kMaxIndelLength;
  return length_ >= 0 ? std::min(end, length_) : end;
}

bool SpanSimulator::InRange(int64_t global) const {
  return global >= options_.first_block &&
         (options_.end_block < 0 || global < options_.end_block) &&
         global % options_.block_stride == options_.block_phase;
}

int64_t SpanSimulator::blocks() const {
  const int64_t size = options_.block_size;
  return (length_ + size - 1) / size;
}

bool SpanSimulator::FeedsLaterBlock() const {
  if (options_.alignments == Options::Alignments::kNone || length_ < 0)
    return false;
  const int64_t size = options_.block_size;
  const int64_t depth = (options_.max_fragment_reach() + options_.record_reach() + size - 1) / size;
  for (int64_t d = 1; d <= depth && block_ + d < blocks(); ++d) {
    if (InRange(global_block() + d))
      return true;
  }
  return false;
}

void SpanSimulator::EndBlockAlignments(int64_t block_end) {
  if (options_.alignments == Options::Alignments::kNone)
    return;
  alignments_.Take(block_end);
  if (InRange(global_block()))
    alignments_pending_ = true;
  else
    alignments_.Drop();
}

Status SpanSimulator::CheckPlannedUsable(int64_t block_begin, int64_t block_end) const {
  const size_t b = static_cast<size_t>(block_);
  const int64_t planned = b < span_.usable.size() ? span_.usable[b] : 0;
  if (planned == usable_.size())
    return Status::Ok();
  const std::string where =
      FormatRegion(Region{contig_, span_.begin + block_begin, span_.begin + block_end, {}});
  if (!span_.runs_known) {
    return Status::Error(
        where + " holds N bases, and -N needs the reference's N runs before the run starts: " +
        "give them with --gaps (see `readforge index`), read the reference from a file, or " +
        "use -C");
  }
  const std::string counts =
      where + " has " + std::to_string(usable_.size()) + " places for a fragment to start, ";
  if (runs_source_.empty()) {
    return Status::Error("the reference changed between the first pass and the run: " + counts +
                         "the first pass found " + std::to_string(planned));
  }
  return Status::Error(runs_source_ + ": does not match the reference: " + counts +
                       "its N runs give " + std::to_string(planned) +
                       " (made from another reference, or edited? make it again with " +
                       "`readforge index`)");
}

Status SpanSimulator::StartBlock(int64_t block_begin,
                                 int64_t block_end,
                                 int64_t* pair_counter,
                                 const SpanOutputs& out,
                                 SimulatorStats* stats) {
  const int64_t length = complete_ ? length_ : kUnbounded;
  const bool in_range = InRange(global_block());
  const bool skipped = complete_ && length_ < options_.longest_read();
  block_started_ = true;
  if (exported_) {  // variants only: their truth went with them, and no pairs are made
    sampler_.StartBlock(key_, block_, &usable_, 0, *pair_counter);
    return Status::Ok();
  }
  if (importing_ && (truths_.empty() || truths_.front()->global_block != global_block()))
    return Status::Error("internal error: variant blocks out of step with the reads");
  if (in_range && !skipped)
    RF_RETURN_IF_ERROR(WriteBlockTruth(block_begin, block_end, out, stats));
  if (importing_)
    truths_.pop_front();
  // Where fragments may start: the usable positions among [block_begin, length - m].
  const int64_t scan_end = std::min(window_.end(), block_end + rule_.window - 1);
  runs_.clear();
  if (scan_end > block_begin)
    AppendNRuns(window_.data(block_begin), scan_end - block_begin, block_begin, &runs_);
  usable_.Find(runs_, length, rule_, block_begin, block_end);
  // The block's gaps, for the coverage track (every part of a run sees every block's bases).
  for (const NRun& run : runs_)
    coverage_.AddN(std::max(run.begin, block_begin), std::min(run.end, block_end));
  int64_t pairs = 0;
  if (options_.coverage > 0 && options_.copies_vary()) {
    // Coverage of the baseline: the positions weighted by their copies over the baseline's.
    const int baseline = options_.baseline_copies();
    const double weighted = static_cast<double>(WeightedUsable(usable_, span_.copies, baseline));
    pairs = CoveragePairsInBlock(options_, key_, block_, weighted / baseline);
  } else if (options_.coverage > 0) {
    pairs = CoveragePairsInBlock(options_, key_, block_, static_cast<double>(usable_.size()));
  } else {
    RF_RETURN_IF_ERROR(CheckPlannedUsable(block_begin, block_end));
    if (block_ < static_cast<int64_t>(block_pairs_.size()))
      pairs = block_pairs_[static_cast<size_t>(block_)];
  }
  alignments_only_ = !in_range && FeedsLaterBlock();
  // Records before the block's end are of this block: kept only when it is written.
  alignments_.set_keep_from(alignments_only_ ? block_end : 0);
  // --amplicons: those that start in the block (span_.amplicons is sorted by start).
  const auto starts_before = [](const SpanAmplicon& a, int64_t pos) { return a.begin < pos; };
  const auto first =
      std::lower_bound(span_.amplicons.begin(), span_.amplicons.end(), block_begin, starts_before);
  const auto last = std::lower_bound(first, span_.amplicons.end(),
                                     block_begin + options_.block_size, starts_before);
  sampler_.StartBlock(key_, block_, &usable_, in_range || alignments_only_ ? pairs : 0,
                      *pair_counter, span_.amplicons.data() + (first - span_.amplicons.begin()),
                      static_cast<size_t>(last - first));
  *pair_counter += pairs;
  return Status::Ok();
}

Status SpanSimulator::ProcessBlock(const SpanOutputs& out,
                                   size_t budget,
                                   int64_t* pair_counter,
                                   SimulatorStats* stats,
                                   bool* block_done,
                                   bool* need_variants) {
  *block_done = false;
  const int64_t size = options_.block_size;
  const int64_t length = complete_ ? length_ : kUnbounded;
  const int64_t block_begin = block_ * size;
  const int64_t block_end = std::min(block_begin + size, length);
  if (!block_started_) {
    RF_RETURN_IF_ERROR(GenerateVariantsUpTo(std::min(window_.end(), length), need_variants));
    if (*need_variants)
      return Status::Ok();
  }
  if (!block_started_)
    RF_RETURN_IF_ERROR(StartBlock(block_begin, block_end, pair_counter, out, stats));
  SamplerCounters counters;
  ReadOutputs reads{out.read1, out.read2, nullptr, tid_};
  if (options_.alignments != Options::Alignments::kNone)
    reads.alignments = &alignments_;
  if (alignments_only_) {  // nothing written, nothing counted
    reads.read1 = reads.read2 = nullptr;
  } else {
    counters.histogram = &stats->fragment_lengths;
    counters.coverage = &coverage_;
    for (size_t mate = 0; mate < 2; ++mate) {
      std::vector<int64_t>& sums = stats->cycle_quality_sums[mate];
      counters.cycle_quality_sums[mate] = sums.empty() ? nullptr : sums.data();
    }
  }
  sampler_.Run(window_, variants_, inserted_, SpanPlace{contig_, span_.begin}, length, reads,
               budget, &counters);
  stats->pairs += counters.pairs;
  stats->read_bases += counters.bases;
  stats->errors += counters.errors;
  stats->dropped_pairs += counters.dropped;
  stats->cut_fragments += counters.cut;
  stats->fragment_length_sum += counters.fragment_length_sum;
  stats->pcr_duplicates += counters.pcr_copies;
  stats->optical_duplicates += counters.optical_copies;
  note_.dropped_pairs += counters.dropped;
  note_.dropped_short += counters.dropped_short;
  note_.cut_fragments += counters.cut;
  if (!sampler_.done())
    return Status::Ok();
  // The block is done: keep one base before the next block (a VCF deletion anchor).
  *block_done = true;
  EndBlockAlignments(block_end);
  block_started_ = false;
  ++block_;
  window_.DropBefore(block_end - 1);
  auto first_kept = std::find_if(variants_.begin(), variants_.end(),
                                 [&](const Variant& v) { return v.pos >= block_end; });
  // A planted deletion or replacement that runs on into the next block stays, with what follows
  // it (random ones never run on; another haplotype's variants may lie after it).
  for (auto it = first_kept;
       it != variants_.begin() && (it - 1)->pos + kMaxIndelLength >= block_end;) {
    --it;
    if ((it->type == VariantType::kDeletion || it->type == VariantType::kReplacement) &&
        it->end() > block_end)
      first_kept = it;
  }
  variants_.erase(variants_.begin(), first_kept);
  DropUnusedInserted();
  auto first_truth = std::find_if(planted_truth_.begin(), planted_truth_.end(),
                                  [&](const PlantedTruth& t) { return t.pos >= block_end; });
  if (options_.write_vcf)
    planted_text_.erase(planted_text_.begin(),
                        planted_text_.begin() + (first_truth - planted_truth_.begin()));
  planted_truth_.erase(planted_truth_.begin(), first_truth);
  if (block_end >= length) {
    active_ = false;
    note_.span = SpanName(contig_, span_, length_);
    note_.length = length_;
    note_.too_short = length_ < options_.longest_read();
    coverage_.End(length_);
    window_.Reset();
    variants_.clear();
    inserted_.clear();
  }
  return Status::Ok();
}

}  // namespace readforge
