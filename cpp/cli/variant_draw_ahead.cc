#include "cli/variant_draw_ahead.h"

#include <utility>
#include <vector>

#include "cli/input_reader.h"
#include "cli/vcf_parse_ahead.h"

namespace readforge {

VariantDrawAhead::~VariantDrawAhead() {
  if (!thread_.joinable())
    return;
  ready_->Stop();
  thread_.join();
}

void VariantDrawAhead::Start(const Options& options,
                             const SharedLayout& layout,
                             const std::string& reference,
                             const std::string& variants,
                             int consumers) {
  ready_ = std::make_unique<SharedQueue<Block>>(consumers, kAhead);
  // Every block's variants and truth: the consumers' phases each write their own blocks.
  Options all = options;
  all.block_stride = 1;
  all.block_phase = 0;
  thread_ = std::thread(
      [this, all, layout, reference, variants] { Produce(all, layout, reference, variants); });
}

void VariantDrawAhead::Produce(Options options,
                               SharedLayout layout,
                               std::string reference,
                               std::string variants) {
  auto fail = [&](const std::string& message) {
    auto block = std::make_shared<VariantBlock>();
    block->kind = VariantBlock::Kind::kError;
    block->error = message;
    ready_->Push(std::move(block), true);
  };
  Simulator sim(options, layout);
  sim.ExportVariantBlocks();
  Status s = sim.Start();
  InputReader input;
  if (s.ok())
    s = input.Open(reference, true);
  VcfParseAhead vcf;
  if (s.ok())
    s = vcf.Start(variants, options.variants_sample);
  if (!s.ok())
    return fail(s.message());
  sim.UseVariantBatches();
  bool input_done = false;
  std::vector<std::shared_ptr<const VariantBlock>> blocks;
  while (true) {
    const Simulator::State state = sim.Run();
    if (state == Simulator::State::kError)
      return fail(sim.error_in_variants() ? sim.error() : reference + ": " + sim.error());
    sim.TakeVariantBlocks(&blocks);
    for (std::shared_ptr<const VariantBlock>& block : blocks) {
      if (!ready_->Push(std::move(block), false))
        return;
    }
    sim.ConsumeOutputs();  // nothing but a truth VCF's header: the blocks carry the truth
    if (state == Simulator::State::kDone) {
      auto end = std::make_shared<VariantBlock>();
      end->kind = VariantBlock::Kind::kEnd;
      end->planted = sim.stats().planted;
      ready_->Push(std::move(end), true);
      return;
    }
    if (state == Simulator::State::kNeedInput)
      s = FeedNext(input, sim, &input_done);
    if (state == Simulator::State::kNeedVariantInput)
      s = vcf.Feed(sim);
    if (!s.ok())
      return fail(s.message());
  }
}

Status VariantDrawAhead::Feed(int consumer, Simulator& sim) {
  Block block;
  if (!ready_->Take(consumer, &block))
    return Status::Error("internal error: variant blocks were asked for after their end");
  sim.TakeVariantBlock(std::move(block));
  return Status::Ok();
}

}  // namespace readforge
