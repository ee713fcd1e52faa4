// Clusters on a simulated flow cell, for Illumina-style read names (--read-names illumina):
// readforge:<run>:RFSIM:<lane>:<tile>:<x>:<y>. Each pair's cluster is a function of its number
// in the run and the seed, unique to it: 256 tiles (surfaces 1-2, swaths 1-2, tiles 01-64:
// 1101 to 2264) of a 256 x 256 lattice (x from 1,000 by 120, y from 1,000 by 140), the pair's
// number scrambled over those 2^24 sites, then lanes 1-8 and the run number for more. An optical
// duplicate's cluster lies beside its molecule's first cluster, within 50 pixels in x and in y
// and off the lattice, each copy of a family on its own spot: names stay unique, and samtools
// markdup -d 100 (or more) tells optical copies from PCR ones.
#ifndef READFORGE_ENGINE_FLOW_CELL_H_
#define READFORGE_ENGINE_FLOW_CELL_H_

#include <cstdint>

namespace readforge {

struct Cluster {
  int64_t run = 1;
  int lane = 1;
  int tile = 0;
  int x = 0;
  int y = 0;
};

// Spots beside a cluster for its family's optical copies: 101 x 101 offsets but the centre.
inline constexpr int64_t kOpticalSpots = 101 * 101 - 1;

// The cluster of pair `index` of a run with seed `seed`.
Cluster ClusterOf(uint64_t seed, uint64_t index);

// The `n`-th optical copy's cluster beside `first` (0 <= n < kOpticalSpots), `family` a key of
// the family that scatters its copies' spots; distinct n give distinct spots.
Cluster OpticalCopyOf(const Cluster& first, uint64_t family, int64_t n);

}  // namespace readforge

#endif  // READFORGE_ENGINE_FLOW_CELL_H_
