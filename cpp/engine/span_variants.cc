// The variant side of a span's simulation (see span_simulator.h): each block's variants drawn
// (random ones, and planted ones merged in), or taken from another simulator's blocks; dropped
// insertions' bases trimmed; and each block's truth written (or the imported block's copied).
#include <algorithm>
#include <memory>
#include <string_view>
#include <utility>

#include "engine/random.h"
#include "engine/span_simulator.h"
#include "engine/truth_writer.h"

namespace readforge {

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
      GenerateVariants(options_, span_.ploidy, rng, begin, end, last ? end - 1 : end, &random_,
                       &inserted_);
      MergePlanted(reached_, truth_first_);
    } else {
      GenerateVariants(options_, span_.ploidy, rng, begin, end, last ? end - 1 : end, &variants_,
                       &inserted_);
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
    const int64_t end = v.end();
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
    if (!v.has_bases())
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
    if (v.has_bases())
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
    if (v.has_bases())
      first = std::min(first, v.inserted_at);
  }
  if (first == 0 || first < static_cast<int64_t>(inserted_.size() / 2))
    return;
  inserted_.erase(0, static_cast<size_t>(first));
  for (Variant& v : variants_) {
    if (v.has_bases())
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
        AppendPlantedVcf(contig_, span_.begin + at + 1, p.ref, p.alts, p.genotype, p.info, vcf);
    }
  };
  for (const Variant& v : variants_) {
    if (v.pos >= block_end)
      break;
    if (v.pos < block_begin || v.on_n)
      continue;  // a planted deletion from the block before, or not a variant
    planted_before(v.pos + 1);
    const std::string_view bases = v.has_bases() ? v.InsertedIn(inserted_) : std::string_view();
    AppendTruth(v, bases, window_, place, PloidyAt(span_.ploidy, v.pos, options_.run_ploidy()),
                mutations, vcf);
    stats->snps += ChangedBases(v, bases, window_);
    stats->insertions += v.type == VariantType::kInsertion;
    stats->deletions += v.type == VariantType::kDeletion;
  }
  planted_before(block_end);
}

}  // namespace readforge
