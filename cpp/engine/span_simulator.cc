#include "engine/span_simulator.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "engine/random.h"
#include "engine/text.h"
#include "engine/truth_writer.h"

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

void SpanSimulator::Start(const std::string& contig, const Span& span, int64_t global_block_base) {
  active_ = true;
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
  if (span.pairs > 0)
    block_pairs_ = SplitPairsOverBlocks(options_, key_, span.usable, span.pairs);
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
  // The block itself, the longest fragment starting in it, rounded up to whole blocks so that
  // every variant a read may meet has been drawn.
  const int64_t size = options_.block_size;
  // One base more tells, when the span's length is not known, that the last of those blocks is
  // not the span's last (whose deletions stop one base short of the end).
  int64_t reach = (block + 1) * size + options_.max_fragment();
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

Status SpanSimulator::GenerateVariantsUpTo(int64_t limit, bool* need_variants) {
  *need_variants = false;
  const int64_t size = options_.block_size;
  while (variant_block_ * size < limit) {
    int64_t begin = variant_block_ * size;
    int64_t end = begin + size;
    bool last = length_ >= 0 && end >= length_;
    if (last)
      end = length_;
    // Not before all its bases are here (reads look at the base under every variant); and a
    // block of unknown length waits for one base more, in case it turns out to be the last.
    if (last ? end > window_.end() : end >= window_.end())
      return Status::Ok();
    if (planted_ && !complete_ && window_.end() < end + kMaxIndelLength)
      return Status::Ok();  // the bases a planted record's REF may cover are not all here
    if (importing_) {
      RF_RETURN_IF_ERROR(ImportBlock(need_variants));
      if (*need_variants)
        return Status::Ok();
      ++variant_block_;
      continue;
    }
    const size_t first = variants_.size();
    Rng rng = MakeRng(options_.seed, key_, variant_block_, StreamPurpose::kVariants);
    if (planted_) {
      if (!planting_) {  // the block's first call (a VCF that runs short calls again)
        planting_ = true;
        planted_parts_.clear();
        truth_first_ = planted_truth_.size();
        reached_ = planted_->planted_until();  // by earlier blocks' records
        draws_ = MakeRng(options_.seed, key_, variant_block_, StreamPurpose::kPlanted);
      }
      const PlantingBlock block{contig_, span_.begin + begin, span_.begin + end, span_.begin,
                                length_};
      const PlantedOutput out{&planted_parts_, &inserted_, &planted_truth_, &planted_text_};
      RF_RETURN_IF_ERROR(planted_->PlantBlock(block, window_, draws_, out, need_variants));
      if (*need_variants)
        return Status::Ok();
      planting_ = false;
      random_.clear();
      GenerateVariants(options_, rng, begin, end, last ? end - 1 : end, &random_, &inserted_);
      MergePlanted(reached_, truth_first_);
    } else {
      GenerateVariants(options_, rng, begin, end, last ? end - 1 : end, &variants_, &inserted_);
    }
    for (size_t i = first; i < variants_.size(); ++i)
      variants_[i].on_n = window_.at(variants_[i].pos) == 'N';
    if (exported_)
      ExportBlock(begin, end, first);
    ++variant_block_;
  }
  return Status::Ok();
}

// Appends a block's random mutations, kept clear of planted records (those of earlier blocks
// reach up to `reached`; the block's own start at planted_truth_[truth_first]), and its planted
// variants, in position order.
void SpanSimulator::MergePlanted(int64_t reached, size_t truth_first) {
  size_t t = truth_first;
  auto clear_of_planted = [&](const Variant& v) {
    const int64_t end = v.pos + (v.type == VariantType::kDeletion ? v.length : 1);
    if (v.pos < reached)
      return false;
    while (t < planted_truth_.size() && planted_truth_[t].end <= v.pos)
      ++t;
    return t == planted_truth_.size() || end <= planted_truth_[t].pos;
  };
  size_t p = 0;
  for (const Variant& v : random_) {
    if (!clear_of_planted(v))
      continue;
    while (p < planted_parts_.size() && planted_parts_[p].pos <= v.pos)
      variants_.push_back(planted_parts_[p++]);
    variants_.push_back(v);
  }
  while (p < planted_parts_.size())
    variants_.push_back(planted_parts_[p++]);
}

void SpanSimulator::ExportBlock(int64_t begin, int64_t end, size_t first) {
  auto block = std::make_shared<VariantBlock>();
  block->global_block = global_block_base_ + variant_block_;
  block->variants.assign(variants_.begin() + static_cast<std::ptrdiff_t>(first), variants_.end());
  for (Variant& v : block->variants) {
    if (v.type != VariantType::kInsertion)
      continue;
    const std::string_view bases = v.InsertedIn(inserted_);
    v.inserted_at = static_cast<int64_t>(block->inserted.size());
    block->inserted.append(bases);
  }
  // Its truth now, as StartBlock would write it (every variant of the block is drawn, and its
  // bases are here): a span too short for a read is complete by its only block's draw.
  const bool skipped = complete_ && length_ < options_.longest_read();
  if (InRange(block->global_block) && !skipped) {
    SpanOutputs out;
    out.mutations = options_.write_mutations ? &block->mutations : nullptr;
    out.vcf = options_.write_vcf ? &block->vcf : nullptr;
    SimulatorStats counts;
    AppendBlockTruth(begin, end, out, &counts);
    block->has_truth = true;
    block->snps = counts.snps;
    block->insertions = counts.insertions;
    block->deletions = counts.deletions;
  }
  exported_->push_back(std::move(block));
}

Status SpanSimulator::ImportBlock(bool* need_variants) {
  if (imported_.empty()) {
    *need_variants = true;
    return Status::Ok();
  }
  std::shared_ptr<const VariantBlock> block = std::move(imported_.front());
  imported_.pop_front();
  if (block->global_block != global_block_base_ + variant_block_)
    return Status::Error("internal error: variant blocks out of step with the reads");
  const int64_t base = static_cast<int64_t>(inserted_.size());
  for (Variant v : block->variants) {
    if (v.type == VariantType::kInsertion)
      v.inserted_at += base;
    variants_.push_back(v);
  }
  inserted_ += block->inserted;
  truths_.push_back(std::move(block));
  return Status::Ok();
}

Status SpanSimulator::WriteBlockTruth(int64_t block_begin,
                                      int64_t block_end,
                                      const SpanOutputs& out,
                                      SimulatorStats* stats) {
  if (!importing_) {
    AppendBlockTruth(block_begin, block_end, out, stats);
    return Status::Ok();
  }
  const VariantBlock& block = *truths_.front();
  if (!block.has_truth)
    return Status::Error("internal error: a block's truth was not written");
  if (out.mutations)
    out.mutations->append(block.mutations);
  if (out.vcf)
    out.vcf->append(block.vcf);
  stats->snps += block.snps;
  stats->insertions += block.insertions;
  stats->deletions += block.deletions;
  return Status::Ok();
}

// Inserted bases before the first kept insertion's belong to dropped variants (or to random ones
// a planted record displaced): they are cut once they are half the buffer, which so stays about
// the size of the kept variants' insertions. Between blocks nothing else refers to the buffer
// (a block starts only once the blocks ahead are planted: planting_ is then false).
void SpanSimulator::DropUnusedInserted() {
  if (planting_)
    return;
  int64_t first = static_cast<int64_t>(inserted_.size());
  for (const Variant& v : variants_) {
    if (v.type == VariantType::kInsertion)
      first = std::min(first, v.inserted_at);
  }
  if (first == 0 || first < static_cast<int64_t>(inserted_.size() / 2))
    return;
  inserted_.erase(0, static_cast<size_t>(first));
  for (Variant& v : variants_) {
    if (v.type == VariantType::kInsertion)
      v.inserted_at -= first;
  }
}

// The block's truth: wgsim's list for every variant, VCF lines for random ones and for planted
// records, merged in position order.
void SpanSimulator::AppendBlockTruth(int64_t block_begin,
                                     int64_t block_end,
                                     const SpanOutputs& out,
                                     SimulatorStats* stats) const {
  const SpanPlace place{contig_, span_.begin};
  TextAppender mutations_text(out.mutations), vcf_text(out.vcf);
  TextAppender* mutations = out.mutations ? &mutations_text : nullptr;
  TextAppender* vcf = out.vcf ? &vcf_text : nullptr;
  size_t t = 0;
  auto planted_before = [&](int64_t pos) {
    if (!vcf)
      return;  // planted records are only the VCF's
    for (; t < planted_truth_.size() && planted_truth_[t].pos < pos; ++t) {
      const int64_t at = planted_truth_[t].pos;
      const PlantedText& p = planted_text_[t];
      if (at >= block_begin)
        AppendPlantedVcf(contig_, span_.begin + at + 1, p.ref, p.alts, p.genotype, vcf);
    }
  };
  for (const Variant& v : variants_) {
    if (v.pos >= block_end)
      break;
    if (v.pos < block_begin || v.on_n)
      continue;  // a planted deletion from the block before, or not a variant
    planted_before(v.pos + 1);
    AppendTruth(v, v.type == VariantType::kInsertion ? v.InsertedIn(inserted_) : std::string_view(),
                window_, place, options_.haploid, mutations, vcf);
    stats->snps += v.type == VariantType::kSnp;
    stats->insertions += v.type == VariantType::kInsertion;
    stats->deletions += v.type == VariantType::kDeletion;
  }
  planted_before(block_end);
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
  if (options_.coverage > 0) {
    pairs = CoveragePairsInBlock(options_, key_, block_, usable_.size());
  } else {
    RF_RETURN_IF_ERROR(CheckPlannedUsable(block_begin, block_end));
    if (block_ < static_cast<int64_t>(block_pairs_.size()))
      pairs = block_pairs_[static_cast<size_t>(block_)];
  }
  sampler_.StartBlock(key_, block_, &usable_, in_range ? pairs : 0, *pair_counter);
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
  counters.histogram = &stats->fragment_lengths;
  counters.coverage = &coverage_;
  for (size_t mate = 0; mate < 2; ++mate) {
    std::vector<int64_t>& sums = stats->cycle_quality_sums[mate];
    counters.cycle_quality_sums[mate] = sums.empty() ? nullptr : sums.data();
  }
  sampler_.Run(window_, variants_, inserted_, SpanPlace{contig_, span_.begin}, length,
               ReadOutputs{out.read1, out.read2}, budget, &counters);
  stats->pairs += counters.pairs;
  stats->read_bases += counters.bases;
  stats->errors += counters.errors;
  stats->dropped_pairs += counters.dropped;
  stats->cut_fragments += counters.cut;
  stats->fragment_length_sum += counters.fragment_length_sum;
  note_.dropped_pairs += counters.dropped;
  note_.dropped_short += counters.dropped_short;
  note_.cut_fragments += counters.cut;
  if (!sampler_.done())
    return Status::Ok();
  // The block is done: keep one base before the next block (a VCF deletion anchor).
  *block_done = true;
  block_started_ = false;
  ++block_;
  window_.DropBefore(block_end - 1);
  auto first_kept = std::find_if(variants_.begin(), variants_.end(),
                                 [&](const Variant& v) { return v.pos >= block_end; });
  // A planted deletion that runs on into the next block stays (random ones never do).
  if (first_kept != variants_.begin()) {
    const Variant& last = *(first_kept - 1);
    if (last.type == VariantType::kDeletion && last.pos + last.length > block_end)
      --first_kept;
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
