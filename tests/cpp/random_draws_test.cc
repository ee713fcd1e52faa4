// The engine's own draws are Boost's draws: same values from the same stream, so output bytes
// never depend on which of the two computed them. Boost is the reference at every step.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include <boost/random/geometric_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "engine/geometric_gaps.h"
#include "engine/random.h"

namespace readforge {
namespace {

TEST(GeometricGaps, DrawsWhatBoostDrawsFromTheSameStream) {
  for (double p : {0.02, 0.001, 1e-6, 0.1, 0.3, 0.5, 0.75, 0.999}) {
    Rng ours(42), theirs(42);
    GeometricGaps gaps(p);
    boost::random::geometric_distribution<int64_t, double> boost_gaps(p);
    for (int i = 0; i < 2'000'000; ++i)
      ASSERT_EQ(gaps(ours), boost_gaps(theirs)) << "p " << p << ", draw " << i;
  }
}

// The hard cases: x right at, and one ulp either side of, the points where the quotient
// log(x) / log(1 - p) crosses an integer, and the extremes of the engine's range.
TEST(GeometricGaps, AgreesWithBoostAtEveryIntegerCrossing) {
  for (double p : {0.02, 0.005, 0.25}) {
    GeometricGaps gaps(p);
    const double log_1mp = std::log(1 - p);
    auto exact = [&](double x) { return static_cast<int64_t>(std::floor(std::log(x) / log_1mp)); };
    int64_t checked = 0;
    for (int64_t k = 0; k < 4000; ++k) {
      const double boundary = std::exp(static_cast<double>(k) * log_1mp);
      if (boundary < 0x1p-53)
        break;
      double x = boundary;
      for (int step = 0; step < 4; ++step)
        x = std::nextafter(x, 0.0);
      for (int step = 0; step < 9; ++step, x = std::nextafter(x, 2.0)) {
        if (x > 1)
          break;
        ASSERT_EQ(gaps.GapFor(x), exact(x)) << "p " << p << ", x " << x;
        ++checked;
      }
    }
    EXPECT_GT(checked, 1000);
    for (double x : {1.0, std::nextafter(1.0, 0.0), 0x1p-53, 0x1p-52, 0.5, 0.25})
      EXPECT_EQ(gaps.GapFor(x), exact(x)) << "p " << p << ", x " << x;
  }
}

TEST(UniformUpTo, DrawsWhatBoostDrawsFromTheSameStream) {
  Rng ours(7), theirs(7);
  for (int i = 0; i < 1'000'000; ++i) {
    ASSERT_EQ(UniformUpTo<2>(ours), (boost::random::uniform_int_distribution<int>(0, 2)(theirs)));
    ASSERT_EQ(UniformUpTo<3>(ours), (boost::random::uniform_int_distribution<int>(0, 3)(theirs)));
  }
}

}  // namespace
}  // namespace readforge
