// A fast natural logarithm with a known error bound, for draws that must be the same in every
// build: callers take its result only where the bound cannot change what they compute from it,
// and otherwise fall back to an exactly specified expression (geometric_gaps.h,
// exponential_draw.h). libm's log would do as well but costs about three times as much, and its
// last bit differs between glibc and musl anyway.
#ifndef READFORGE_ENGINE_APPROXIMATE_LOG_H_
#define READFORGE_ENGINE_APPROXIMATE_LOG_H_

#include <array>
#include <cstdint>
#include <cstring>

namespace readforge {

// A bound on |ApproximateLog(x) - log(x)| for x in [2^-60, 1], with a wide margin: about 6e-15
// from the series, a few ulps of the result from rounding, and an ulp of each table entry (glibc's
// and musl's log are within an ulp).
constexpr double kApproximateLogError = 1e-12;

// log(m) for m in [1, 2): m lies within 1/512 of c = 1 + (i + 1/2) / 256, i its top 8 mantissa
// bits, and log(m) = log(c) + log1p(t) with t = (m - c) / c, |t| < 2^-9, where four terms of
// log1p's series leave an error below t^5 / 5 < 6e-15.
struct LogTable {
  static constexpr int kBits = 8;
  static constexpr int kEntries = 1 << kBits;
  std::array<double, kEntries> log_center;
  std::array<double, kEntries> inverse_center;
  LogTable();
};
extern const LogTable kLogTable;

// For normal x > 0.
inline double ApproximateLog(double x) {
  constexpr double kLn2 = 0.6931471805599453;
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const int exponent = static_cast<int>(bits >> 52) - 1023;
  const int i = static_cast<int>((bits >> (52 - LogTable::kBits)) & (LogTable::kEntries - 1));
  const uint64_t mantissa_bits = (bits & ((uint64_t{1} << 52) - 1)) | (uint64_t{1023} << 52);
  double m;
  std::memcpy(&m, &mantissa_bits, sizeof m);
  const double center = 1 + (i + 0.5) / LogTable::kEntries;  // exact
  const double t = (m - center) * kLogTable.inverse_center[static_cast<size_t>(i)];
  const double series = t - t * t * (0.5 - t * (1.0 / 3 - t * 0.25));
  return exponent * kLn2 + kLogTable.log_center[static_cast<size_t>(i)] + series;
}

}  // namespace readforge

#endif  // READFORGE_ENGINE_APPROXIMATE_LOG_H_
