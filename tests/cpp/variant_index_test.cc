// VariantIndex answers what std::lower_bound over the positions answers, for every position
// from before the first variant to past the last, with sparse, dense and clustered variants.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "engine/variant_index.h"

namespace readforge {
namespace {

std::vector<Variant> At(const std::vector<int64_t>& positions) {
  std::vector<Variant> variants(positions.size());
  for (size_t i = 0; i < positions.size(); ++i)
    variants[i].pos = positions[i];
  return variants;
}

void ExpectLowerBound(const std::vector<int64_t>& positions) {
  VariantIndex index;
  const std::string no_insertions;
  index.Build(At(positions), no_insertions);
  const int64_t from = positions.empty() ? 0 : positions.front() - 600;
  const int64_t to = positions.empty() ? 600 : positions.back() + 600;
  for (int64_t pos = std::max<int64_t>(0, from); pos <= to; ++pos) {
    const size_t expected =
        std::lower_bound(positions.begin(), positions.end(), pos) - positions.begin();
    ASSERT_EQ(index.FirstAtOrAfter(pos), expected) << "position " << pos;
  }
}

TEST(VariantIndex, AnswersWhatLowerBoundAnswers) {
  ExpectLowerBound({});
  ExpectLowerBound({0});
  ExpectLowerBound({1000});
  ExpectLowerBound({255, 256, 257, 511, 512, 4096});
  std::mt19937_64 rng(3);
  for (int64_t gap : {1, 3, 45, 300, 5000}) {
    std::vector<int64_t> positions;
    int64_t p = 123456;
    for (int i = 0; i < 2000; ++i) {
      p += 1 + static_cast<int64_t>(rng() % static_cast<uint64_t>(2 * gap));
      positions.push_back(p);
    }
    ExpectLowerBound(positions);
  }
  // A deletion kept from a block before, then a cluster far away.
  ExpectLowerBound({10, 70000, 70001, 70002, 90000});
}

}  // namespace
}  // namespace readforge
