// Exponential draws and hazards in fixed point (units of 2^-32 of one), the same bits in every
// build. Sequencing errors that follow per-base qualities are placed by accumulating each base's
// hazard -ln(1 - p) until it reaches an Exp(1) draw: exactly a Bernoulli(p) trial per base, with
// one draw per error instead of one per base. The logarithm is a series of +, *, / (exactly
// rounded in IEEE arithmetic, so identical natively and in WebAssembly), not libm's, whose last
// bit differs between glibc and musl.
#ifndef READFORGE_ENGINE_EXPONENTIAL_DRAW_H_
#define READFORGE_ENGINE_EXPONENTIAL_DRAW_H_

#include <cstdint>

namespace readforge {

// A hazard no draw reaches: an event of probability 1 (any Exp(1) draw is below 38 here, under
// 2^38 in these units), small enough that the sum of millions of them cannot overflow.
constexpr uint64_t kCertainHazard = uint64_t{1} << 40;

// -ln(x) for 0 < x <= 1.
double NegativeLog(double x);

// An Exp(1) draw from 64 random bits (their top 53 as a uniform in (0, 1)), in units of 2^-32.
uint64_t ExponentialDraw(uint64_t bits);

// -ln(1 - p), the hazard of an event of probability p, in units of 2^-32 (kCertainHazard at 1).
uint64_t Hazard(double p);

}  // namespace readforge

#endif  // READFORGE_ENGINE_EXPONENTIAL_DRAW_H_
