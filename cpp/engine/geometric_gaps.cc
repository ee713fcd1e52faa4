#include "engine/geometric_gaps.h"

#include <array>
#include <cmath>
#include <cstring>

namespace readforge {
namespace {

// log(m) for m in [1, 2): m lies within 1/512 of c = 1 + (i + 1/2) / 256, i its top 8 mantissa
// bits, and log(m) = log(c) + log1p(t) with t = (m - c) / c, |t| < 2^-9, where three terms of
// log1p's series leave an error below t^4 / 4 < 4e-12.
constexpr int kBits = 8;
constexpr int kEntries = 1 << kBits;

struct LogTable {
  std::array<double, kEntries> log_center;
  std::array<double, kEntries> center;
  std::array<double, kEntries> inverse_center;
  LogTable() {
    for (int i = 0; i < kEntries; ++i) {
      center[i] = 1 + (i + 0.5) / kEntries;
      log_center[i] = std::log(center[i]);
      inverse_center[i] = 1 / center[i];
    }
  }
};

const LogTable kTable;
constexpr double kLn2 = 0.6931471805599453;
// A bound on |ApproximateLog(x) - log(x)| (about 4e-12 from the series, 1e-14 from rounding, and
// glibc's and musl's log are within an ulp of log(x)), with a wide margin.
constexpr double kLogError = 1e-10;

// Only for normal x (the draws are at least 2^-53).
inline double ApproximateLog(double x) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const int exponent = static_cast<int>(bits >> 52) - 1023;
  const int i = static_cast<int>((bits >> (52 - kBits)) & (kEntries - 1));
  const uint64_t mantissa_bits = (bits & ((uint64_t{1} << 52) - 1)) | (uint64_t{1023} << 52);
  double m;
  std::memcpy(&m, &mantissa_bits, sizeof m);
  const double t = (m - kTable.center[i]) * kTable.inverse_center[i];
  const double series = t - t * t * (0.5 - t * (1.0 / 3));
  return exponent * kLn2 + kTable.log_center[i] + series;
}

}  // namespace

GeometricGaps::GeometricGaps(double p)
    : log_1mp_(std::log(1 - p)), inverse_(1 / log_1mp_), margin_(kLogError * std::fabs(inverse_)) {}

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
