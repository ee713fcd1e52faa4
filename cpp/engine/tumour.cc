#include "engine/tumour.h"

#include <cmath>
#include <vector>

#include "formats/text.h"

namespace readforge {
namespace {

// The CCFs that bound the clones, from 1 down: 1, then --clones (validated: descending, in
// (0, 1)).
std::vector<double> Levels(const Options& options) {
  std::vector<double> levels{1.0};
  levels.insert(levels.end(), options.clones.begin(), options.clones.end());
  return levels;
}

// Each cell type's weight per haplotype copy, in kMixUnits that add up exactly.
std::vector<int> TypeWeights(const Options& options) {
  const std::vector<double> levels = Levels(options);
  std::vector<double> shares{1 - options.purity};
  for (size_t k = 0; k < levels.size(); ++k)
    shares.push_back(options.purity * (levels[k] - (k + 1 < levels.size() ? levels[k + 1] : 0)));
  std::vector<int> weights;
  int used = 0;
  for (size_t t = 0; t + 1 < shares.size(); ++t) {
    weights.push_back(static_cast<int>(std::lround(shares[t] * kMixUnits)));
    used += weights.back();
  }
  weights.push_back(kMixUnits - used);  // the rounding in the last
  return weights;
}

}  // namespace

std::array<int, kMaxHaplotypes> MixCopies(const std::array<int, kMaxPloidy>& normal,
                                          const std::array<int, kMaxPloidy>& tumour,
                                          const Options& options) {
  std::array<int, kMaxHaplotypes> out{};
  if (!options.tumour()) {
    for (int h = 0; h < kMaxPloidy; ++h)
      out[static_cast<size_t>(h)] = normal[static_cast<size_t>(h)];
    return out;
  }
  const int stride = options.most_ploidy();
  const std::vector<int> weights = TypeWeights(options);
  for (size_t t = 0; t < weights.size(); ++t) {
    const std::array<int, kMaxPloidy>& copies = t == 0 ? normal : tumour;
    for (int h = 0; h < stride; ++h) {
      out[t * static_cast<size_t>(stride) + static_cast<size_t>(h)] =
          copies[static_cast<size_t>(h)] * weights[t];
    }
  }
  return out;
}

uint16_t GermlineHaplotypes(uint16_t haplotypes, const Options& options) {
  if (!options.tumour())
    return haplotypes;
  const int stride = options.most_ploidy();
  const uint16_t own = static_cast<uint16_t>(haplotypes & ((1u << stride) - 1));
  uint16_t out = 0;
  for (int t = 0; t < options.cell_types(); ++t)
    out = static_cast<uint16_t>(out | own << (t * stride));
  return out;
}

Status SomaticHaplotypes(uint16_t haplotypes, double ccf, const Options& options, uint16_t* out) {
  const std::vector<double> levels = Levels(options);
  size_t first = levels.size();
  for (size_t k = 0; k < levels.size(); ++k) {
    if (std::fabs(levels[k] - ccf) < 1e-9)
      first = k;
  }
  if (first == levels.size()) {
    std::string listed;
    for (double l : levels)
      listed += (listed.empty() ? "" : ", ") + FormatNumber(l);
    return Status::Error("CCF " + FormatNumber(ccf) + " is not a clone's (--clones gives " +
                         listed + "): add it to --clones");
  }
  // The clones at or below its CCF carry it (cell types 1 + k).
  const int stride = options.most_ploidy();
  const uint16_t own = static_cast<uint16_t>(haplotypes & ((1u << stride) - 1));
  *out = 0;
  for (size_t k = first; k < levels.size(); ++k)
    *out = static_cast<uint16_t>(*out | own << ((1 + static_cast<int>(k)) * stride));
  return Status::Ok();
}

double ExpectedAlleleFraction(uint16_t haplotypes, const std::array<int, kMaxHaplotypes>& mixed) {
  int64_t carrying = 0, all = 0;
  for (int h = 0; h < kMaxHaplotypes; ++h) {
    all += mixed[static_cast<size_t>(h)];
    carrying += (haplotypes >> h & 1) ? mixed[static_cast<size_t>(h)] : 0;
  }
  return all > 0 ? static_cast<double>(carrying) / static_cast<double>(all) : 0;
}

}  // namespace readforge
