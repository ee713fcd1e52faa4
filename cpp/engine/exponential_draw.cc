#include "engine/exponential_draw.h"

#include <cstring>

#include "engine/approximate_log.h"

namespace readforge {

double NegativeLog(double x) {
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)), and ln m = 2 atanh(t), t = (m - 1) / (m + 1),
  // |t| < 0.172: eleven odd terms leave less than 1e-20.
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int e = static_cast<int>(bits >> 52) - 1023;
  const uint64_t mantissa_bits = (bits & ((uint64_t{1} << 52) - 1)) | (uint64_t{1023} << 52);
  double m;
  std::memcpy(&m, &mantissa_bits, sizeof m);
  if (m > 1.4142135623730951) {
    m *= 0.5;
    ++e;
  }
  // 1 / (2 k + 1), each exactly rounded at compile time.
  static constexpr double kOdd[] = {1.0,      1.0 / 3,  1.0 / 5,  1.0 / 7,  1.0 / 9,  1.0 / 11,
                                    1.0 / 13, 1.0 / 15, 1.0 / 17, 1.0 / 19, 1.0 / 21, 1.0 / 23};
  const double t = (m - 1) / (m + 1);
  const double t2 = t * t;
  double series = kOdd[11];
  for (int k = 10; k >= 0; --k)
    series = kOdd[k] + t2 * series;
  constexpr double kLn2 = 0.6931471805599453;
  return -(e * kLn2 + 2 * t * series);
}

uint64_t ExponentialDraw(uint64_t bits) {
  const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1p-53;
  // The series is exact in every build but slow. ApproximateLog is within 1e-12 of ln u, under
  // 0.005 units of 2^-32 here (and the product and subtraction below are exact or nearly), so
  // where its value lies more than 2^-7 units from an integer its integer part is the series',
  // and only the rest (about 1.6%) computes the series.
  const double fast = -ApproximateLog(u) * 0x1p32;  // below 2^38
  const int64_t whole = static_cast<int64_t>(fast);  // signed: one instruction
  const double fraction = fast - static_cast<double>(whole);  // exact
  if (fraction > 0x1p-7 && fraction < 1 - 0x1p-7)
    return static_cast<uint64_t>(whole);
  return static_cast<uint64_t>(NegativeLog(u) * 0x1p32);
}

uint64_t Hazard(double p) {
  if (p >= 1)
    return kCertainHazard;
  return static_cast<uint64_t>(NegativeLog(1 - p) * 0x1p32 + 0.5);
}

}  // namespace readforge
