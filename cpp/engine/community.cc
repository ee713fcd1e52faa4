#include "engine/community.h"

#include <cmath>
#include <cstdio>

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>

#include "engine/random.h"
#include "formats/text.h"

namespace readforge {

bool ParseAbundanceDistribution(std::string_view name, AbundanceDistribution* distribution) {
  if (name == "lognormal")
    *distribution = AbundanceDistribution::kLogNormal;
  else if (name == "exponential")
    *distribution = AbundanceDistribution::kExponential;
  else if (name == "halfnormal")
    *distribution = AbundanceDistribution::kHalfNormal;
  else if (name == "zero-inflated-lognormal")
    *distribution = AbundanceDistribution::kZeroInflatedLogNormal;
  else
    return false;
  return true;
}

const char* AbundanceDistributionName(AbundanceDistribution distribution) {
  switch (distribution) {
    case AbundanceDistribution::kLogNormal:
      return "lognormal";
    case AbundanceDistribution::kExponential:
      return "exponential";
    case AbundanceDistribution::kHalfNormal:
      return "halfnormal";
    case AbundanceDistribution::kZeroInflatedLogNormal:
      return "zero-inflated-lognormal";
    case AbundanceDistribution::kNone:
      break;
  }
  return "";
}

Status Community::Make(std::string_view map_name,
                       std::string_view map_text,
                       std::string_view table_name,
                       std::string_view table_text,
                       Community* community) {
  *community = Community();
  Community& c = *community;
  c.map_name_ = std::string(BaseName(map_name));
  std::vector<GenomeMapEntry> entries;
  Status s = ParseGenomeMap(map_text, &entries);
  if (!s.ok())
    return Status::Error(std::string(map_name) + ": " + s.message());
  std::unordered_map<std::string_view, uint32_t> genome_number;
  c.genome_of_.reserve(entries.size());
  c.map_contigs_.reserve(entries.size());
  for (GenomeMapEntry& e : entries) {
    // The keys view the entries' genome names, which live until the end of Make.
    auto [it, added] = genome_number.emplace(e.genome, static_cast<uint32_t>(c.genomes_.size()));
    if (added)
      c.genomes_.push_back(e.genome);
    c.genome_of_.emplace(e.contig, it->second);
    c.map_contigs_.push_back(std::move(e.contig));
  }
  if (table_text.empty() && table_name.empty())
    return Status::Ok();
  c.table_name_ = std::string(BaseName(table_name));
  AbundanceTable table;
  s = ParseAbundanceTable(table_text, &table);
  if (!s.ok())
    return Status::Error(std::string(table_name) + ": " + s.message());
  c.measure_ = table.measure == AbundanceTable::Measure::kCoverage ? Measure::kCoverage
                                                                   : Measure::kAbundance;
  c.amounts_.assign(c.genomes_.size(), -1);
  for (const auto& [genome, amount] : table.rows) {
    auto it = genome_number.find(genome);
    if (it == genome_number.end()) {
      return Status::Error(std::string(table_name) + ": genome '" + genome + "' is not in " +
                           std::string(map_name) + " (its genomes: " + c.genomes_[0] +
                           (c.genomes_.size() > 1 ? ", ..." : "") + ")");
    }
    c.amounts_[it->second] = amount;
  }
  for (size_t g = 0; g < c.genomes_.size(); ++g) {
    if (c.amounts_[g] < 0) {
      return Status::Error(std::string(table_name) + ": genome '" + c.genomes_[g] + "' (from " +
                           std::string(map_name) +
                           ") has no row; give it one (0 leaves it out of the run)");
    }
  }
  if (c.measure_ == Measure::kAbundance) {
    double sum = 0;
    for (double a : c.amounts_)
      sum += a;
    for (double& a : c.amounts_)
      a /= sum;
  }
  return Status::Ok();
}

int64_t Community::GenomeOf(std::string_view contig) const {
  auto it = genome_of_.find(std::string(contig));
  return it == genome_of_.end() ? -1 : static_cast<int64_t>(it->second);
}

Status DrawAbundances(AbundanceDistribution distribution,
                      double sigma,
                      double zeros,
                      uint64_t seed,
                      size_t genomes,
                      std::vector<double>* shares) {
  Rng rng = MakeRng(seed, HashName("abundances"), 0, StreamPurpose::kAbundances);
  boost::random::normal_distribution<double> normal(0, 1);
  boost::random::exponential_distribution<double> exponential(1);
  boost::random::bernoulli_distribution<double> zero(zeros);
  shares->assign(genomes, 0);
  double sum = 0;
  for (double& a : *shares) {
    switch (distribution) {
      case AbundanceDistribution::kLogNormal:
        a = std::exp(sigma * normal(rng));
        break;
      case AbundanceDistribution::kExponential:
        a = exponential(rng);
        break;
      case AbundanceDistribution::kHalfNormal:
        a = std::fabs(normal(rng));
        break;
      case AbundanceDistribution::kZeroInflatedLogNormal: {
        const bool is_zero = zero(rng);
        const double value = std::exp(sigma * normal(rng));
        a = is_zero ? 0 : value;
        break;
      }
      case AbundanceDistribution::kNone:
        a = 1;
        break;
    }
    sum += a;
  }
  if (!(sum > 0)) {
    return Status::Error("--abundance-distribution: every genome drew an abundance of 0 (" +
                         std::to_string(genomes) +
                         " genomes); lower --abundance-zeros or choose another seed");
  }
  for (double& a : *shares)
    a /= sum;
  return Status::Ok();
}

std::string GenomeTruthText(const Community& community,
                            AbundanceDistribution distribution,
                            const std::vector<GenomeTally>& tallies,
                            int64_t bases_per_pair) {
  std::string asked = "share of the usable length (no abundances given)";
  if (distribution != AbundanceDistribution::kNone)
    asked = std::string("relative abundance drawn from ") + AbundanceDistributionName(distribution);
  else if (community.measure() == Community::Measure::kAbundance)
    asked = "relative abundance, normalised";
  else if (community.measure() == Community::Measure::kCoverage)
    asked = "fold coverage";
  std::string out = std::string("# readforge genome truth; asked: ") + asked +
                    "; coverage = pairs x bases per pair / bases\n"
                    "#genome\tcontigs\tbases\tasked\tpairs\tshare\tcoverage\n";
  int64_t total = 0;
  for (const GenomeTally& t : tallies)
    total += t.pairs;
  char number[64];
  for (size_t g = 0; g < tallies.size(); ++g) {
    const GenomeTally& t = tallies[g];
    out += community.genomes()[g];
    out += '\t' + std::to_string(t.contigs) + '\t' + std::to_string(t.bases) + '\t';
    std::snprintf(number, sizeof number, "%.6g", t.asked);
    out += number;
    out += '\t' + std::to_string(t.pairs) + '\t';
    std::snprintf(number, sizeof number, "%.6f",
                  total > 0 ? static_cast<double>(t.pairs) / static_cast<double>(total) : 0.0);
    out += number;
    out += '\t';
    std::snprintf(number, sizeof number, "%.4f",
                  t.bases > 0
                      ? static_cast<double>(t.pairs * bases_per_pair) / static_cast<double>(t.bases)
                      : 0.0);
    out += number;
    out += '\n';
  }
  return out;
}

}  // namespace readforge
