#include "engine/geometric_gaps.h"

#include <cmath>

#include "engine/approximate_log.h"

namespace readforge {

GeometricGaps::GeometricGaps(double p)
    : log_1mp_(std::log(1 - p)),
      inverse_(1 / log_1mp_),
      margin_(kApproximateLogError * std::fabs(inverse_)) {}

int64_t GeometricGaps::GapFor(double x) const {
  const double q = ApproximateLog(x) * inverse_;
  // The approximate quotient is off by at most margin_ plus a few of its own ulps (2^-48 * q
  // covers them); when no integer lies that close, its integer part is Boost's result.
  if (q < 0x1p40) {
    const double slack = margin_ + q * 0x1p-48;
    const int64_t whole = static_cast<int64_t>(q);
    const double fraction = q - static_cast<double>(whole);
    if (q > slack && fraction > slack && fraction < 1 - slack)
      return whole;
  }
  return static_cast<int64_t>(std::floor(std::log(x) / log_1mp_));
}

}  // namespace readforge
