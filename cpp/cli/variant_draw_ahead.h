// Draws the variants of a --variants run (planted from the VCF, and wgsim's random ones) and
// writes their truth on a thread of its own, a few blocks ahead of the simulators that make the
// reads, which take them as blocks (engine/variant_block.h) and draw nothing themselves: the
// VCF's reading, parsing and planting run beside the reads. The drawing simulator reads the
// reference file on its own (the bases are needed to check REF and to write the truth). Its
// error, if any, comes after the blocks before it, naming its file: the run is the one that
// draws its own variants. For regular files only (a pipe could not be read twice, and a thread
// blocked reading one could not be stopped).
#ifndef READFORGE_CLI_VARIANT_DRAW_AHEAD_H_
#define READFORGE_CLI_VARIANT_DRAW_AHEAD_H_

#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/bounded_queue.h"
#include "engine/options.h"
#include "engine/simulator.h"
#include "engine/variant_block.h"
#include "formats/reference_layout.h"
#include "formats/status.h"

namespace readforge {

class VariantDrawAhead {
 public:
  VariantDrawAhead() = default;
  VariantDrawAhead(const VariantDrawAhead&) = delete;
  VariantDrawAhead& operator=(const VariantDrawAhead&) = delete;
  ~VariantDrawAhead();  // stops the thread (after the step it may be in)

  // Starts drawing the variants of a run of `options` over `reference` (a file, described by
  // `layout`) with the VCF file `variants`, for `consumers` simulators (-t workers, whatever
  // their phase), each of which takes every block.
  void Start(const Options& options,
             const SharedLayout& layout,
             const std::string& reference,
             const std::string& variants,
             int consumers = 1);

  // Hands consumer `consumer`'s next block to `sim` (when its Run() says kNeedVariantInput),
  // waiting for it.
  Status Feed(int consumer, Simulator& sim);
  // The consumer takes no more (it ended, or failed): the others need not wait for it.
  void Leave(int consumer) { ready_[static_cast<size_t>(consumer)]->Close(); }

 private:
  static constexpr size_t kAhead = 4;
  using Block = std::shared_ptr<const VariantBlock>;

  void Produce(Options options, SharedLayout layout, std::string reference, std::string variants);
  // Every consumer still there gets `block`; false when none is left.
  bool Hand(const Block& block);

  std::vector<std::unique_ptr<BoundedQueue<Block>>> ready_;  // one per consumer
  std::thread thread_;
};

}  // namespace readforge

#endif  // READFORGE_CLI_VARIANT_DRAW_AHEAD_H_
