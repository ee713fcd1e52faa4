// Errors placed by hazards (exponential_draw.h): the logarithm is libm's to within a few ulps, the
// draws are Exp(1), and the process they drive makes each base wrong with its own probability,
// independently of its neighbours (no clustering after an error, none between reads).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/exponential_draw.h"
#include "engine/quality_profile.h"
#include "engine/random.h"

namespace readforge {
namespace {

TEST(ExponentialDraw, TheLogarithmIsLibmsToWithinAFewUlps) {
  Rng rng(5);
  for (int i = 0; i < 1'000'000; ++i) {
    const double x = (static_cast<double>(rng() >> 11) + 0.5) * 0x1p-53;
    ASSERT_NEAR(NegativeLog(x), -std::log(x), 2e-15 * std::fabs(std::log(x)) + 2e-16) << "x " << x;
  }
  EXPECT_EQ(NegativeLog(1), 0);
  EXPECT_NEAR(NegativeLog(0x1p-60), 60 * std::log(2), 1e-13);
  EXPECT_NEAR(NegativeLog(std::nextafter(1.0, 0.0)), 0x1p-53, 1e-25);
}

// The draw takes libm's logarithm where it cannot differ from the series' in the integer part:
// every draw is the series' own (so every build places the same errors).
TEST(ExponentialDraw, EveryDrawIsTheSeriesOwn) {
  auto series = [](uint64_t bits) {
    const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1p-53;
    return static_cast<uint64_t>(NegativeLog(u) * 0x1p32);
  };
  Rng rng(13);
  for (int i = 0; i < 20'000'000; ++i) {
    const uint64_t bits = rng();
    ASSERT_EQ(ExponentialDraw(bits), series(bits)) << "bits " << bits;
  }
  // The ends, and draws whose value lies near an integer (small ones: u near 1).
  for (uint64_t bits : {uint64_t{0}, ~uint64_t{0}, uint64_t{1} << 11, ~uint64_t{0} << 11})
    EXPECT_EQ(ExponentialDraw(bits), series(bits)) << "bits " << bits;
  for (uint64_t k = 0; k < 1'000'000; ++k) {
    const uint64_t bits = ~uint64_t{0} - (k << 11);
    ASSERT_EQ(ExponentialDraw(bits), series(bits)) << "bits " << bits;
  }
  // The uniforms on either side of an integer crossing (u = e^-n for n units), where the fast
  // logarithm's error could tip the integer part.
  for (int i = 0; i < 300'000; ++i) {
    const uint64_t n = rng() % (uint64_t{37} << 32);
    const double u = std::exp(-static_cast<double>(n) * 0x1p-32);
    const uint64_t k = static_cast<uint64_t>(u * 0x1p53);
    for (uint64_t j = k > 2 ? k - 2 : 0; j <= k + 2 && j < (uint64_t{1} << 53); ++j)
      ASSERT_EQ(ExponentialDraw(j << 11), series(j << 11)) << "k " << j;
  }
}

TEST(ExponentialDraw, DrawsAreExponentialWithMeanOne) {
  Rng rng(7);
  constexpr int kDraws = 2'000'000;
  double sum = 0;
  int above_one = 0, above_three = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double e = static_cast<double>(ExponentialDraw(rng())) * 0x1p-32;
    sum += e;
    above_one += e > 1;
    above_three += e > 3;
  }
  EXPECT_NEAR(sum / kDraws, 1.0, 0.004);  // 5 standard errors
  EXPECT_NEAR(static_cast<double>(above_one) / kDraws, std::exp(-1.0), 0.002);
  EXPECT_NEAR(static_cast<double>(above_three) / kDraws, std::exp(-3.0), 0.001);
}

TEST(ExponentialDraw, HazardsAreMinusLogOneMinusP) {
  for (int q = 1; q <= 60; ++q) {
    const double p = PhredErrorProbability(q);
    EXPECT_NEAR(static_cast<double>(Hazard(p)) * 0x1p-32, -std::log1p(-p), 1e-9) << "Q" << q;
  }
  EXPECT_EQ(Hazard(1.0), kCertainHazard);
  EXPECT_EQ(Hazard(0.0), 0u);
}

// The process the quality model runs: hazards accumulated base by base (reads back to back, as a
// block's are) until an Exp(1) draw, then a fresh draw.
TEST(ExponentialDraw, HazardsMakeIndependentTrialsOfEachBasesProbability) {
  const std::vector<int> qualities = {2, 10, 20, 30, 5, 15, 37, 12};
  std::vector<uint64_t> hazards;
  for (int q : qualities)
    hazards.push_back(Hazard(PhredErrorProbability(q)));
  Rng rng(11);
  constexpr int kRounds = 3'000'000;
  std::vector<int64_t> errors(qualities.size(), 0);
  int64_t pairs_wrong = 0;  // bases 0 and 1 both wrong
  uint64_t hazard = 0, until = ExponentialDraw(rng());
  for (int round = 0; round < kRounds; ++round) {
    bool wrong[8] = {};
    for (size_t i = 0; i < qualities.size(); ++i) {
      hazard += hazards[i];
      if (hazard < until)
        continue;
      hazard = 0;
      until = ExponentialDraw(rng());
      wrong[i] = true;
      ++errors[i];
    }
    pairs_wrong += wrong[0] && wrong[1];
  }
  for (size_t i = 0; i < qualities.size(); ++i) {
    const double p = PhredErrorProbability(qualities[i]);
    const double sd = std::sqrt(p * (1 - p) / kRounds);
    EXPECT_NEAR(static_cast<double>(errors[i]) / kRounds, p, 5 * sd + 1e-7) << "Q" << qualities[i];
  }
  // Independence: a Q2 error does not change the chance that the next base (Q10) is wrong.
  const double joint = PhredErrorProbability(2) * PhredErrorProbability(10);
  EXPECT_NEAR(static_cast<double>(pairs_wrong) / kRounds, joint,
              5 * std::sqrt(joint * (1 - joint) / kRounds));
}

}  // namespace
}  // namespace readforge
