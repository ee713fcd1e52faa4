// Gaps between sequencing errors: boost::random::geometric_distribution<int64_t, double>(p), the
// same draws to the bit, at a fraction of the cost. Boost computes floor(log(x) / log(1 - p))
// with x = 1 - uniform_01; a run draws millions of these, and the log, the division and the call
// to floor would weigh on every read. Here an approximate quotient (approximate_log.h, good to
// 1e-12, times a reciprocal) decides the result whenever it is not within its error bound of an
// integer; otherwise (about one draw in 10^8) Boost's own expression is evaluated, so every
// result is exactly Boost's, in every host.
#ifndef READFORGE_ENGINE_GEOMETRIC_GAPS_H_
#define READFORGE_ENGINE_GEOMETRIC_GAPS_H_

#include <cstdint>

#include "engine/random.h"

namespace readforge {

class GeometricGaps {
 public:
  // 0 < p < 1.
  explicit GeometricGaps(double p);

  int64_t operator()(Rng& rng) const {
    for (;;) {
      // boost::uniform_01<double> on a 64-bit engine: the engine's value times 2^-64, below 1.
      const double u = static_cast<double>(rng()) * 0x1p-64;
      if (u < 1)
        return GapFor(1 - u);
    }
  }

  // floor(log(x) / log(1 - p)) as Boost evaluates it, for 0 < x <= 1.
  int64_t GapFor(double x) const;

 private:
  double log_1mp_;  // log(1 - p), as Boost keeps it
  double inverse_;  // 1 / log_1mp_
  double margin_;   // the approximate log's error bound, in units of the quotient
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_GEOMETRIC_GAPS_H_
