// The two small tables of a community run: --genome-map (which genome each contig belongs to)
// and --abundance (how much of each genome). Tab- or space-separated text; '#' starts a comment
// line; errors name the line.
#ifndef READFORGE_FORMATS_COMMUNITY_TABLES_H_
#define READFORGE_FORMATS_COMMUNITY_TABLES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/status.h"

namespace readforge {

// "contig genome" per line; an optional header line "contig genome". A contig listed twice is
// an error (even with the same genome: a map that repeats itself was likely concatenated).
struct GenomeMapEntry {
  std::string contig;
  std::string genome;
};
Status ParseGenomeMap(std::string_view text, std::vector<GenomeMapEntry>* entries);

// "genome amount" per line. The header line decides what the amounts are: "genome abundance"
// (relative abundances: shares of the reads, normalised; the default without a header) or
// "genome coverage" (fold coverage of each genome). Amounts are finite and not negative.
struct AbundanceTable {
  enum class Measure { kAbundance, kCoverage };
  Measure measure = Measure::kAbundance;
  std::vector<std::pair<std::string, double>> rows;
};
Status ParseAbundanceTable(std::string_view text, AbundanceTable* table);

// --community: "genome path [amount]" per line, under a header "genome path" (genomes by their
// length), "genome path abundance" or "genome path coverage". Genome names are unique and hold
// neither '|' nor spaces (they prefix contig names, community_joiner.h).
struct CommunityMember {
  std::string genome;
  std::string path;  // a path (relative to the table's folder) or a URL
  double amount = 0;
};
struct CommunityTable {
  bool amounts = false;  // a third column
  AbundanceTable::Measure measure = AbundanceTable::Measure::kAbundance;
  std::vector<CommunityMember> members;
  // The amounts as an --abundance table's text ("" without amounts).
  std::string AbundanceText() const;
};
Status ParseCommunityTable(std::string_view text, CommunityTable* table);

}  // namespace readforge

#endif  // READFORGE_FORMATS_COMMUNITY_TABLES_H_
