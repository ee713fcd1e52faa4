// GC bias (--gc-bias): coverage scaled by each fragment's GC fraction through a curve of relative
// coverage, by rejection: a fragment drawn is kept with probability curve(gc) / the curve's
// highest value, else another is drawn for the same pair. So -N stays exact and blocks stay
// independent; within a block, coverage follows the curve exactly, while the plan still gives
// each block pairs in proportion to its usable length (no GC pass), so between blocks of unlike
// GC the curve holds only as far as --block-size's scale allows.
//
// A curve is points (GC fraction, relative coverage), linear between them and flat beyond the
// ends: built in, `pcr` (a PCR-amplified library: full coverage at GC 0.40 to 0.55, 0.3 at 0.2
// and 0.75, 0.05 at the extremes) and `pcr-free` (mild: 0.5 at the extremes); a TSV of
// `GC<TAB>COVERAGE` lines; or inline, `GC:COVERAGE,...`. Coverage must be above 0 everywhere (a
// fragment is always kept eventually).
#ifndef READFORGE_ENGINE_GC_BIAS_H_
#define READFORGE_ENGINE_GC_BIAS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/status.h"

namespace readforge {

class GcBias {
 public:
  static constexpr int kSteps = 1000;  // GC fractions are resolved to thousandths
  static constexpr double kMaxCoverage = 1e6;

  // `pcr` or `pcr-free`; false for any other name.
  static bool BuiltIn(std::string_view name, GcBias* bias);
  // The inline form: digits, '.', ':' and ',' only, with at least one ':'.
  static bool IsInline(std::string_view text);
  static Status ParseInline(std::string_view text, GcBias* bias);
  static Status Parse(std::string_view tsv, GcBias* bias);

  // Whether a fragment with `gc` G or C among its `called` bases (not N) is kept, for a uniform
  // 64-bit draw. A fragment of N alone is kept.
  bool Keep(int64_t gc, int64_t called, uint64_t draw) const {
    if (called == 0)
      return true;
    const uint64_t step = static_cast<uint64_t>((gc * kSteps + called / 2) / called);
    const uint64_t below = keep_below_[step];
    return below == ~uint64_t{0} || draw < below;
  }

  // The curve's relative coverage at GC fraction `gc` (its highest value is 1).
  double Coverage(double gc) const;

  std::string name;

 private:
  static Status FromPoints(std::vector<std::pair<double, double>> points, GcBias* bias);

  std::vector<std::pair<double, double>> points_;  // by GC, coverage scaled to a highest of 1
  std::array<uint64_t, kSteps + 1> keep_below_{};  // kept when the draw is below (~0: always)
};

}  // namespace readforge

#endif  // READFORGE_ENGINE_GC_BIAS_H_
