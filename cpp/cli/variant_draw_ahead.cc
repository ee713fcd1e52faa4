#include "cli/variant_draw_ahead.h"

#include <utility>

#include "cli/drive.h"
#include "cli/input_reader.h"

namespace readforge {

VariantDrawAhead::~VariantDrawAhead() {
  if (!thread_.joinable())
    return;
  for (auto& queue : ready_)
    queue->Close();
  thread_.join();
}

void VariantDrawAhead::Start(const Options& options,
                             const SharedLayout& layout,
                             const std::string& reference,
                             const std::string& variants,
                             int consumers) {
  for (int i = 0; i < consumers; ++i)
    ready_.push_back(std::make_unique<BoundedQueue<Block>>(kAhead));
  // Every block's variants and truth: the consumers' phases each write their own blocks.
  Options all = options;
  all.block_stride = 1;
  all.block_phase = 0;
  thread_ = std::thread(
      [this, all, layout, reference, variants] { Produce(all, layout, reference, variants); });
}

bool VariantDrawAhead::Hand(const Block& block) {
  bool taken = false;
  for (auto& queue : ready_)
    taken = queue->Push(block) || taken;
  return taken;
}

void VariantDrawAhead::Produce(Options options,
                               SharedLayout layout,
                               std::string reference,
                               std::string variants) {
  Simulator sim(options, std::move(layout));
  sim.ExportVariantBlocks();
  InputReader input, vcf;
  Status s = sim.Start();
  if (s.ok())
    s = input.Open(reference, true);
  if (s.ok())
    s = vcf.Open(variants, true);
  bool input_done = false;
  std::vector<Block> blocks;
  DriveHooks hooks;
  hooks.input = [&] { return FeedNext(input, sim, &input_done); };
  hooks.variants = [&] { return FeedVariants(vcf, sim); };
  hooks.output = [&](bool* stop) {
    sim.TakeVariantBlocks(&blocks);
    for (const Block& block : blocks)
      *stop = *stop || !Hand(block);
    sim.ConsumeOutputs();  // nothing but a truth VCF's header: the blocks carry the truth
    return Status::Ok();
  };
  if (s.ok())
    s = Drive(sim, reference, hooks);
  auto last = std::make_shared<VariantBlock>();
  last->kind = s.ok() ? VariantBlock::Kind::kEnd : VariantBlock::Kind::kError;
  last->planted = sim.stats().planted;
  last->error = s.message();
  Hand(last);
  for (auto& queue : ready_)
    queue->Close();
}

Status VariantDrawAhead::Feed(int consumer, Simulator& sim) {
  Block block;
  if (!ready_[static_cast<size_t>(consumer)]->Pop(&block))
    return Status::Error("internal error: variant blocks were asked for after their end");
  sim.TakeVariantBlock(std::move(block));
  return Status::Ok();
}

}  // namespace readforge
