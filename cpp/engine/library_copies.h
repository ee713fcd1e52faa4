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
// Optical duplicates (--optical-duplicates, with --read-names illumina): a pair is, with
// probability RATE, an optical copy of an earlier pair's molecule (chosen as for PCR copies),
// its cluster beside the molecule's first (flow_cell.h); every other pair has a cluster of its
// own.
//
// With --umi LEN1,LEN2 each mate has a UMI of its own (dual UMIs), written UMI1-UMI2 as SAM's RX
// joins them.
//
// A UMI is LEN uniform bases drawn with the molecule, read once per pair (an index read: the
// same on both mates) with errors at -e's rate; or, with --umi-inline, as read 1's first cycles
// (its errors are read 1's). Decisions and UMIs come from random streams of
// their own, so --umi changes no read and no decision, and --duplicates none of the molecules'
// draws.
#ifndef READFORGE_ENGINE_LIBRARY_COPIES_H_
#define READFORGE_ENGINE_LIBRARY_COPIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/flow_cell.h"
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
  bool cut = false;      // cut short at its span's end: its length is on the reference
  bool in_copy = false;  // starts in a tandem duplication's copy (pair_sampler.h)
};

class LibraryCopies {
 public:
  explicit LibraryCopies(const Options& options);

  void StartBlock(uint64_t span_key, int64_t block);

  // Whether the next pair is a copy: then the molecule it repeats; else null (a new one, which
  // the sampler draws and hands to Placed).
  const Molecule* NextPair();

  // With --umi-inline, the UMI of the next pair's molecule (before its reads are made: read 1
  // starts with it); a new molecule's is drawn here, once.
  std::string_view UmiForNextPair();

  // Pair `index` of the run just written: a new molecule (`molecule`) or the copy NextPair
  // gave (null).
  void Placed(const Molecule* molecule, uint64_t index);

  // Whether the pair last placed was a copy, and its UMI as sequenced ("" without --umi).
  bool copy() const { return copy_ != nullptr; }
  // Whether that copy is optical (beside its molecule's first cluster).
  bool optical() const { return copy_ != nullptr && placed_optical_; }
  std::string_view umi() const { return sequenced_umi_; }
  // With --read-names illumina, its cluster.
  const Cluster& cluster() const { return cluster_; }

 private:
  const uint64_t seed_;
  const double rate_;
  const double optical_rate_;
  const bool clusters_wanted_;
  const int64_t umi_length_;   // both mates' UMIs, one after the other
  const int64_t umi_length1_;  // read 1's (the first part)
  const bool umi_split_;       // two UMIs, sequenced as UMI1-UMI2
  const bool umi_inline_;      // sequencing errors fall on the UMI as part of read 1
  const double umi_error_rate_;
  GeometricGaps umi_error_gap_;
  Rng rng_;      // the copies
  Rng umi_rng_;  // the UMIs
  std::vector<Molecule> molecules_;
  std::vector<uint32_t> pair_molecules_;  // each placed pair's molecule
  std::string umis_;                      // the molecules' UMIs, umi_length_ bases each
  const Molecule* copy_ = nullptr;
  uint32_t copy_index_ = 0;
  bool optical_ = false;         // the copy is to be optical
  bool placed_optical_ = false;  // and was placed so (a family has kOpticalSpots at most)
  // With --read-names illumina: each molecule's first cluster and pair, and how many optical
  // copies it has; the last pair's cluster.
  struct Family {
    Cluster first;
    uint64_t first_pair = 0;
    int64_t optical_copies = 0;
  };
  std::vector<Family> families_;
  Cluster cluster_;
  std::string sequenced_umi_;
  std::string pending_umi_;  // a new molecule's UMI, drawn before it is placed
  bool umi_pending_ = false;
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_LIBRARY_COPIES_H_
