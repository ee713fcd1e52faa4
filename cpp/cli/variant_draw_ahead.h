// Draws the variants of a --variants run (planted from the VCF, and wgsim's random ones) and
// writes their truth on a thread of its own, a few blocks ahead of the simulator that makes the
// reads, which takes them as blocks (engine/variant_block.h) and draws nothing itself. Planting a
// million records and listing them took a third of a one-thread run's time on top of the reads;
// here it runs beside them, as the reference's reading and the VCF's parsing do. The drawing
// simulator reads the reference file on its own (the bases are needed to check REF and to write
// the truth; parsing the FASTA a second time costs a tenth of what moves off the reads' thread)
// and takes the VCF's records from a VcfParseAhead. Its error, if any, comes after the blocks
// before it, naming its file: the run is the one that draws its own variants. For regular files
// only, as VcfParseAhead.
#ifndef READFORGE_CLI_VARIANT_DRAW_AHEAD_H_
#define READFORGE_CLI_VARIANT_DRAW_AHEAD_H_

#include <cstddef>
#include <memory>
#include <string>
#include <thread>

#include "cli/reference_index.h"
#include "cli/shared_queue.h"
#include "engine/options.h"
#include "engine/simulator.h"
#include "formats/status.h"
#include "engine/variant_block.h"

namespace readforge {

class VariantDrawAhead {
 public:
  VariantDrawAhead() = default;
  VariantDrawAhead(const VariantDrawAhead&) = delete;
  VariantDrawAhead& operator=(const VariantDrawAhead&) = delete;
  ~VariantDrawAhead();  // stops the thread (after the step it may be in)

  // Starts drawing the variants of a run of `options` over `reference` (a file, described by
  // `layout`) with the VCF file `variants`, for `consumers` simulators (-t workers; blocks
  // 0, 1, 2, ... whichever phase they have), each of which takes every block.
  void Start(const Options& options,
             const SharedLayout& layout,
             const std::string& reference,
             const std::string& variants,
             int consumers = 1);

  // Hands consumer `consumer`'s next block to `sim` (when its Run() says kNeedVariantInput),
  // waiting for it.
  Status Feed(int consumer, Simulator& sim);
  // The consumer takes no more (it ended, or failed): the others need not wait for it.
  void Leave(int consumer) { ready_->Leave(consumer); }

 private:
  static constexpr size_t kAhead = 4;
  using Block = std::shared_ptr<const VariantBlock>;

  void Produce(Options options, SharedLayout layout, std::string reference, std::string variants);

  std::unique_ptr<SharedQueue<Block>> ready_;
  std::thread thread_;
};

}  // namespace readforge

#endif  // READFORGE_CLI_VARIANT_DRAW_AHEAD_H_
