// Keyed random streams. Every random draw in readforge comes from Boost.Random (the same headers
// in the native and the WebAssembly build), and every stream is keyed by (seed, span, block,
// purpose): any block can be simulated on its own and draws exactly what a full run draws.
#ifndef READFORGE_ENGINE_RANDOM_H_
#define READFORGE_ENGINE_RANDOM_H_

#include <cstdint>
#include <string_view>

#include <boost/random/mersenne_twister.hpp>

namespace readforge {

using Rng = boost::random::mt19937_64;

enum class StreamPurpose : uint64_t {
  kVariants = 1,    // the mutations of a block
  kPairCount = 2,   // how many read pairs start in a block
  kPairs = 3,       // fragments, reads and sequencing errors of a block
  kPlanted = 4,     // haplotypes of a block's planted records that do not say
  kDuplicates = 5,  // which pairs of a block are PCR duplicates, of which molecule
  kUmis = 6,        // the UMIs of a block's molecules, and their sequencing errors
  kQualities = 7,   // qualities from a profile, and where the errors they imply fall
  kAbundances = 8,  // a community's abundances drawn from a distribution (once a run)
  kAmplicons = 9,   // amplicons' dropout and efficiency, and their pairs (once a run)
};

// SplitMix64's finaliser: a bijective mix, so distinct keys give unrelated seeds.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// FNV-1a: a stable 64-bit key for a contig name.
inline uint64_t HashName(std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : name) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

inline Rng MakeRng(uint64_t seed, uint64_t span_key, int64_t block, StreamPurpose purpose) {
  uint64_t key = Mix64(seed);
  key = Mix64(key ^ span_key);
  key = Mix64(key ^ static_cast<uint64_t>(block));
  key = Mix64(key ^ static_cast<uint64_t>(purpose));
  return Rng(key);
}

// boost::random::uniform_int_distribution<int>(0, kRange)(rng), the same draw (Boost's
// algorithm for an engine wider than the range: the engine's value divided by a bucket size,
// values past the range drawn again), with the bucket size a constant: the library works it out
// with two 64-bit divisions at every call, and these draws sit in the hot loops of sequencing
// errors.
template <uint64_t kRange>
inline int UniformUpTo(Rng& rng) {
  constexpr uint64_t kMax = ~uint64_t{0};
  constexpr uint64_t kBucket = kMax / (kRange + 1) + (kMax % (kRange + 1) == kRange ? 1 : 0);
  for (;;) {
    const uint64_t result = rng() / kBucket;
    if (result <= kRange)
      return static_cast<int>(result);
  }
}

}  // namespace readforge

#endif  // READFORGE_ENGINE_RANDOM_H_
