#include "engine/flow_cell.h"

#include "engine/random.h"

namespace readforge {

Cluster ClusterOf(uint64_t seed, uint64_t index) {
  // An odd multiplier and an xor are bijections of 24-bit numbers: distinct pairs, distinct
  // sites (within a lane and run).
  constexpr uint64_t kSites = uint64_t{1} << 24;
  const uint64_t site = ((index * 0x9e3779b1u) ^ Mix64(seed)) & (kSites - 1);
  const uint64_t beyond = index >> 24;
  const int tile = static_cast<int>(site >> 16);
  Cluster c;
  c.lane = 1 + static_cast<int>(beyond % 8);
  c.run = 1 + static_cast<int64_t>(beyond / 8);
  c.tile = (1 + (tile >> 7)) * 1000 + (1 + ((tile >> 6) & 1)) * 100 + 1 + (tile & 63);
  c.x = 1000 + 120 * static_cast<int>((site >> 8) & 255);
  c.y = 1000 + 140 * static_cast<int>(site & 255);
  return c;
}

Cluster OpticalCopyOf(const Cluster& first, uint64_t family, int64_t n) {
  // 7919 is prime to kOpticalSpots (2^3 * 3 * 5^2 * 17): n -> spot is a bijection.
  const int64_t spot =
      static_cast<int64_t>((static_cast<uint64_t>(n) * 7919 + family) % kOpticalSpots);
  const int64_t q = spot < kOpticalSpots / 2 ? spot : spot + 1;  // skip the centre
  Cluster c = first;
  c.x += static_cast<int>(q % 101) - 50;
  c.y += static_cast<int>(q / 101) - 50;
  return c;
}

}  // namespace readforge
