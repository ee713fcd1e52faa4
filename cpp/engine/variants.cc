#include "engine/variants.h"

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/geometric_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "engine/tumour.h"

namespace readforge {
namespace {

// Failures before the first success with probability p; Boost's distribution needs 0 < p < 1.
int64_t Geometric(Rng& rng, double p) {
  if (p >= 1)
    return 0;
  return boost::random::geometric_distribution<int64_t, double>(p)(rng);
}

int64_t IndelLength(Rng& rng, double extend) {
  int64_t length = 1 + (extend > 0 ? Geometric(rng, 1 - extend) : 0);
  return length < kMaxIndelLength ? length : kMaxIndelLength;
}

// Homozygous with probability 1/3, else on one haplotype of the `ploidy` there.
uint16_t DrawHaplotypes(Rng& rng, bool haploid, int ploidy) {
  if (haploid)
    return 3;
  if (ploidy == 1)
    return 1;
  if (boost::random::uniform_01<double>()(rng) < 1.0 / 3)
    return AllHaplotypes(ploidy);
  if (ploidy == 2)
    return boost::random::bernoulli_distribution<double>(0.5)(rng) ? 1 : 2;
  return static_cast<uint8_t>(
      1 << boost::random::uniform_int_distribution<int>(0, ploidy - 1)(rng));
}

}  // namespace

void GenerateVariants(const Options& options,
                      const std::vector<PloidySpan>& ploidy,
                      Rng& rng,
                      int64_t begin,
                      int64_t end,
                      int64_t deletion_limit,
                      std::vector<Variant>* out,
                      std::string* inserted) {
  if (options.mutation_rate <= 0)
    return;
  boost::random::uniform_01<double> uniform;
  boost::random::uniform_int_distribution<int> shift_draw(1, 3);
  boost::random::uniform_int_distribution<int> base_draw(0, 3);
  boost::random::bernoulli_distribution<double> coin(0.5);
  int64_t pos = begin;
  while (true) {
    pos += Geometric(rng, options.mutation_rate);
    if (pos >= end)
      break;
    Variant v;
    v.pos = pos;
    if (uniform(rng) >= options.indel_fraction) {
      v.type = VariantType::kSnp;
      v.snp_shift = static_cast<uint8_t>(shift_draw(rng));
    } else if (coin(rng)) {
      v.type = VariantType::kDeletion;
      v.length = IndelLength(rng, options.indel_extend);
      if (pos + v.length > deletion_limit)
        v.length = deletion_limit - pos;
    } else {
      v.type = VariantType::kInsertion;
      v.snp_shift = 0;
      v.length = IndelLength(rng, options.indel_extend);
      v.inserted_at = static_cast<int64_t>(inserted->size());
      for (int64_t i = 0; i < v.length; ++i)
        inserted->push_back("ACGT"[base_draw(rng)]);
    }
    v.haplotypes = GermlineHaplotypes(
        DrawHaplotypes(rng, options.haploid, PloidyAt(ploidy, pos, options.run_ploidy())), options);
    // No new mutation starts inside a deletion, on either haplotype (as in wgsim).
    pos += v.type == VariantType::kDeletion ? (v.length > 0 ? v.length : 1) : 1;
    if (v.length > 0)
      out->push_back(v);
  }
}

}  // namespace readforge
