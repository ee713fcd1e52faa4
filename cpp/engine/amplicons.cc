#include "engine/amplicons.h"

#include <algorithm>
#include <cmath>

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/normal_distribution.hpp>

#include "engine/random.h"
#include "formats/region.h"
#include "formats/text.h"

namespace readforge {

Status AmpliconPanel::Make(std::string_view name, std::string_view text, AmpliconPanel* panel) {
  *panel = AmpliconPanel();
  panel->name_ = std::string(BaseName(name));
  panel->path_ = std::string(name);
  Status s = ParseAmplicons(text, &panel->amplicons_);
  if (!s.ok())
    return Status::Error(std::string(name) + ": " + s.message());
  for (const AmpliconRecord& a : panel->amplicons_)
    panel->longest_ = std::max(panel->longest_, a.end - a.begin);
  return Status::Ok();
}

Status AmpliconPanel::Check(const ContigList& contigs,
                            int64_t shortest_fragment,
                            bool adapters) const {
  for (const AmpliconRecord& a : amplicons_) {
    const std::string where = path_ + " line " + std::to_string(a.line) + " (" + a.name + "): ";
    RF_RETURN_IF_ERROR(CheckOnContig(contigs, a.contig, a.end, where));
    if (!adapters && a.end - a.begin < shortest_fragment) {
      return Status::Error(where + "is " + std::to_string(a.end - a.begin) +
                           " bases, shorter than the longest read (" +
                           std::to_string(shortest_fragment) +
                           "): give --adapters to read through into the adapter");
    }
  }
  return Status::Ok();
}

Status DrawAmpliconPairs(const AmpliconPanel& panel,
                         uint64_t seed,
                         double dropout,
                         double spread,
                         int64_t pairs,
                         std::vector<int64_t>* counts) {
  const std::vector<AmpliconRecord>& amplicons = panel.amplicons();
  Rng rng = MakeRng(seed, HashName("amplicons"), 0, StreamPurpose::kAmplicons);
  boost::random::bernoulli_distribution<double> fails(dropout);
  boost::random::normal_distribution<double> normal(0, 1);
  // Each amplicon's weight: dropped out, or its column 5 times a log-normal efficiency (both
  // drawn for every amplicon, so one's draws do not move another's).
  std::vector<double> weights(amplicons.size());
  double total = 0;
  for (size_t i = 0; i < amplicons.size(); ++i) {
    const bool dropped = fails(rng);
    const double efficiency = std::exp(spread * normal(rng));
    weights[i] = dropped ? 0 : amplicons[i].weight * efficiency;
    total += weights[i];
  }
  if (!(total > 0)) {
    return Status::Error(panel.path() +
                         ": no amplicon is left to sequence (every weight is 0, or dropped out "
                         "with --amplicon-dropout)");
  }
  // A multinomial draw as a chain of binomials: each amplicon's share of what is left.
  // The last amplicon with a weight takes what is left, whatever rounding left in `total`.
  size_t last = 0;
  for (size_t i = 0; i < amplicons.size(); ++i) {
    if (weights[i] > 0)
      last = i;
  }
  counts->assign(amplicons.size(), 0);
  int64_t left = pairs;
  for (size_t i = 0; i < amplicons.size() && left > 0; ++i) {
    if (weights[i] <= 0)
      continue;
    const double p = std::min(1.0, weights[i] / total);
    const int64_t n = i == last || p >= 1
                          ? left
                          : boost::random::binomial_distribution<int64_t, double>(left, p)(rng);
    (*counts)[i] = n;
    left -= n;
    total -= weights[i];
  }
  return Status::Ok();
}

}  // namespace readforge
