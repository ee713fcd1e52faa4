// PCR duplicates and UMIs (--duplicates, --umi): which pairs of a block are copies of a molecule
// drawn before them, and each molecule's unique molecular identifier.
//
// The family-size model: each pair of a block but its first is, with probability RATE, a copy
// of the molecule of an earlier pair of the block, that pair chosen uniformly; so a family
// grows in proportion to its size (preferential attachment, as PCR amplifies what is already
// abundant), and a molecule drawn early in a block tends to the largest family. A copy is the
// same fragment of the same haplotype read the same way round, with sequencing errors of its
// own; copies never cross blocks, which keeps blocks independent (threads and shards write the
// same bytes).
//
// A UMI is LEN uniform bases drawn with the molecule, read once per pair (an index read: the
// same on both mates) with errors at -e's rate. Decisions and UMIs come from random streams of
// their own, so --umi changes no read and no decision, and --duplicates none of the molecules'
// draws.
#ifndef READFORGE_ENGINE_LIBRARY_COPIES_H_
#define READFORGE_ENGINE_LIBRARY_COPIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/geometric_gaps.h"
#include "engine/options.h"
#include "engine/random.h"

namespace readforge {

// A fragment as the sampler placed it: what a copy repeats.
struct Molecule {
  int64_t pos = 0;
  int64_t length = 0;
  int hap = 0;
  bool flip = false;
};

class LibraryCopies {
 public:
  explicit LibraryCopies(const Options& options);

  void StartBlock(uint64_t span_key, int64_t block);

  // Whether the next pair is a copy: then the molecule it repeats; else null (a new one, which
  // the sampler draws and hands to Placed).
  const Molecule* NextPair();

  // The pair just written: a new molecule (`molecule`) or the copy NextPair gave (null).
  void Placed(const Molecule* molecule);

  // Whether the pair last placed was a copy, and its UMI as sequenced ("" without --umi).
  bool copy() const { return copy_ != nullptr; }
  std::string_view umi() const { return sequenced_umi_; }

 private:
  const uint64_t seed_;
  const double rate_;
  const int64_t umi_length_;
  const double umi_error_rate_;
  GeometricGaps umi_error_gap_;
  Rng rng_;      // the copies
  Rng umi_rng_;  // the UMIs
  std::vector<Molecule> molecules_;
  std::vector<uint32_t> pair_molecules_;  // each placed pair's molecule
  std::string umis_;                      // the molecules' UMIs, umi_length_ bases each
  const Molecule* copy_ = nullptr;
  uint32_t copy_index_ = 0;
  std::string sequenced_umi_;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_LIBRARY_COPIES_H_
