#include "formats/decimal.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

namespace readforge {
namespace {

std::string Written(uint64_t value) {
  char text[20];
  return std::string(text, PutDecimal(text, value));
}

std::string Expected(uint64_t value) {
  char text[20];
  return std::string(text, std::to_chars(text, text + 20, value).ptr);
}

TEST(PutDecimal, WritesWhatToCharsWrites) {
  for (uint64_t v = 0; v < 100000; ++v)
    ASSERT_EQ(Written(v), Expected(v)) << v;
  // Every length, at its edges: 10^k - 1, 10^k, 10^k + 1.
  for (uint64_t power = 10; power <= 10000000000000000000ULL; power *= 10) {
    for (uint64_t v : {power - 1, power, power + 1})
      ASSERT_EQ(Written(v), Expected(v)) << v;
    if (power > std::numeric_limits<uint64_t>::max() / 10)
      break;
  }
  // Values of every length, digits at random (zeros inside the eight-digit groups included).
  std::mt19937_64 random(7);
  for (int i = 0; i < 200000; ++i) {
    const uint64_t v = random() >> (random() % 64);
    ASSERT_EQ(Written(v), Expected(v)) << v;
  }
  EXPECT_EQ(Written(std::numeric_limits<uint64_t>::max()), "18446744073709551615");
  EXPECT_EQ(Written(100000000), "100000000");
  EXPECT_EQ(Written(1000000000000000), "1000000000000000");
  EXPECT_EQ(Written(248956422), "248956422");  // chr1's length
}

}  // namespace
}  // namespace readforge
