// A community: the reference's contigs grouped into genomes (--genome-map), each genome at an
// abundance (--abundance: relative shares of the reads, or fold coverage) or at one drawn from a
// distribution with the run's seed (--abundance-distribution, as InSilicoSeq draws them).
// Without either, genomes get reads by their length, as contigs do. The plan apportions -N over
// the genomes first and then over each genome's contigs by usable length, so counts are exact.
#ifndef READFORGE_ENGINE_COMMUNITY_H_
#define READFORGE_ENGINE_COMMUNITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "formats/community_tables.h"
#include "formats/status.h"

namespace readforge {

enum class AbundanceDistribution {
  kNone,
  kLogNormal,              // exp(N(0, sigma))
  kExponential,            // Exp(1)
  kHalfNormal,             // |N(0, 1)|
  kZeroInflatedLogNormal,  // 0 with probability `zeros`, else exp(N(0, sigma))
};

// "lognormal", "exponential", "halfnormal", "zero-inflated-lognormal"; false for another name.
bool ParseAbundanceDistribution(std::string_view name, AbundanceDistribution* distribution);
const char* AbundanceDistributionName(AbundanceDistribution distribution);

class Community {
 public:
  enum class Measure { kLength, kAbundance, kCoverage };

  // From a genome map's text, and an abundance table's (empty: none). Genomes are numbered in
  // the order the map first names them. Every genome of the table must be in the map and every
  // genome of the map in the table. Errors name `map_name` or `table_name`.
  static Status Make(std::string_view map_name,
                     std::string_view map_text,
                     std::string_view table_name,
                     std::string_view table_text,
                     Community* community);

  const std::vector<std::string>& genomes() const { return genomes_; }
  // The genome of a contig, or -1 when the map does not list it.
  int64_t GenomeOf(std::string_view contig) const;
  size_t map_size() const { return genome_of_.size(); }
  // The map's contigs, for naming one the reference lacks.
  const std::vector<std::string>& map_contigs() const { return map_contigs_; }

  Measure measure() const { return measure_; }
  const std::string& map_name() const { return map_name_; }
  const std::string& table_name() const { return table_name_; }
  // The table's amounts by genome (shares or coverage), when there is a table.
  const std::vector<double>& amounts() const { return amounts_; }

 private:
  std::string map_name_;
  std::string table_name_;
  std::vector<std::string> genomes_;
  std::vector<std::string> map_contigs_;
  std::unordered_map<std::string, uint32_t> genome_of_;
  Measure measure_ = Measure::kLength;
  std::vector<double> amounts_;
};

// Relative abundances of `genomes` genomes drawn from `distribution` with the run's seed
// (normalised to add up to 1). Fails when every draw is 0 (a zero-inflated draw can be).
Status DrawAbundances(AbundanceDistribution distribution,
                      double sigma,
                      double zeros,
                      uint64_t seed,
                      size_t genomes,
                      std::vector<double>* shares);

// What the plan gave each genome, for --genome-truth.
struct GenomeTally {
  int64_t contigs = 0;
  int64_t bases = 0;
  int64_t usable = 0;  // places a fragment may start
  double asked = 0;    // the share asked (normalised), or the fold coverage asked
  int64_t pairs = 0;
};

// The --genome-truth table: one line per genome (genome, contigs, bases, asked, pairs, share of
// the pairs, coverage = pairs x bases per pair / bases), with a header naming the columns.
std::string GenomeTruthText(const Community& community,
                            AbundanceDistribution distribution,
                            const std::vector<GenomeTally>& tallies,
                            int64_t bases_per_pair);

}  // namespace readforge

#endif  // READFORGE_ENGINE_COMMUNITY_H_
