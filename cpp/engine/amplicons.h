// --amplicons: targeted sequencing, where every fragment is one of a panel's amplicons (its
// primer-to-primer interval), so each pair's outer ends are the amplicon's ends. -N is shared
// over the amplicons by a multinomial draw with the seed, each amplicon weighted by the BED's
// column 5 (1 without it), after dropout (--amplicon-dropout: an amplicon fails altogether
// with this probability) and uneven efficiency (--amplicon-spread: its weight times
// exp(N(0, spread)), a log-normal factor). The plan turns the panel into spans (merged
// amplicons) and gives each span its amplicons and their pairs.
#ifndef READFORGE_ENGINE_AMPLICONS_H_
#define READFORGE_ENGINE_AMPLICONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/amplicon_bed.h"
#include "formats/contig_list.h"
#include "formats/status.h"

namespace readforge {

class AmpliconPanel {
 public:
  // From the BED's text; errors name `name`.
  static Status Make(std::string_view name, std::string_view text, AmpliconPanel* panel);

  const std::string& name() const { return name_; }  // the file's base name
  const std::string& path() const { return path_; }  // as given, for messages
  const std::vector<AmpliconRecord>& amplicons() const { return amplicons_; }
  int64_t longest() const { return longest_; }

  // Every amplicon on a contig of the reference and within it, and none shorter than
  // `shortest_fragment` (the longest read, without --adapters). Errors name the file and line.
  Status Check(const ContigList& contigs, int64_t shortest_fragment, bool adapters) const;

 private:
  std::string name_;
  std::string path_;
  std::vector<AmpliconRecord> amplicons_;
  int64_t longest_ = 0;
};

// The pairs of each amplicon (in the panel's order), adding up to `pairs`; fails when dropout
// left no amplicon with a weight.
Status DrawAmpliconPairs(const AmpliconPanel& panel,
                         uint64_t seed,
                         double dropout,
                         double spread,
                         int64_t pairs,
                         std::vector<int64_t>* counts);

}  // namespace readforge

#endif  // READFORGE_ENGINE_AMPLICONS_H_
