// One block's variants as one simulator drew them (random and planted, merged, their truth
// written), handed to another simulator over the same reference and options, which then draws
// nothing itself: a host with threads (the CLI) runs planting and the truth on a thread of its
// own while the reads are made on another (Simulator::ExportVariantBlocks, UseVariantBlocks).
// Both simulators walk the same spans and blocks in the same order, so the blocks come in the
// order the reads' simulator asks for them; each carries its global index, which is checked.
#ifndef READFORGE_ENGINE_VARIANT_BLOCK_H_
#define READFORGE_ENGINE_VARIANT_BLOCK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/run_stats.h"
#include "engine/variants.h"

namespace readforge {

struct VariantBlock {
  enum class Kind {
    kBlock,  // one block's variants
    kEnd,    // no more blocks: `planted` holds the run's planting counts
    kError,  // the drawing simulator failed: `error`, naming the file it is about
  };
  Kind kind = Kind::kBlock;
  int64_t global_block = 0;
  std::vector<Variant> variants;  // by position; insertions' bases in `inserted`
  std::string inserted;
  // The block's truth, plain text, when the run writes the block (has_truth): its lines of the
  // mutation list and of the truth VCF (each only when asked for), and what they count.
  bool has_truth = false;
  std::string mutations;
  std::string vcf;
  int64_t snps = 0;
  int64_t insertions = 0;
  int64_t deletions = 0;

  SimulatorStats::Planted planted;  // kEnd
  std::string error;                // kError
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_VARIANT_BLOCK_H_
